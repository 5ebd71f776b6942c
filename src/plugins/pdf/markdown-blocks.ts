import { joinLines } from './hyphenation.js';
import { readableChars } from '../../plugin-api.js';
import { headingFlags, isLeaderLine, type LayoutStats } from './layout-stats.js';
import type { TextLine } from './text-lines.js';

type Kind = 'heading' | 'code' | 'para' | 'table';
interface Block {
  kind: Kind;
  lines: TextLine[];
  /** Leftmost start and rightmost end of the block's lines, kept as lines are added. */
  left: number;
  right: number;
}

const BULLET = /^(?:[•◦▪▫●○■□‣⁃∙·–—*-]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s/;
const SENTENCE_END = /[.!?:]["”’)]?$/;

function kindOf(line: TextLine, heading: boolean, stats: LayoutStats): Kind {
  if (line.table) return 'table';
  if (stats.codeBlocks && line.mono) return 'code';
  return heading ? 'heading' : 'para';
}

const cellText = (s: string): string => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/**
 * A GFM table from the rows of one or more table lines (a table broken over pages): the first
 * row is the header; a header row repeated on a later page is left out.
 */
function renderTable(lines: TextLine[]): string {
  const [header, ...rest] = lines.flatMap((l, i) => (i > 0 && l.table![0].join('|') === lines[0].table![0].join('|') ? l.table!.slice(1) : l.table!));
  const row = (cells: string[]): string => `| ${cells.map(cellText).join(' | ')} |`;
  return [row(header), `|${header.map(() => ' --- |').join('')}`, ...rest.map(row)].join('\n');
}

function continues(block: Block, line: TextLine, stats: LayoutStats): boolean {
  const prev = block.lines[block.lines.length - 1];
  const gap = prev.y - line.y;
  // Tables continue over a page break with the same columns.
  if (block.kind === 'table') return prev.page !== line.page && prev.table![0].length === line.table![0].length;
  if (block.kind === 'code') return prev.page !== line.page || gap > 0;
  if (prev.page !== line.page) {
    // A paragraph runs on over a page break unless the sentence ended and a new one starts.
    return block.kind === 'para' && !(SENTENCE_END.test(prev.text) && /^[\p{Lu}\d]/u.test(line.text));
  }
  if (gap <= 0 || Math.abs(line.size - prev.size) > 0.15 * prev.size) return false;
  if (block.kind === 'heading') return gap <= 1.8 * line.size;
  if (gap > 1.4 * Math.max(stats.leading, prev.size * 1.1)) return false;
  if (BULLET.test(line.text)) return false;
  const left = block.left;
  // A one-line block has no width of its own yet: compare with the document's full lines.
  const right = block.lines.length > 1 ? block.right : Math.max(prev.right, stats.rightEdge);
  const short = prev.right < right - Math.max(2 * line.size, 0.25 * (right - left));
  if (line.x > prev.x + 0.8 * line.size && (short || SENTENCE_END.test(prev.text))) return false;
  return !(short && SENTENCE_END.test(prev.text) && block.lines.length > 1);
}

function renderCode(lines: TextLine[], stats: LayoutStats): string {
  const left = lines.reduce((m, l) => Math.min(m, l.x), Infinity);
  const widths = lines.map((l) => l.charWidth).sort((a, b) => a - b);
  const cw = widths[Math.floor(widths.length / 2)] || stats.bodySize * 0.5;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const prev = lines[i - 1];
    if (prev && prev.page === line.page) {
      const blanks = Math.min(2, Math.round((prev.y - line.y) / Math.max(stats.leading, line.size)) - 1);
      for (let b = 0; b < blanks; b++) out.push('');
    }
    out.push(' '.repeat(Math.max(0, Math.round((line.x - left) / cw))) + line.text);
  });
  const body = out.join('\n');
  const fence = body.includes('```') ? '~~~~' : '```';
  return `${fence}\n${body}\n${fence}`;
}

// Keep text that happens to start like Markdown syntax from turning into headings or quotes.
const escapeStart = (text: string): string => text.replace(/^(#{1,6}\s|>|```|~~~)/, '\\$1');

/**
 * Renders lines as Markdown: paragraphs (line breaks joined, hyphenation undone), code
 * fences for monospace runs (indentation rebuilt from x positions), GFM tables for table
 * regions and `#` headings for short large-font lines at `headingLevel`. Table-of-contents
 * leader lines are dropped.
 */
export function linesToMarkdown(lines: TextLine[], stats: LayoutStats, headingLevel: number): string {
  const blocks: Block[] = [];
  const headings = headingFlags(lines, stats);
  for (const [i, line] of lines.entries()) {
    if (!line.table && isLeaderLine(line.text)) continue;
    const kind = kindOf(line, headings[i], stats);
    const last = blocks[blocks.length - 1];
    if (last && last.kind === kind && continues(last, line, stats)) {
      last.lines.push(line);
      last.left = Math.min(last.left, line.x);
      last.right = Math.max(last.right, line.right);
    } else blocks.push({ kind, lines: [line], left: line.x, right: line.right });
  }
  const hashes = '#'.repeat(Math.min(6, Math.max(1, headingLevel)));
  return blocks
    .map((b, i) => {
      if (b.kind === 'code') return renderCode(b.lines, stats);
      if (b.kind === 'table') return renderTable(b.lines);
      const text = b.lines.map((l) => l.text).reduce((acc, t) => joinLines(acc, t, stats.vocab));
      if (b.kind !== 'heading') return escapeStart(text);
      // A "heading" with no text under it (an author and date on a title page, an index's letter
      // groups whose entries were leader lines) is not a heading: a section of bare headings
      // would give no chunk. Index letters and symbols carry nothing; other such lines are prose.
      if (blocks[i + 1] === undefined || blocks[i + 1].kind === 'heading') return readableChars(text) <= 2 ? '' : escapeStart(text);
      return `${hashes} ${text}`;
    })
    .filter((t) => t !== '')
    .join('\n\n');
}
