import type { Nodes } from 'mdast';
import { type Atom, type AtomKind, blockJoin, makeAtom } from './atoms.js';
import { splitCode } from './code-splitter.js';
import { splitProse } from './text-splitter.js';
import { hasTextPositions, parseMarkdown } from './markdown-sections.js';
import { countTokens } from './token-counter.js';

/** Token limits for the pieces of one block. */
export interface BlockLimits {
  /** Limit for prose pieces (leaves room for the overlap carried into the next chunk). */
  prose: number;
  /** Limit for code and table pieces (no overlap is ever carried out of them). */
  code: number;
}

const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'footnoteDefinition']);

function kindOf(node: Nodes): AtomKind {
  if (node.type === 'code') return 'code';
  if (node.type === 'table') return 'table';
  return 'prose';
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * A container whose inner positions point elsewhere (a parser's own source) is parsed again
 * from its slice, so its children can be cut by offsets; rare: only oversized containers get here.
 */
function reparsed(node: Nodes, source: string): Nodes | undefined {
  const again = parseMarkdown(source).children;
  return again.length === 1 && again[0].type === node.type ? again[0] : undefined;
}

/**
 * Turns one Markdown block (sliced from `text` at `start`..`end`) into atoms that each fit
 * their limit: whole when it fits; otherwise code at blank lines and lines, tables by rows
 * with the header repeated, lists, list items and quotes by their children, and any other
 * block as prose (sentences, words, tokens). `known` is the block's token count when the caller has it.
 */
export function splitBlock(node: Nodes, text: string, start: number, end: number, limits: BlockLimits, join: string, known?: number, trusted = hasTextPositions(node)): Atom[] {
  const source = text.slice(start, end);
  const kind = kindOf(node);
  const limit = kind === 'prose' ? limits.prose : limits.code;
  const whole = source.trim();
  const tokens = known ?? countTokens(whole);
  const resplit = (l: number): Atom[] => splitBlock(node, text, start, end, { prose: l, code: l }, join, tokens, trusted);
  if (tokens <= limit) return [makeAtom(whole, kind, join, resplit, tokens)];

  if (node.type === 'code') return splitCode(node, source, limit, join);
  if (node.type === 'table') return splitTable(source, limits, join);
  if (CONTAINERS.has(node.type) && !trusted) {
    const again = reparsed(node, source);
    return again ? splitBlock(again, source, 0, source.length, limits, join, tokens, true) : splitProse(whole, limits.prose, join);
  }
  if (CONTAINERS.has(node.type) && 'children' in node && node.children.length > 0) {
    const atoms: Atom[] = [];
    let prevEnd = start;
    let childJoin = join;
    for (const child of node.children as Nodes[]) {
      const cs = child.position?.start.offset;
      const ce = child.position?.end.offset;
      if (cs === undefined || ce === undefined) continue;
      // From the start of the child's line, so list markers and quote prefixes stay with it.
      const from = Math.max(prevEnd, Math.min(cs, lineStart(text, cs)));
      if (atoms.length > 0) childJoin = blockJoin(text.slice(prevEnd, from));
      atoms.push(...splitBlock(child, text, from, ce, limits, childJoin, undefined, true));
      prevEnd = ce;
    }
    if (atoms.length > 0) return atoms;
  }
  return splitProse(whole, limits.prose, join);
}

/**
 * Splits a GFM table into tables of whole rows, each repeating the header and delimiter
 * rows. When some row is too big to share a piece with the header, the table is split as prose.
 */
function splitTable(source: string, limits: BlockLimits, join: string): Atom[] {
  const lines = source.trim().split(/\r?\n/);
  const header = lines.slice(0, 2).join('\n');
  const rows = lines.slice(2);
  const limit = limits.code;
  const headerTokens = countTokens(header) + 1;
  const rowTokens = new Map<string, number>();
  const costOf = (row: string): number => {
    let n = rowTokens.get(row);
    if (n === undefined) rowTokens.set(row, (n = countTokens(row) + 1));
    return n;
  };
  // A row that cannot share a piece with the header: the whole table is cut like prose (line by line).
  if (rows.length === 0 || headerTokens + Math.max(...rows.map(costOf)) > limit) {
    return splitProse(source.trim(), limits.prose, join);
  }
  const atoms: Atom[] = [];
  let current: string[] = [];
  let currentTokens = headerTokens;
  const nextJoin = (): string => (atoms.length === 0 ? join : '\n\n');
  const flush = (): void => {
    if (current.length === 0) return;
    const body = current;
    let piece = [header, ...body].join('\n');
    while (body.length > 1 && countTokens(piece) > limit) {
      rows.unshift(body.pop() as string);
      piece = [header, ...body].join('\n');
    }
    const j = nextJoin();
    atoms.push(makeAtom(piece, 'table', j, (l) => splitTable([header, ...body].join('\n'), { prose: l, code: l }, j)));
    current = [];
    currentTokens = headerTokens;
  };
  for (;;) {
    if (rows.length === 0) {
      if (current.length === 0) break;
      flush();
      continue;
    }
    const n = costOf(rows[0]);
    if (currentTokens + n > limit && current.length > 0) {
      // Rows popped by flush() go back in front of this one, keeping the order.
      flush();
      continue;
    }
    current.push(rows.shift() as string);
    currentTokens += n;
  }
  return atoms;
}
