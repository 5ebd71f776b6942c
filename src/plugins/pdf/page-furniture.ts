import type { TextLine } from './text-lines.js';

/** The lines of one page and its vertical extent. */
export interface PageLines {
  /** 1-based page number. */
  page: number;
  /** Bottom and top of the page box (PDF user space). */
  bottom: number;
  top: number;
  /** Lines in content-stream order. */
  lines: TextLine[];
}

// Running headers and footers live in the outer ~12% of the page (LaTeX puts page numbers about 11% up).
const MARGIN_SHARE = 0.12;
const BARE_NUMBER = /^(?:page\s+)?[-–—(]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—)]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
// A number at either end; `1. Set ...` and `2) Open ...` are list items, not page numbers.
const EDGE_NUMBER = /^(\d{1,4})(?![.)\d])\b|\b(\d{1,4})$/;
/** Headers and footers are among the outermost lines of a page. */
const EDGE_LINES = 3;

/** Lines in the outer band of the page that are also among its top-most or bottom-most lines. */
function edgeLines(p: PageLines): Set<TextLine> {
  const band = (p.top - p.bottom) * MARGIN_SHARE;
  const byY = [...p.lines].sort((a, b) => b.y - a.y);
  const top = byY.slice(0, EDGE_LINES).filter((l) => l.y >= p.top - band);
  const bottom = byY.slice(-EDGE_LINES).filter((l) => l.y <= p.bottom + band);
  return new Set([...top, ...bottom]);
}

// Digits vary from page to page (page numbers, chapter numbers); the rest of a running header
// does not, and neither does its position (so a `}` that ends code near the bottom of two pages is no footer).
const shape = (line: TextLine): string => `${line.text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim()}@${Math.round(line.y / 6)}`;

function edgeNumbers(text: string): number[] {
  const m = EDGE_NUMBER.exec(text.trim());
  const out: number[] = [];
  if (m?.[1]) out.push(Number(m[1]));
  const tail = /(\d{1,4})$/.exec(text.trim());
  if (tail) out.push(Number(tail[1]));
  return out;
}

/**
 * Removes running headers, footers and page numbers: outermost lines in the page margins
 * that are a bare page number, that start or end with the printed page number (found as the
 * most common offset between physical and printed numbers), or whose shape repeats at the
 * same height on several pages.
 */
export function removePageFurniture(pages: PageLines[]): PageLines[] {
  const offsets = new Map<number, number>();
  const shapes = new Map<string, number>();
  const edges = new Map(pages.map((p) => [p, edgeLines(p)]));
  for (const p of pages) {
    const seenOffsets = new Set<number>();
    const seenShapes = new Set<string>();
    for (const line of edges.get(p)!) {
      for (const n of edgeNumbers(line.text)) seenOffsets.add(p.page - n);
      seenShapes.add(shape(line));
    }
    for (const o of seenOffsets) offsets.set(o, (offsets.get(o) ?? 0) + 1);
    for (const s of seenShapes) shapes.set(s, (shapes.get(s) ?? 0) + 1);
  }
  const minRepeats = pages.length >= 3 ? Math.max(2, Math.min(4, Math.ceil(pages.length / 10))) : Infinity;
  let offset: number | undefined;
  let best = 0;
  for (const [o, count] of offsets) {
    if (count > best) [offset, best] = [o, count];
  }
  // A numbering offset seen on a few pages only is a coincidence, not page numbering.
  if (best < Math.max(2, Math.ceil(pages.length * 0.3))) offset = undefined;
  return pages.map((p) => ({
    ...p,
    lines: p.lines.filter((line) => {
      if (!edges.get(p)!.has(line)) return true;
      const text = line.text.trim();
      if (BARE_NUMBER.test(text)) return false;
      if (offset !== undefined && edgeNumbers(text).includes(p.page - offset)) return false;
      return (shapes.get(shape(line)) ?? 0) < minRepeats;
    }),
  }));
}
