import { type Atom, blockJoin, makeAtom } from './atoms.js';
import { type BlockLimits, splitBlock } from './block-splitter.js';
import { type Block, type Section, isHeading } from './markdown-sections.js';
import { splitProse } from './text-splitter.js';
import { countTokens } from './token-counter.js';

/** Puts heading text in front of the first atom, so a heading never ends a chunk on its own. */
function gluePrefix(atoms: Atom[], prefix: string, limits: BlockLimits): Atom[] {
  if (!prefix || atoms.length === 0) return atoms;
  const cost = countTokens(prefix);
  let [first, ...rest] = atoms;
  const room = (first.kind === 'prose' ? limits.prose : limits.code) - cost;
  if (first.tokens > room) [first, ...rest] = [...first.resplit(Math.max(1, room)), ...rest];
  const text = prefix + first.text;
  const base = first;
  return [{ ...first, text, tokens: countTokens(text), resplit: (l) => gluePrefix(base.resplit(Math.max(1, l - cost)), prefix, { prose: l, code: l }) }, ...rest];
}

/** Appends trailing headings (a section ending in headings without body) to the last atom. */
function glueSuffix(atoms: Atom[], suffix: string, limits: BlockLimits): Atom[] {
  if (!suffix || atoms.length === 0) return atoms;
  const cost = countTokens(suffix);
  let last = atoms[atoms.length - 1];
  let head = atoms.slice(0, -1);
  const room = (last.kind === 'prose' ? limits.prose : limits.code) - cost;
  if (last.tokens > room) {
    const again = last.resplit(Math.max(1, room));
    head = [...head, ...again.slice(0, -1)];
    last = again[again.length - 1];
  }
  const text = last.text + suffix;
  const base = last;
  return [...head, { ...last, text, tokens: countTokens(text), resplit: (l: number) => glueSuffix(base.resplit(Math.max(1, l - cost)), suffix, { prose: l, code: l }) }];
}

/**
 * Atoms of a section that is too big for one chunk. Headings are glued to the block that
 * follows them (or to the block before, at the end of a section), so no chunk is a bare
 * heading; only headings that alone take more than half the budget stay separate. Prose
 * limits keep room for the overlap carried into the next chunk.
 */
export function sectionAtoms(section: Section, text: string, avail: number, overlapTokens: number): Atom[] {
  const { blocks } = section;
  const slice = (from: number, to: number): string => text.slice(from, to);
  const reserve = overlapTokens > 0 && overlapTokens <= avail / 2 ? overlapTokens + 2 : 0;
  const limits: BlockLimits = { prose: Math.max(1, avail - reserve), code: Math.max(1, avail) };
  const cap = avail / 2;
  const bodyIndexes = blocks.map((_, i) => i).filter((i) => !isHeading(blocks[i]));
  // A section of headings only (a document without body): its text is the body.
  if (bodyIndexes.length === 0) return splitProse(slice(blocks[0].start, blocks[blocks.length - 1].end).trim(), limits.prose, '');

  const atoms: Atom[] = [];
  let prevEnd = -1;
  const loose = (from: Block[]): void => {
    if (from.length === 0) return;
    const join = prevEnd < 0 ? '' : blockJoin(slice(prevEnd, from[0].start));
    const headingText = slice(from[0].start, from[from.length - 1].end).trim();
    atoms.push(makeAtom(headingText, 'prose', join, (l) => splitProse(headingText, l, join)));
    prevEnd = from[from.length - 1].end;
  };
  bodyIndexes.forEach((index, k) => {
    const block = blocks[index];
    const prefixBlocks = blocks.slice(k === 0 ? 0 : bodyIndexes[k - 1] + 1, index);
    const suffixBlocks = k === bodyIndexes.length - 1 ? blocks.slice(index + 1) : [];
    // Headings that would take most of the budget cannot be glued; they stay as text of their own.
    const dropped: Block[] = [];
    while (prefixBlocks.length > 0 && countTokens(slice(prefixBlocks[0].start, block.start)) > cap) dropped.push(prefixBlocks.shift() as Block);
    const trailing: Block[] = [];
    while (suffixBlocks.length > 0 && countTokens(slice(block.end, suffixBlocks[suffixBlocks.length - 1].end)) > cap) trailing.unshift(suffixBlocks.pop() as Block);
    loose(dropped);
    const lead = prefixBlocks.length > 0 ? prefixBlocks[0].start : block.start;
    const prefix = prefixBlocks.length > 0 ? slice(lead, block.start).trimStart() : '';
    const suffix = suffixBlocks.length > 0 ? slice(block.end, suffixBlocks[suffixBlocks.length - 1].end).trimEnd() : '';
    const join = prevEnd < 0 ? '' : blockJoin(slice(prevEnd, lead));
    const pieces = splitBlock(block.node, text, block.start, block.end, limits, join, block.tokens);
    atoms.push(...glueSuffix(gluePrefix(pieces, prefix, limits), suffix, limits));
    prevEnd = suffixBlocks.length > 0 ? suffixBlocks[suffixBlocks.length - 1].end : block.end;
    loose(trailing);
  });
  return atoms;
}
