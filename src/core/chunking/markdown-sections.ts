import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Root, RootContent } from 'mdast';
import type { ParsedMarkdown } from '../contracts/index.js';
import { countTokensEach } from './token-counter.js';

/** A top-level Markdown node with its offsets in the original text. */
export interface Block {
  /** The mdast node. */
  node: RootContent;
  /** Offset of the node's first character in the original text. */
  start: number;
  /** Offset just after the node's last character. */
  end: number;
  /** Token count of the block's trimmed text. */
  tokens: number;
}

/** A run of blocks under one heading (of depth up to the split depth), with the path of headings above it. */
export interface Section {
  /** Heading texts from the outermost to this section's own heading. Empty before the first heading. */
  headingPath: string[];
  /** The blocks of the section, its heading first. */
  blocks: Block[];
}

/** Token estimate of a run of blocks: their counts plus one per gap between them. */
export function blocksTokens(blocks: readonly Block[]): number {
  let n = blocks.length > 0 ? blocks.length - 1 : 0;
  for (const b of blocks) n += b.tokens;
  return n;
}

// Nodes whose inner positions are offsets into the text they were parsed from (this module's
// own parses). Nodes handed over by a parser may carry positions of its source instead.
const ownParsed = new WeakSet<object>();

/** True when `node`'s inner positions are offsets into the document text (so children can be sliced by them). */
export function hasTextPositions(node: object): boolean {
  return ownParsed.has(node);
}

let processor: Processor<Root> | undefined;

/** Parses Markdown (GFM, front matter) into an mdast tree with positions. */
export function parseMarkdown(markdown: string): Root {
  processor ??= unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']) as unknown as Processor<Root>;
  return processor.parse(markdown);
}

/**
 * The text of a heading for the context header: its words without images, so a README's
 * `# braces [![NPM version](...)](...)` badges do not become `braces NPM version NPM monthly
 * downloads`; a heading that is only an image (a logo) keeps the alt text.
 */
function headingText(node: Nodes): string {
  const words = (n: Nodes): string => {
    if (n.type === 'image' || n.type === 'imageReference') return ' ';
    if ('value' in n && typeof n.value === 'string') return n.value;
    if ('children' in n) return (n.children as Nodes[]).map(words).join('');
    return '';
  };
  return words(node).replace(/\s+/g, ' ').trim() || plainText(node);
}

/** Plain text of a node (what a reader sees of a heading), whitespace collapsed. */
export function plainText(node: Nodes): string {
  const walk = (n: Nodes): string => {
    if ('value' in n && typeof n.value === 'string') return n.value;
    if ('alt' in n && typeof n.alt === 'string') return n.alt;
    if ('children' in n) return (n.children as Nodes[]).map(walk).join('');
    return '';
  };
  return walk(node).replace(/\s+/g, ' ').trim();
}

/** True for a heading block. */
export function isHeading(block: Block): boolean {
  return block.node.type === 'heading';
}

/** True for blocks that carry no body text of their own (a section made only of these is merged forward). */
function isBodyless(block: Block): boolean {
  const { node } = block;
  if (node.type === 'heading' || node.type === 'thematicBreak') return true;
  return node.type === 'html' && /^<!--[\s\S]*-->$/.test(node.value.trim());
}

/** Top-level blocks of a Markdown text, in order, with their offsets and token counts. */
export function topLevelBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  for (const node of parseMarkdown(markdown).children) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined || end <= start) continue;
    ownParsed.add(node);
    blocks.push({ node, start, end, tokens: 0 });
  }
  return withTokenCounts(markdown, blocks);
}

/** Fills in each block's token count, all blocks of the document measured together (one encoder call for their new words). */
function withTokenCounts(text: string, blocks: Block[]): Block[] {
  const counts = countTokensEach(blocks.map((b) => text.slice(b.start, b.end).trim()));
  blocks.forEach((b, i) => (b.tokens = counts[i]!));
  return blocks;
}

/**
 * The blocks of a document's text: the parser's tree when it describes exactly this text
 * (each block counted once here), else a parse of our own.
 */
export function documentBlocks(text: string, parsed?: ParsedMarkdown): Block[] {
  if (parsed === undefined || parsed.text !== text) return topLevelBlocks(text);
  const blocks: Block[] = [];
  for (const { node, start, end } of parsed.blocks) {
    if (end <= start || start < 0 || end > text.length) return topLevelBlocks(text);
    blocks.push({ node, start, end, tokens: 0 });
  }
  return withTokenCounts(text, blocks);
}

/**
 * Splits a Markdown text into sections at headings of depth `maxDepth` or less. Each
 * section knows its heading path with its parents. A section without body (only headings,
 * rules or comments) is merged into the next one, or into the previous one at the end of
 * the document, so no chunk is a bare heading. A document without any body text has no section.
 */
export function splitSections(blocks: readonly Block[], maxDepth: number): Section[] {
  const raw: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: Section = { headingPath: [], blocks: [] };
  for (const block of blocks) {
    const { node } = block;
    if (node.type === 'heading' && node.depth <= maxDepth) {
      if (current.blocks.length > 0) raw.push(current);
      while (stack.length > 0 && stack[stack.length - 1].depth >= node.depth) stack.pop();
      stack.push({ depth: node.depth, text: headingText(node) });
      current = { headingPath: stack.map((h) => h.text).filter(Boolean), blocks: [block] };
    } else {
      current.blocks.push(block);
    }
  }
  if (current.blocks.length > 0) raw.push(current);

  const merged: Section[] = [];
  let pending: Section | undefined;
  for (const section of raw) {
    if (section.blocks.every(isBodyless)) {
      pending = pending ? { headingPath: section.headingPath, blocks: [...pending.blocks, ...section.blocks] } : section;
      continue;
    }
    merged.push(pending ? { headingPath: section.headingPath, blocks: [...pending.blocks, ...section.blocks] } : section);
    pending = undefined;
  }
  if (pending) {
    // Trailing headings join the last section; a document of nothing but headings has no
    // text to retrieve, so it gives no section at all (the pipeline reports it as skipped).
    merged[merged.length - 1]?.blocks.push(...pending.blocks);
  }
  return merged;
}
