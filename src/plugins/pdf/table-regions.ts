import { isLeaderLine } from './layout-stats.js';
import type { PageLines } from './page-furniture.js';
import type { TextLine } from './text-lines.js';

/** A cell-sized piece of text on a page, with the line it came from. */
interface Seg {
  line: TextLine;
  x: number;
  right: number;
  y: number;
  size: number;
  text: string;
}

/** Segments sharing one baseline, left to right. */
interface Baseline {
  y: number;
  size: number;
  segs: Seg[];
}

/**
 * Justified prose set in columns (a two-column paper) also puts pieces side by side on shared
 * baselines. Such a column holds long pieces whose right edges mostly line up; table cells
 * are short or ragged. A region with such a column is left as text.
 */
function hasProseColumn(cols: Column[], segs: Seg[]): boolean {
  const columns = cols.map((_, col) => segs.filter((s) => columnOf(cols, s) === col));
  const meanLength = (mine: Seg[]): number => mine.reduce((n, s) => n + s.text.length, 0) / Math.max(1, mine.length);
  // Two columns of long lines: a two-column page, or a glossary that reads fine as text.
  if (columns.length === 2 && columns.every((c) => meanLength(c) >= 25)) return true;
  return columns.some((mine) => {
    if (mine.length < 4 || meanLength(mine) < 25) return false;
    const edges = new Map<number, number>();
    for (const s of mine) edges.set(Math.round(s.right / 2), (edges.get(Math.round(s.right / 2)) ?? 0) + 1);
    const aligned = Math.max(...[...edges.keys()].map((k) => (edges.get(k - 1) ?? 0) + edges.get(k)! + (edges.get(k + 1) ?? 0)));
    return aligned >= 0.5 * mine.length;
  });
}

const segsOf = (line: TextLine): Seg[] =>
  (line.cells ?? [{ x: line.x, right: line.right, text: line.text }]).map((c) => ({ line, x: c.x, right: c.right, y: line.y, size: line.size, text: c.text }));

function baselines(lines: TextLine[]): Baseline[] {
  // Leader lines (contents and index entries) are not table rows; they are dropped later.
  const segs = lines.filter((l) => !l.mono && !isLeaderLine(l.text)).flatMap(segsOf).sort((a, b) => b.y - a.y || a.x - b.x);
  const out: Baseline[] = [];
  for (const s of segs) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - s.y) <= 0.3 * Math.min(last.size, s.size)) last.segs.push(s);
    else out.push({ y: s.y, size: s.size, segs: [s] });
  }
  for (const b of out) b.segs.sort((a, c) => a.x - c.x);
  return out;
}

/** Two or more pieces of similar size side by side, with clear space between them. */
function isMulti(b: Baseline): boolean {
  if (b.segs.length < 2) return false;
  return b.segs.every((s, i) => i === 0 || (s.x >= b.segs[i - 1].right + 0.5 * s.size && Math.abs(s.size - b.segs[0].size) <= 0.15 * b.segs[0].size));
}

/** A column: the horizontal extent of the pieces set in it. */
interface Column {
  x: number;
  right: number;
}

/**
 * Columns from the pieces of side-by-side baselines: pieces whose extents overlap are one
 * column, so left-, right- and centre-aligned columns are all found.
 */
function columnsOf(multi: Baseline[]): Column[] {
  // Body rows fill every column; headers and spanning cells have fewer, wider pieces. Take
  // the columns from the most common piece count (the larger one on a tie).
  const counts = new Map<number, number>();
  for (const b of multi) counts.set(b.segs.length, (counts.get(b.segs.length) ?? 0) + 1);
  const [n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0];
  const cols: Column[] = [];
  for (const s of multi.filter((b) => b.segs.length === n).flatMap((b) => b.segs).sort((a, b) => a.x - b.x)) {
    const last = cols[cols.length - 1];
    if (last && s.x <= last.right) last.right = Math.max(last.right, s.right);
    else cols.push({ x: s.x, right: s.right });
  }
  return cols;
}

/**
 * The column a piece lies in, or -1. A piece set beside others that spans columns (a header
 * over two columns) goes to the first; a lone piece that spans columns is text, not a cell.
 */
function columnOf(cols: Column[], s: Seg, besideOthers = true): number {
  const hits = cols.flatMap((c, i) => (s.x <= c.right && c.x <= s.right ? [i] : []));
  if (hits.length > 1) return besideOthers ? hits[0] : -1;
  if (hits.length === 1) return hits[0];
  // In a gutter: it belongs to the column on its left when it stays clear of the next one.
  const left = cols.findLastIndex((c) => c.right < s.x);
  return left >= 0 ? left : -1;
}

/**
 * Most cells filled, and most filled cells hold a word or number: formulas and figure labels
 * (axis ticks, single symbols) also sit side by side but read better as they were.
 */
