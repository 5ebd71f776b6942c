import { buildVocabulary } from './hyphenation.js';
import type { TextLine } from './text-lines.js';

/** Document-wide measures that the block and heading rules compare against. */
export interface LayoutStats {
  /** Most common font size, weighted by characters. */
  bodySize: number;
  /** Most common distance between baselines of body lines. */
  leading: number;
  /** Words of the document, for deciding line-end hyphens. */
  vocab: Set<string>;
  /** A line is a heading when its size is at least `bodySize * headingRatio`. */
  headingRatio: number;
  /** Right edge of a full body line (90th percentile), to tell a paragraph's short last line. */
  rightEdge: number;
  /** False when most of the text is monospace (a typewritten document, not code samples). */
  codeBlocks: boolean;
}

function mode(values: Map<number, number>, fallback: number): number {
  let best = fallback;
  let count = -1;
  for (const [v, n] of values) {
    if (n > count || (n === count && v < best)) [best, count] = [v, n];
  }
  return best;
}

/**
 * Measures body size, leading and vocabulary over all lines of a document. The body size
 * comes from prose: table regions are left out and short lines (labels, cells, captions)
 * count less than full lines, so a report with more 9 pt table text than 11 pt prose still
 * has an 11 pt body.
 */
export function measureLayout(all: TextLine[], headingRatio: number): LayoutStats {
  const sizes = new Map<number, number>();
  let monoChars = 0;
  let chars = 0;
  const lines = all.filter((l) => !l.table);
  for (const line of lines) {
    const key = Math.round(line.size * 2) / 2;
    const n = line.text.replace(/\s/g, '').length;
    sizes.set(key, (sizes.get(key) ?? 0) + (line.cells ? 0.25 : 1) * n * Math.min(1, n / 40));
    chars += n;
    if (line.mono) monoChars += n;
  }
  const bodySize = mode(sizes, 10);
  const gaps = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1], lines[i]];
    const gap = a.y - b.y;
    const body = (l: TextLine): boolean => Math.abs(Math.round(l.size * 2) / 2 - bodySize) < 0.01;
    if (a.page === b.page && body(a) && body(b) && gap > 0 && gap < 3 * bodySize) {
      const key = Math.round(gap * 2) / 2;
      gaps.set(key, (gaps.get(key) ?? 0) + 1);
    }
  }
  const rights = lines.filter((l) => Math.abs(l.size - bodySize) < 0.5).map((l) => l.right).sort((a, b) => a - b);
  return {
    bodySize,
    rightEdge: rights[Math.floor(rights.length * 0.9)] ?? 0,
    leading: mode(gaps, bodySize * 1.2),
    vocab: buildVocabulary(all),
    headingRatio,
    codeBlocks: chars === 0 || monoChars / chars < 0.6,
  };
}

// Table-of-contents and index entries: dot leaders followed by a page reference.
const LEADER = /(?:(?:\.\s?){4,}|…{2,})\s*(?:[\divxlc]+(?:\s*[,–-]\s*[\divxlc]+)*)?\s*$/i;

/** True for table-of-contents or index lines (`2.1 Lines . . . . . 2`). */
export function isLeaderLine(text: string): boolean {
  return LEADER.test(text);
}

/** True when a line looks like a heading: clearly larger than body text, short, not code. */
export function isHeadingLine(line: TextLine, stats: LayoutStats): boolean {
  return (
    !line.mono &&
    !line.table &&
    line.size >= stats.bodySize * stats.headingRatio &&
    line.text.length <= 200 &&
    /\p{L}/u.test(line.text) &&
    !isLeaderLine(line.text)
  );
}

const sizeKey = (l: TextLine): number => Math.round(l.size * 2) / 2;

/** True when `line` continues the heading set on `prev` (same size, same page, just below). */
export function continuesHeading(prev: TextLine, line: TextLine): boolean {
  const gap = prev.y - line.y;
  return prev.page === line.page && sizeKey(prev) === sizeKey(line) && gap > 0 && gap <= 1.8 * line.size;
}

/**
 * Which lines are headings. Heading-sized lines are grouped as a heading set on several lines
 * would be; a group that reads as prose (more than two lines, over 120 characters, or a
 * sentence of ten words or more) is body text set large, never a heading, so it is kept as text.
 */
export function headingFlags(lines: TextLine[], stats: LayoutStats): boolean[] {
  const flags = lines.map((l) => isHeadingLine(l, stats));
  for (let i = 0; i < lines.length; ) {
    if (!flags[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lines.length && flags[j] && continuesHeading(lines[j - 1], lines[j])) j++;
    const text = lines.slice(i, j).map((l) => l.text).join(' ');
    const words = text.split(/\s+/).length;
    if (j - i > 2 || text.length > 120 || (words >= 10 && /[.!?;,]["”’)]?$/.test(text))) for (let k = i; k < j; k++) flags[k] = false;
    i = j;
  }
  return flags;
}
