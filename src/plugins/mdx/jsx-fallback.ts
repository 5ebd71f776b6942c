/**
 * Prepares an MDX page that the MDX parser rejected for a CommonMark read. CommonMark takes
 * a line such as `<TabItem value="js">` for the start of an HTML block that runs to the next
 * blank line, swallowing a fence opened under it, and indented content becomes indented
 * code. So whole-line JSX tags become blank lines (a `label`/`title` becomes a bold caption),
 * and content nested under a tag loses the indentation of its first line, inside code too.
 */

// A whole line that only opens or closes a JSX component (`<Tabs>`, `</TabItem>`, `<Admonition type="tip">`).
const TAG_LINE = /^([ \t]*)<(\/?)([A-Z][\w.]*)((?:\s+[\w:-]+(?:=(?:"[^"]*"|'[^']*'|\{[^}]*\}))?)*)\s*(\/?)>[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

interface Open {
  name: string;
  /** Indentation removed from the lines below this tag; set by the first non-blank line. */
  dedent?: number;
}

function indentOf(line: string): number {
  return /^[ \t]*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
}

function removeIndent(line: string, n: number): string {
  let i = 0;
  let width = 0;
  while (i < line.length && width < n && (line[i] === ' ' || line[i] === '\t')) {
    width += line[i] === '\t' ? 4 : 1;
    i++;
  }
  return line.slice(i);
}

function caption(attributes: string): string | undefined {
  const m = /\b(?:label|title)=(?:"([^"]*)"|'([^']*)')/.exec(attributes);
  const text = (m?.[1] ?? m?.[2] ?? '').trim();
  return text ? `**${text.replace(/\*/g, '\\*')}**` : undefined;
}

/** Rewrites JSX wrapper lines so a CommonMark parser keeps their Markdown and code intact. */
export function flattenJsxLines(source: string): string {
  const stack: Open[] = [];
  let fence: string | undefined;
  const out: string[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const top = stack[stack.length - 1];
    if (fence === undefined) {
      const tag = TAG_LINE.exec(line);
      if (tag) {
        const [, , closing, name, attributes, selfClosing] = tag;
        if (closing) {
          const at = stack.map((o) => o.name).lastIndexOf(name);
          if (at >= 0) stack.length = at;
          out.push('');
        } else {
          const label = caption(attributes);
          out.push('', ...(label ? [label, ''] : []));
          if (!selfClosing) stack.push({ name });
        }
        continue;
      }
    }
    if (top && top.dedent === undefined && line.trim()) top.dedent = indentOf(line);
    const text = top?.dedent ? removeIndent(line, top.dedent) : line;
    const f = FENCE.exec(text);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && text.trim() === f[1]) fence = undefined;
    }
    out.push(text);
  }
  return out.join('\n');
}

/** True when a page has whole-line JSX tags or `import`/`export` lines outside code: it was meant as MDX. */
export function looksLikeMdx(source: string): boolean {
  let fence: string | undefined;
  for (const line of source.split('\n')) {
    const f = FENCE.exec(line);
    if (f) {
      if (fence === undefined) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    if (TAG_LINE.test(line) || /^(import|export)\s.+\sfrom\s|^import\s+['"]/.test(line)) return true;
  }
  return false;
}
