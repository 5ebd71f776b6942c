import type { TextContent, TextItem } from 'pdfjs-dist/types/src/display/api.js';

/** One reconstructed line of text on a page, in PDF user space (y grows upwards). */
export interface TextLine {
  /** 1-based page number. */
  page: number;
  /** Baseline y of the line's first item. */
  y: number;
  /** Left edge. */
  x: number;
  /** Right edge of the last item. */
  right: number;
  /** Dominant font size (height of the glyphs that carry most characters). */
  size: number;
  /** Text with words separated by spaces (monospace lines keep their inner spacing). */
  text: string;
  /** True when every visible character is set in a monospace font. */
  mono: boolean;
  /** Average glyph advance of the monospace items, for rebuilding indentation. */
  charWidth: number;
  /** Pieces of the line separated by wide gaps (table cells, a title and its page number); set only when there are two or more. */
  cells?: TextCell[];
  /** Rows of cells when this line stands for a whole table region (see `table-regions.ts`). */
  table?: string[][];
}

/** A run of text on a line with a wide gap on either side. */
export interface TextCell {
  /** Left and right edges. */
  x: number;
  right: number;
  /** Text of the run. */
  text: string;
}

// A gap wider than this many font sizes separates cells (LibreOffice leaves about 1.3 between
// tight table columns); word gaps, even justified, stay below. 0.6 split justified LaTeX prose.
const CELL_GAP = 1.0;

interface Piece {
  item: TextItem;
  str: string;
  size: number;
  mono: boolean;
}

// Control characters (rule glyphs, broken ToUnicode maps) carry no text; NBSP and tabs are spaces.
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const cleanText = (s: string): string => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f\ufffd]/g, '').replace(/[\t\u00a0]/g, ' ');

const isTextItem = (i: TextContent['items'][number]): i is TextItem => 'str' in i;

/** Rebuilds lines from pdf.js text items: groups by baseline and `hasEOL`, inserts spaces at visible gaps. */
export function linesFromTextContent(content: TextContent, page: number): TextLine[] {
  const lines: TextLine[] = [];
  let current: Piece[] = [];
  let lineY = 0;
  let lineSize = 0;
  let prevRight = 0;
  let breakNext = false;
  const flush = (): void => {
    const line = buildLine(current, page);
    if (line) lines.push(line);
    current = [];
  };
  for (const raw of content.items) {
    if (!isTextItem(raw)) continue;
    const t = raw.transform as number[];
    const size = Math.hypot(t[2], t[3]) || raw.height || Math.abs(t[0]) || 1;
    // pdf.js reports `monospace` when all glyph widths of the font are equal (Courier, *Mono, cmtt),
    // which is sturdier than the font name (text content only carries pdf.js's internal name).
    const mono = content.styles[raw.fontName]?.fontFamily === 'monospace';
    const str = cleanText(raw.str);
    if (str.length > 0) {
      const x = t[4];
      const y = t[5];
      const tolerance = 0.5 * Math.max(size, lineSize);
      const sameLine = current.length > 0 && !breakNext && Math.abs(y - lineY) <= tolerance && x >= prevRight - 2 * Math.max(size, lineSize);
      if (!sameLine) {
        flush();
        lineY = y;
        lineSize = size;
      }
      current.push({ item: raw, str, size, mono });
      prevRight = x + raw.width;
      breakNext = false;
    }
    if (raw.hasEOL) breakNext = true;
  }
  flush();
  return lines;
}

function buildLine(pieces: Piece[], page: number): TextLine | undefined {
  if (pieces.length === 0) return undefined;
  const weights = new Map<number, number>();
  let monoChars = 0;
  let visible = 0;
  let monoWidth = 0;
  let monoLen = 0;
  for (const p of pieces) {
    const n = p.str.replace(/\s/g, '').length;
    const key = Math.round(p.size * 10) / 10;
    weights.set(key, (weights.get(key) ?? 0) + n);
    visible += n;
    if (p.mono) {
      monoChars += n;
      monoWidth += p.item.width;
      monoLen += p.str.length;
    }
  }
  if (visible === 0) return undefined;
  const size = [...weights.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const mono = monoChars === visible;
  const charWidth = monoLen > 0 ? monoWidth / monoLen : size * 0.5;
  let text = '';
  let prevRight = Number.NaN;
  const cells: TextCell[] = [];
  for (const p of pieces) {
    const x = p.item.transform[4] as number;
    const gap = x - prevRight;
    const str = p.str;
    // pdf.js fills wide gaps with space items: measure cell gaps between visible pieces only.
    if (!mono && str.trim() !== '') {
      const cellGap = x - (cells[cells.length - 1]?.right ?? Number.NaN);
      if (cells.length === 0 || cellGap > CELL_GAP * p.size) cells.push({ x, right: x, text: '' });
      const cell = cells[cells.length - 1];
      cell.text = `${cell.text}${cell.text && cellGap > p.size * 0.15 && !/\s$/.test(cell.text) && !/^\s/.test(str) ? ' ' : ''}${str}`;
      cell.right = Math.max(cell.right, x + p.item.width);
    } else if (!mono && cells.length > 0) cells[cells.length - 1].text += str;
    if (text.length > 0 && !/\s$/.test(text) && !/^\s/.test(str)) {
      if (mono && gap > charWidth * 0.5) text += ' '.repeat(Math.max(1, Math.round(gap / charWidth)));
      // A visible gap, or an item that jumps back (overprinted or reordered text), separates words.
      else if (gap > p.size * 0.15 || gap < -p.size) text += ' ';
    } else if (mono && text.length > 0 && gap > charWidth * 1.5) {
      text += ' '.repeat(Math.round(gap / charWidth) - 1);
    }
    text += str;
    prevRight = x + p.item.width;
  }
  const first = pieces[0].item.transform as number[];
  return {
    page,
    y: first[5],
    x: first[4],
    right: prevRight,
    size,
    text: mono ? text.replace(/\s+$/, '') : text.replace(/\s+/g, ' ').trim(),
    mono,
    charWidth,
    ...(cells.length > 1 ? { cells: cells.map((c) => ({ ...c, text: c.text.replace(/\s+/g, ' ').trim() })) } : {}),
  };
}
