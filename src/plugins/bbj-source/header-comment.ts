/** Lines of a comment block read at most as the header. */
const MAX_HEADER_LINES = 40;

// `rem` needs a word boundary (the reference took `remainder=1` for a comment); an optional
// legacy line number may precede it. `'` comments (not `'CS'`-style mnemonics), `!` and `//`
// (ARC files) are accepted too.
const COMMENT = /^\s*(?:\d{1,5}\s+)?(?:rem\b|'(?![A-Z0-9]{1,4}')|!(?!\w+!?\s*=)|\/\/)(.*)$/i;

/**
 * The description a program gives of itself: the first comment block at the top of the file
 * (blank lines before it skipped), with comment markers and decoration (`/**`, `*`, rules of
 * `-`/`=`) removed. Empty when the file starts with code.
 */
export function headerComment(text: string): string {
  const out: string[] = [];
  let started = false;
  let count = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (started) break;
      continue;
    }
    const m = COMMENT.exec(line);
    if (!m) break;
    started = true;
    if (++count > MAX_HEADER_LINES) break;
    const cleaned = cleanCommentText(m[1]);
    if (cleaned !== '') out.push(cleaned);
  }
  return out.join('\n');
}

function cleanCommentText(raw: string): string {
  const s = raw
    .replace(/^[\s'*/]+/, '')
    .replace(/\*+\/\s*$/, '')
    .replace(/^#charset:.*$/i, '')
    // AddonSoftware writes `rem --- Open files`: the dashes are decoration, not a list item.
    .replace(/^-{2,}\s+(?=\S)/, '')
    .trim();
  // Pure decoration (`-----`, `=====`, `*****`) says nothing.
  return /^[-=*#_~+.\s]*$/.test(s) ? '' : s;
}
