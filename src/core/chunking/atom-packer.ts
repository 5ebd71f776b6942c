import { type Atom, renderAtoms } from './atoms.js';
import { overlapTail } from './text-splitter.js';
import { countTokens } from './token-counter.js';

/** The body of one chunk and the split facts to record in its metadata. */
export interface PackedBody {
  /** Chunk body text (without context header). */
  body: string;
  /** Exact token count of the chunk content (header included). */
  tokens: number;
  /** `code-lines` when the body holds a piece of a split code block. */
  split?: 'code-lines';
  /** `unsplittable-line` when the body is a single code line above the budget. */
  oversized?: 'unsplittable-line';
}

/** Settings of one packing run. */
export interface PackOptions {
  /** Token budget for a body (the header already subtracted). Used for greedy estimates. */
  limit: number;
  /** Tokens of the previous chunk's last sentences to repeat at the start of the next one. */
  overlapTokens: number;
  /** Token budget of the whole chunk content. */
  maxTokens: number;
  /** Exact token count of the chunk content built from a body (header added). */
  measure: (body: string) => number;
}

/**
 * Packs atoms greedily into chunk bodies of at most `limit` tokens. Each later body starts
 * with the last sentences of the previous one (prose only, so no fence is ever cut). The
 * greedy estimate is checked against the exact count of the final text; an atom that does
 * not fit is moved to the next body or split again under a smaller limit.
 */
export function packAtoms(input: readonly Atom[], options: PackOptions): PackedBody[] {
  const { limit, overlapTokens, maxTokens, measure } = options;
  const queue = [...input];
  const out: PackedBody[] = [];
  let current: Atom[] = [];
  let overlap: Atom | undefined;
  let currentTokens = 0;
  let previous: Atom[] = [];

  const start = (atom: Atom): void => {
    overlap = makeOverlap(previous, atom, limit, overlapTokens);
    current = [overlap ? withJoinAfterOverlap(atom) : atom];
    currentTokens = (overlap ? overlap.tokens + countTokens(current[0].join) : 0) + atom.tokens;
  };
  const flush = (): void => {
    for (;;) {
      const parts = overlap ? [overlap, ...current] : current;
      const body = renderAtoms(parts);
      const tokens = measure(body);
      const over = tokens - maxTokens;
      if (over <= 0 || current.some((a) => a.oversized)) {
        out.push({
          body,
          tokens,
          ...(current.some((a) => a.split) ? { split: 'code-lines' as const } : {}),
          ...(current.some((a) => a.oversized) ? { oversized: 'unsplittable-line' as const } : {}),
        });
        previous = parts;
        break;
      }
      if (current.length > 1) {
        queue.unshift(current.pop() as Atom);
      } else if (overlap) {
        overlap = undefined;
      } else {
        // Joining with the header cost tokens the estimate missed: split this atom smaller.
        const atom = current[0];
        const smaller = atom.resplit(Math.max(1, atom.tokens - over - 1));
        if (smaller.length > 1 || (smaller[0] && smaller[0].tokens < atom.tokens) || smaller[0]?.oversized) {
          queue.unshift(...smaller);
          break;
        }
        out.push({ body, tokens, ...(atom.split ? { split: atom.split } : {}) });
        previous = parts;
        break;
      }
    }
    current = [];
    overlap = undefined;
    currentTokens = 0;
  };

  for (;;) {
    if (queue.length === 0) {
      if (current.length === 0) break;
      flush();
      continue;
    }
    const atom = queue[0];
    if (current.length === 0) {
      queue.shift();
      start(atom);
      continue;
    }
    const next = currentTokens + countTokens(atom.join) + atom.tokens;
    if (next <= limit) {
      queue.shift();
      current.push(atom);
      currentTokens = next;
      continue;
    }
    flush();
  }
  return out;
}

/** A code or table atom after overlap text must start on a new line. */
function withJoinAfterOverlap(atom: Atom): Atom {
  if (atom.kind === 'prose' || atom.join.includes('\n')) return atom;
  return { ...atom, join: '\n\n' };
}

/** The overlap atom for a chunk that will start with `next`, taken from the trailing prose of the previous chunk. */
function makeOverlap(previous: readonly Atom[], next: Atom, limit: number, overlapTokens: number): Atom | undefined {
  if (overlapTokens <= 0 || previous.length === 0) return undefined;
  const tail: Atom[] = [];
  let sum = 0;
  for (let i = previous.length - 1; i >= 0 && sum <= overlapTokens; i -= 1) {
    if (previous[i].kind !== 'prose') break;
    tail.unshift(previous[i]);
    sum += previous[i].tokens;
  }
  if (tail.length === 0) return undefined;
  const budget = Math.min(overlapTokens, limit - next.tokens - countTokens(withJoinAfterOverlap(next).join));
  // Prose atoms can hold a fence (code inside a list item): never carry a piece of one.
  const source = renderAtoms(tail);
  const fences = [...source.matchAll(/^[ \t]*(`{3,}|~{3,}).*$/gm)];
  const last = fences[fences.length - 1];
  const text = overlapTail(last ? source.slice((last.index ?? 0) + last[0].length) : source, budget);
  if (!text) return undefined;
  return { text, kind: 'prose', join: '', tokens: countTokens(text), resplit: () => [] };
}
