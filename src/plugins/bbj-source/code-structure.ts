/** A run of program lines that belongs to one class, method or label. */
export interface CodeSection {
  /** Markdown heading level (2 for classes, labels and main code; 3 for methods); 0 for the untitled preamble. */
  level: 0 | 2 | 3;
  /** Heading text (`class public Foo`, `method public void bar()`, `label GOSUB_X`). */
  title: string;
  /** The source lines. */
  lines: string[];
}

const CLASS_START = /^\s*(?:class|interface)\s+(?:public|private|protected)\b/i;
const CLASS_END = /^\s*(?:classend|interfaceend)\b/i;
const METHOD_START = /^\s*method\s+(?:public|private|protected|static)\b/i;
// A label alone on its line or before a statement (`L180: PRINT ...` in line-numbered legacy code).
const LABEL = /^\s*([A-Za-z_]\w*):(?:\s|$)/;
const COMMENT_LINE = /^\s*(?:rem\b|$)/i;
/** Label sections shorter than this (non-blank lines) stay in the section before them. */
const MIN_LABEL_SECTION = 5;

/**
 * Splits a program at class, method and label boundaries, so each section can become its
 * own fenced block under its own heading and the chunker never cuts mid-statement. Comment
 * lines directly above a declaration travel with it (`rem @Test` belongs to the method).
 */
export function splitCodeSections(text: string): CodeSection[] {
  const sections: CodeSection[] = [{ level: 0, title: '', lines: [] }];
  let inClass = false;
  const start = (level: 2 | 3, title: string) => {
    const prev = sections[sections.length - 1];
    const carried: string[] = [];
    while (prev.lines.length > 0 && COMMENT_LINE.test(prev.lines[prev.lines.length - 1])) carried.unshift(prev.lines.pop()!);
    while (carried.length > 0 && carried[0].trim() === '') prev.lines.push(carried.shift()!);
    sections.push({ level, title, lines: carried });
  };
  for (const line of text.split('\n')) {
    if (CLASS_START.test(line)) {
      start(2, declaration(line));
      inClass = true;
    } else if (inClass && METHOD_START.test(line)) {
      start(3, declaration(line));
    } else if (!inClass && LABEL.test(line)) {
      start(2, `label ${LABEL.exec(line)![1]}`);
    } else if (CLASS_END.test(line)) {
      sections[sections.length - 1].lines.push(line);
      inClass = false;
      sections.push({ level: 2, title: 'main program', lines: [] });
      continue;
    }
    sections[sections.length - 1].lines.push(line);
  }
  return mergeSmall(sections).filter((s) => s.lines.some((l) => l.trim() !== ''));
}

function mergeSmall(sections: CodeSection[]): CodeSection[] {
  const out: CodeSection[] = [];
  for (const s of sections) {
    const prev = out[out.length - 1];
    const nonBlank = s.lines.filter((l) => l.trim() !== '').length;
    const small = (s.title.startsWith('label ') && nonBlank < MIN_LABEL_SECTION) || (s.title === 'main program' && nonBlank === 0);
    if (prev && small) prev.lines.push(...s.lines);
    else out.push(s);
  }
  return out;
}

/** The declaration line without its trailing comment, keyword lower-cased (`CLASS public X` -> `class public X`), for a heading. */
function declaration(line: string): string {
  const text = line.replace(/;\s*rem\b.*$/i, '').trim().replace(/\s+/g, ' ');
  return text.replace(/^\w+/, (keyword) => keyword.toLowerCase());
}

/** Longest run of backticks in the text, so a fence can be longer than any run inside. */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}
