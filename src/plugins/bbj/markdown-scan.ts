/** Splits Markdown into prose and fenced code so rules never read `# comment` lines in code as headings. */

/** The parts of a Markdown text that rules look at. */
export interface MarkdownParts {
  /** ATX heading texts outside code fences, in document order, all levels. */
  headings: string[];
  /** Text outside code fences (headings included). */
  prose: string;
  /** Contents of fenced code blocks, each with its info string's language (lower-case, may be ''). */
  code: { lang: string; text: string }[];
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;

/** Scans Markdown once: headings and prose outside fences, code inside them (CommonMark fence rules, unclosed fences run to the end). */
export function scanMarkdown(markdown: string): MarkdownParts {
  const headings: string[] = [];
  const prose: string[] = [];
  const code: { lang: string; text: string }[] = [];
  let fence: { char: string; len: number; lang: string; lines: string[] } | undefined;
  for (const line of markdown.split(/\r?\n/)) {
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1][0] === fence.char && close[1].length >= fence.len) {
        code.push({ lang: fence.lang, text: fence.lines.join('\n') });
        fence = undefined;
      } else {
        fence.lines.push(line);
      }
      continue;
    }
    const open = FENCE_OPEN.exec(line);
    // A backtick fence whose info string holds a backtick is inline code, not a fence (CommonMark).
    if (open && !(open[1][0] === '`' && line.slice(line.indexOf(open[1]) + open[1].length).includes('`'))) {
      fence = { char: open[1][0], len: open[1].length, lang: open[2].toLowerCase(), lines: [] };
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) headings.push(heading[1].trim());
    prose.push(line);
  }
  if (fence) code.push({ lang: fence.lang, text: fence.lines.join('\n') });
  return { headings, prose: prose.join('\n'), code };
}
