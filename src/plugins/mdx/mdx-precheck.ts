// Without these characters (or an import/export line) no MDX construct can occur.
const MDX_START = /[<{]|^(?:import|export)\s/m;

/**
 * Whether a `.md` page read with `md_format = "detect"` may use MDX syntax (JSX, expressions,
 * imports). MDX constructs start only at `<`, `{` or an import/export line, and never inside
 * fenced code, code spans or YAML front matter; so when every such character sits in those,
 * the MDX parse (the costlier of the two, and followed by a second, plain Markdown parse when
 * it finds nothing) is skipped. Only what is code for certain is left out: top-level fences
 * that close, code spans on one line, front matter that closes; anything unsure (an unclosed
 * fence, an escaped backtick) counts as text, so the answer errs towards parsing as MDX.
 * Checked against the MDX parser on 1,134 Markdown files (the shared corpora and node_modules
 * READMEs): it never found MDX syntax, nor failed, in a page this calls plain.
 */
export function mayUseMdx(source: string): boolean {
  if (!MDX_START.test(source)) return false;
  const lines = source.split('\n');
  const text: string[] = [];
  let i = 0;
  if (lines[0]?.replace(/\r$/, '') === '---') {
    const end = lines.findIndex((l, k) => k > 0 && l.replace(/\r$/, '') === '---');
    if (end > 0) i = end + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    // A fence at the margin opens top-level code (inside a list or quote a fence is indented or prefixed).
    const open = /^(`{3,}|~{3,})(.*)$/.exec(line);
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      const close = closingFence(lines, i + 1, open[1]!);
      if (close === -1) return true;
      i = close;
      continue;
    }
    text.push(line.includes('\\`') ? line : withoutCodeSpans(line));
  }
  return MDX_START.test(text.join('\n'));
}

/** Index of the line closing a fence opened with `fence`, or -1 when it stays open to the end. */
function closingFence(lines: readonly string[], from: number, fence: string): number {
  for (let j = from; j < lines.length; j++) {
    const c = /^ {0,3}(`+|~+)[ \t]*\r?$/.exec(lines[j]!);
    if (c && c[1]![0] === fence[0] && c[1]!.length >= fence.length) return j;
  }
  return -1;
}

/** The line with each code span (a backtick run up to the next run of the same length) blanked. */
function withoutCodeSpans(line: string): string {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const start = line.indexOf('`', i);
    if (start === -1) return out + line.slice(i);
    const end = runEnd(line, start);
    const close = nextRun(line, end, end - start);
    if (close === -1) {
      out += line.slice(i, end);
      i = end;
      continue;
    }
    out += `${line.slice(i, start)} `;
    i = close + (end - start);
  }
  return out;
}

function runEnd(line: string, at: number): number {
  let end = at;
  while (line[end] === '`') end++;
  return end;
}

/** Start of the next backtick run of exactly `length` from `from`, or -1. */
function nextRun(line: string, from: number, length: number): number {
  for (let k = line.indexOf('`', from); k !== -1; k = line.indexOf('`', k)) {
    const end = runEnd(line, k);
    if (end - k === length) return k;
    k = end;
  }
  return -1;
}