function wordy(rows: string[][]): boolean {
  const cells = rows.flat();
  const filled = cells.filter((c) => c.trim() !== '');
  return filled.length >= 0.6 * cells.length && filled.filter((c) => /[\p{L}\p{N}]{2,}/u.test(c)).length >= 0.6 * filled.length;
}

/** Appends a cell's next line, joining a hyphen-broken word without a space. */
const appendCell = (cell: string, text: string): string => (cell === '' ? text : /-$/.test(cell) ? cell + text : `${cell} ${text}`);

/**
 * Finds tables on a page: at least two baselines of pieces set side by side whose starts line
 * up in shared columns, together with the wrapped cell lines between and after them that stay
 * inside one column. Each table's lines are replaced by one line carrying the rows (`table`),
 * placed where the table's first line was in reading order; other lines are untouched. Rows
 * are cut where pieces sit side by side again, so cells written one after another in the
 * content stream (as word processors do) still line up.
 */
export function extractTables(page: PageLines): PageLines {
  const all = baselines(page.lines);
  const tables: { rows: string[][]; segs: Seg[]; size: number }[] = [];
  for (let i = 0; i < all.length; i++) {
    if (!isMulti(all[i])) continue;
    // The run of baselines this table may span: same text size, no large vertical jumps.
    const size = all[i].size;
    const run: Baseline[] = [all[i]];
    for (let j = i + 1; j < all.length; j++) {
      const b = all[j];
      if (run[run.length - 1].y - b.y > 4.5 * size || b.segs.some((s) => Math.abs(s.size - size) > 0.15 * size)) break;
      run.push(b);
    }
    const cols = columnsOf(run.filter(isMulti));
    if (cols.length < 2) continue;
    // Two baseline spacings (line spacing inside a cell, and a larger step between rows)
    // let wrapped cells that sit side by side continue their row; with one spacing, every
    // baseline of side-by-side pieces starts a row.
    const gaps = run.slice(1).map((b, k) => run[k].y - b.y);
    const minGap = Math.min(...gaps);
    const rowGap = gaps.some((g) => g > 1.15 * minGap) ? 1.15 * minGap : 0;
    const rows: string[][] = [];
    const segs: Seg[] = [];
    let end = i;
    for (let j = i; j < i + run.length; j++) {
      const b = all[j];
      const at = b.segs.map((s) => columnOf(cols, s, b.segs.length > 1));
      if (at.some((c) => c < 0)) break;
      const gap = j > i ? all[j - 1].y - b.y : Infinity;
      // A new row: pieces side by side after row spacing, or filling as many columns as the first row did.
      const filled = rows[0]?.filter((c) => c !== '').length ?? 0;
      const starts = isMulti(b) && new Set(at).size >= 2 && (gap > rowGap || new Set(at).size >= filled);
      if (rows.length === 0 || starts) rows.push(cols.map(() => ''));
      const row = rows[rows.length - 1];
      b.segs.forEach((s, k) => {
        row[at[k]] = appendCell(row[at[k]], s.text);
        segs.push(s);
      });
      end = j;
    }
    if (rows.length < 2 || hasProseColumn(cols, segs) || !wordy(rows)) continue;
    tables.push({ rows, segs, size });
    i = end;
  }
  if (tables.length === 0) return page;
  const placed = new Set<number>();
  const lines: TextLine[] = [];
  for (const line of page.lines) {
    const hits = [...new Set(tables.flatMap((t, n) => (t.segs.some((s) => s.line === line) ? [n] : [])))];
    if (hits.length === 0) {
      lines.push(line);
      continue;
    }
    for (const n of hits) {
      if (placed.has(n)) continue;
      placed.add(n);
      const t = tables[n];
      const first = t.segs.reduce((a, b) => (b.y > a.y ? b : a));
      lines.push({
        page: line.page,
        y: first.y,
        x: Math.min(...t.segs.map((s) => s.x)),
        right: Math.max(...t.segs.map((s) => s.right)),
        size: t.size,
        text: t.rows.map((r) => r.join(' | ')).join(' | '),
        mono: false,
        charWidth: t.size * 0.5,
        table: t.rows,
      });
    }
    // segsOf builds new objects: the pieces of this line no table took are matched by position.
    const rest = segsOf(line).filter((s) => !tables.some((t) => t.segs.some((u) => u.line === line && u.x === s.x)));
    if (rest.length > 0) {
      const { cells: _cells, ...plain } = line;
      void _cells;
      lines.push({ ...plain, x: rest[0].x, text: rest.map((s) => s.text).join(' '), ...(rest.length > 1 ? { cells: rest.map(({ x, right, text }) => ({ x, right, text })) } : {}) });
    }
  }
  return { ...page, lines };
}
