/** A run of program lines that belongs to one callpoint, class, method or label. */
export interface CodeSection {
  /** Markdown heading level (2 for callpoints, classes, labels and main code; 3 for methods and labels inside a callpoint); 0 for the untitled preamble. */
  level: 0 | 2 | 3;
  /** Heading text (`callpoint ARM_CUSTMAST.BSHO (before show)`, `class public Foo`, `method public void bar()`, `label GOSUB_X`). */
  title: string;
  /** The source lines. */
  lines: string[];
}

const CLASS_START = /^\s*(?:class|interface)\s+(?:public|private|protected)\b/i;
const CLASS_END = /^\s*(?:classend|interfaceend)\b/i;
const METHOD_START = /^\s*method\s+(?:public|private|protected|static)\b/i;
// A label alone on its line or before a statement (`L180: PRINT ...` in line-numbered legacy code).
// AddonSoftware glues a comment to it: `disable_ctls:rem --- disable selected control`.
const LABEL = /^\s*([A-Za-z_]\w*):(?:\s|$|rem\b)/i;
const COMMENT_LINE = /^\s*(?:rem\b|$)/i;
// Barista callpoint marker in `.cdf` (and exported callpoint) files: `[[TABLE.EVENT]]` or `[[TABLE.COLUMN.EVENT]]`.
const CALLPOINT = /^\s*\[\[([^\]\s]+)\]\]\s*$/;
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
  let inCallpoint = false;
  const start = (level: 2 | 3, title: string) => {
    const prev = sections[sections.length - 1];
    const carried: string[] = [];
    while (prev.lines.length > 0 && COMMENT_LINE.test(prev.lines[prev.lines.length - 1])) carried.unshift(prev.lines.pop()!);
    while (carried.length > 0 && carried[0].trim() === '') prev.lines.push(carried.shift()!);
    sections.push({ level, title, lines: carried });
  };
  for (const line of text.split('\n')) {
    const callpoint = CALLPOINT.exec(line);
    if (callpoint) {
      // The marker line stays as the first line of its code, as the source has it.
      sections.push({ level: 2, title: `callpoint ${callpointTitle(callpoint[1])}`, lines: [] });
      inCallpoint = true;
      inClass = false;
    } else if (CLASS_START.test(line)) {
      start(2, declaration(line));
      inClass = true;
    } else if (inClass && METHOD_START.test(line)) {
      start(3, declaration(line));
    } else if (!inClass && LABEL.test(line) && !(inCallpoint && onlyMarker(sections[sections.length - 1]))) {
      // A label right under a callpoint marker is that callpoint's entry point, not a sub-section.
      start(inCallpoint ? 3 : 2, `label ${LABEL.exec(line)![1]}`);
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

const onlyMarker = (s: CodeSection): boolean => s.lines.filter((l) => !COMMENT_LINE.test(l)).length <= 1;

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

/** True when the text holds Barista callpoint markers, which split a program of any length. */
export function hasCallpoints(text: string): boolean {
  return text.split('\n').some((l) => CALLPOINT.test(l));
}

// Barista event codes (the last part of a callpoint name), for a heading a reader and a search understand.
const EVENTS: Record<string, string> = {
  ADEL: 'after record delete',
  ADIS: 'after record display',
  AOPT: 'additional option',
  AREC: 'after new record',
  ASHO: 'after show form',
  AVAL: 'after validation',
  AWRI: 'after record write',
  BDEL: 'before record delete',
  BEND: 'before end',
  BSHO: 'before show form',
  BWRI: 'before record write',
};

/** `ARM_CUSTMAST.AOPT-PYMT` -> `ARM_CUSTMAST.AOPT-PYMT (additional option PYMT)`; unknown events stay as written. */
function callpointTitle(name: string): string {
  const event = name.slice(name.lastIndexOf('.') + 1);
  const [code, option] = event.split('-', 2);
  const meaning = EVENTS[code.toUpperCase()];
  return meaning ? `${name} (${meaning}${option ? ` ${option}` : ''})` : name;
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
