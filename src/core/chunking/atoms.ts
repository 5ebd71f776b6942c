import { countTokens } from './token-counter.js';

/** What an atom is made of; only prose atoms feed the overlap of the next chunk. */
export type AtomKind = 'prose' | 'code' | 'table';

/**
 * The smallest unit the packer places into chunks: a whole block, a sentence, a table
 * piece or a code piece. Atoms are never cut by the packer, only re-split on demand.
 */
export interface Atom {
  /** The text, trimmed. */
  text: string;
  /** Prose, code or table. */
  kind: AtomKind;
  /** Whitespace that precedes the atom when it follows another one in the same chunk. */
  join: string;
  /** Token count of `text`. */
  tokens: number;
  /** Set on pieces of a code block that had to be split. */
  split?: 'code-lines';
  /** Set on a single code line that is larger than the budget on its own. */
  oversized?: 'unsplittable-line';
  /** Splits this atom again under a smaller limit (used when joining pushed a chunk over the budget). */
  resplit: (limit: number) => Atom[];
}

/** Joins atoms with their separators into chunk body text. */
export function renderAtoms(atoms: readonly Atom[]): string {
  let out = '';
  atoms.forEach((atom, i) => {
    out += i === 0 ? atom.text : atom.join + atom.text;
  });
  return out.trim();
}

/** The separator to use for an original gap between two blocks: the gap itself when it is whitespace, else a blank line. */
export function blockJoin(gap: string): string {
  return gap.length > 0 && /^\s*$/.test(gap) && gap.includes('\n') ? gap.replace(/^[^\n]*/, '').replace(/[^\n]*$/, '') || '\n\n' : '\n\n';
}

/** Builds an atom (counting its tokens unless the caller already did); its re-split comes from the caller. */
export function makeAtom(text: string, kind: AtomKind, join: string, resplit: (limit: number) => Atom[], tokens = countTokens(text)): Atom {
  return { text, kind, join, tokens, resplit };
}
