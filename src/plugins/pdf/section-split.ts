import { continuesHeading, headingFlags, type LayoutStats } from './layout-stats.js';
import type { OutlineEntry } from './outline.js';
import type { TextLine } from './text-lines.js';

/** A heading and the lines under it, before rendering. */
export interface RawSection {
  /** Heading text; empty for the preamble or a document without headings. */
  title: string;
  /** Outline depth or heading rank from 1; 0 for the preamble or whole document. */
  level: number;
  /** Enclosing headings, outermost first. */
  parents: string[];
  /** Page the heading points at (or the first line's page). */
  page: number;
  /** Body lines in reading order (the heading's own lines removed when recognised). */
  lines: TextLine[];
  /** The printed heading lines (font-size mode), to fold back into the text. */
  headingLines?: TextLine[];
}

// Lines within this many points above a destination still belong to it (rounding in producers).
const DEST_SLACK = 2;

/**
 * Splits lines at outline destinations: each entry owns the text from its page and y to the
 * next entry's position in document order. Entries that do not resolve take the position of
 * the next one that does, so every entry yields a section. Lines before the first entry form
 * the preamble (level 0).
 */
export function splitByOutline(lines: TextLine[], entries: OutlineEntry[], pageCount: number): RawSection[] {
  const located = entries.map((e, i) => {
    const next = entries.slice(i).find((n) => n.page !== undefined);
    return { entry: e, page: next?.page ?? pageCount + 1, y: next?.page !== undefined ? next.y : Infinity, order: i };
  });
  located.sort((a, b) => a.page - b.page || b.y - a.y || a.order - b.order);
  const preamble: RawSection = { title: '', level: 0, parents: [], page: 1, lines: [] };
  const sections = located.map<RawSection>((l) => ({ title: l.entry.title, level: l.entry.level, parents: l.entry.parents, page: Math.min(l.page, pageCount), lines: [] }));
  for (const line of lines) {
    // Last entry positioned at or above the line (binary search over document order).
    let lo = 0;
    let hi = located.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const l = located[mid];
      if (l.page < line.page || (l.page === line.page && line.y <= l.y + DEST_SLACK)) [found, lo] = [mid, mid + 1];
      else hi = mid - 1;
    }
    (found < 0 ? preamble : sections[found]).lines.push(line);
  }
  for (const s of sections) s.lines = stripHeadingLines(s.lines, s.title);
  return [preamble, ...sections];
}

const norm = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
const NUMBERING = /^(?:(?:chapter|section|part|appendix)\s+)?(?:\d+(?:\.\d+)*\.?|[A-Z](?:\.\d+)*\.|[IVXLC]+\.)\s+/i;

/** Drops the first lines when they print the section's own heading (`2.1 Lines` for `Lines`). */
export function stripHeadingLines(lines: TextLine[], title: string): TextLine[] {
  const t = norm(title.replace(NUMBERING, ''));
  if (!t) return lines;
  let seen = '';
  for (let i = 0; i < Math.min(3, lines.length) && !lines[i].mono; i++) {
    seen += norm(lines[i].text.replace(NUMBERING, ''));
    if (seen === t) return lines.slice(i + 1);
    if (!seen || !t.startsWith(seen)) break;
  }
  return lines;
}

/**
 * Splits lines at font-size headings (for PDFs without an outline). Adjacent heading lines
 * of one size merge into one heading; heading sizes ranked from largest give the levels.
 */
export function splitByHeadings(lines: TextLine[], stats: LayoutStats): RawSection[] {
  const sizeKey = (l: TextLine): number => Math.round(l.size * 2) / 2;
  const flags = headingFlags(lines, stats);
  const headingSizes = [...new Set(lines.filter((_, i) => flags[i]).map(sizeKey))].sort((a, b) => b - a);
  const levelOf = (l: TextLine): number => Math.min(6, headingSizes.indexOf(sizeKey(l)) + 1);
  const sections: RawSection[] = [{ title: '', level: 0, parents: [], page: 1, lines: [] }];
  const stack: RawSection[] = [];
  let prevHeading: TextLine | undefined;
  for (const [i, line] of lines.entries()) {
    let current = sections[sections.length - 1];
    if (!flags[i]) {
      current.lines.push(line);
      prevHeading = undefined;
      continue;
    }
    if (prevHeading && continuesHeading(prevHeading, line)) {
      current.title = `${current.title} ${line.text}`; // a heading set on two lines
      current.headingLines?.push(line);
    } else {
      const level = levelOf(line);
      while (stack.length > 0 && stack[stack.length - 1].level >= level) stack.pop();
      current = { title: line.text, level, parents: stack.map((s) => s.title), page: line.page, lines: [], headingLines: [line] };
      sections.push(current);
      stack.push(current);
    }
    prevHeading = line;
  }
  return foldEmptyHeadings(sections);
}

/**
 * Large lines with no text of their own (an author line, a date on a title page) are not
 * sections: their lines go back into the text before them. A heading whose only content is
 * sub-sections is dropped as a section but stays in its children's breadcrumbs.
 */
function foldEmptyHeadings(sections: RawSection[]): RawSection[] {
  const out: RawSection[] = [sections[0]];
  sections.forEach((s, i) => {
    if (i === 0) return;
    const isParent = sections[i + 1]?.level > s.level;
    if (s.lines.length > 0 || isParent) out.push(s);
    else out[out.length - 1].lines.push(...(s.headingLines ?? []));
  });
  return out.filter((s, i) => i === 0 || s.lines.length > 0);
}
