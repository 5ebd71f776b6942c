import { isLeaderLine } from './layout-stats.js';
import type { PageLines } from './page-furniture.js';
import type { TextLine } from './text-lines.js';

const PAGE_REF = /^(?:\d{1,4}|[ivxlc]{1,7})$/i;
const TRAILING_REF = /(?:^|\s)(\d{1,4}|[ivxlc]{1,7})$/i;
const CONTENTS_TITLE = /^(?:table\s+of\s+)?contents$|^inhalt(?:sverzeichnis)?$|^table\s+des\s+mati[eè]res$|^sommaire$|^[ií]ndice$/i;
/** A contents page lists at least this many entries. */
const MIN_ENTRIES = 3;

/** The page reference a contents entry ends with (a right-aligned number, or one after dot leaders). */
function pageRef(line: TextLine, alone: Set<TextLine>): string | undefined {
  if (alone.has(line)) return line.text.trim();
  const cells = line.cells;
  const last = cells?.[cells.length - 1]?.text.trim();
  // A title and its page (`Changing Logos    4`), or a section number, a title and its page; a
  // table row with more cells that ends in a small number is not a contents entry.
  const shaped = cells && (cells.length === 2 || (cells.length === 3 && /^(?:\d+(?:\.\d+)*\.?|[A-Z]\.?|[IVXL]+\.?)$/.test(cells[0].text.trim())));
  if (shaped && last && PAGE_REF.test(last) && /\p{L}/u.test(cells.slice(0, -1).map((c) => c.text).join(' '))) return last;
  if (isLeaderLine(line.text)) return TRAILING_REF.exec(line.text.trim())?.[1] ?? '';
  return undefined;
}

const value = (ref: string): number => (/^\d+$/.test(ref) ? Number(ref) : -1);

/**
 * Removes contents pages: runs of entries that end in a page reference (dot leaders or a number
 * set apart on the right), in non-decreasing page order, on a page titled "Contents" or
 * following one, or among the first pages. A table whose last column holds small numbers
 * stays, unless it looks like that on a front page.
 */
export function removeContentsPages(pages: PageLines[], pageCount: number): PageLines[] {
  let previousWasContents = false;
  return pages.map((p) => {
    // A page number set as its own text item on an entry's baseline.
    const alone = new Set(p.lines.filter((l) => PAGE_REF.test(l.text.trim()) && p.lines.some((o) => o !== l && /\p{L}/u.test(o.text) && Math.abs(o.y - l.y) < 0.3 * l.size && o.right < l.x)));
    const entries = p.lines.filter((l) => pageRef(l, alone) !== undefined);
    const titled = p.lines.some((l) => CONTENTS_TITLE.test(l.text.trim()));
    const refs = entries.map((l) => value(pageRef(l, alone)!)).filter((n) => n >= 0);
    const ordered = refs.every((n, i) => i === 0 || n >= refs[i - 1]) && refs.every((n) => n <= pageCount + 20);
    const leaders = entries.some((l) => isLeaderLine(l.text));
    const isContents = entries.length >= MIN_ENTRIES && ordered && (titled || leaders || previousWasContents || p.page <= 4);
    previousWasContents = isContents;
    if (!isContents) return p;
    const drop = new Set(entries);
    return { ...p, lines: p.lines.filter((l) => !drop.has(l) && !CONTENTS_TITLE.test(l.text.trim())) };
  });
}
