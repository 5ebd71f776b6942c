import { createHash } from 'node:crypto';
import createDebug from 'debug';
import type { Chunk, Document, JsonValue } from '../contracts/index.js';
import { packAtoms, type PackedBody } from './atom-packer.js';
import { HEADER_SEPARATOR, buildContextHeader } from './context-header.js';
import { type Block, type Section, blocksTokens, documentBlocks, splitSections } from './markdown-sections.js';
import { sectionAtoms } from './section-atoms.js';
import { commonPrefix, mergeSmallSections } from './section-merge.js';
import { readableChars } from '../text/readable-chars.js';
import { countTokens, splitByTokens } from './token-counter.js';

const log = createDebug('bbj:chunk');

/** Version of the chunking rules; part of document fingerprints so changed rules re-chunk documents. */
export const CHUNKER_VERSION = '4';

/** Default of {@link ChunkOptions.minSectionTokens}. */
export const DEFAULT_MIN_SECTION_TOKENS = 100;

/** Chunking settings (from `[chunking]` in `sources.toml`). */
export interface ChunkOptions {
  /** Token budget of a chunk's `content`, context header included. */
  maxTokens: number;
  /** Tokens of the previous chunk's last sentences repeated at the start of the next chunk of the same section. */
  overlapTokens: number;
  /** Deepest heading level that starts a new section (default 3: h1 to h3). */
  headingDepth?: number;
  /** Sections below this many tokens merge with their neighbours under the same parent (default 100; 0 = never). */
  minSectionTokens?: number;
}

/** The embedded text of a chunk: the header, a blank line, then the body (or the body alone). */
export function chunkContent(header: string, body: string): string {
  return (header ? `${header}\n\n${body}` : body).trim();
}

/** Lowercase hex SHA-256 of the UTF-8 bytes of `content`. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content, 'utf8').digest('hex');
}

/** Keeps a pathological header (deep breadcrumb, huge title) to at most half the budget, dropping outer segments first. */
function fitHeader(header: string, maxTokens: number): string {
  const cap = Math.floor(maxTokens / 2);
  if (countTokens(header) <= cap) return header;
  const parts = header.split(HEADER_SEPARATOR);
  while (parts.length > 1 && countTokens(parts.join(HEADER_SEPARATOR)) > cap) parts.shift();
  const kept = parts.join(HEADER_SEPARATOR);
  return countTokens(kept) <= cap ? kept : splitByTokens(kept, cap)[0].trim();
}

/** Chunk bodies of one section: the whole section when it fits, else packed atoms. */
function sectionBodies(section: Section, text: string, header: string, headerTokens: number, options: ChunkOptions): PackedBody[] {
  const first = section.blocks[0];
  const last = section.blocks[section.blocks.length - 1];
  const measure = (body: string): number => countTokens(chunkContent(header, body));
  // Block counts were taken once; the exact count of the final text is taken only when the
  // estimate says the section can fit (joins are not exactly additive), never per candidate.
  const estimate = headerTokens + blocksTokens(section.blocks);
  if (estimate <= options.maxTokens + 8) {
    // Sliced from the original text, so an unsplit section is byte-for-byte what the document says.
    const whole = text.slice(first.start, last.end).trim();
    const tokens = measure(whole);
    if (tokens <= options.maxTokens) return [{ body: whole, tokens }];
  }
  const avail = options.maxTokens - headerTokens;
  const atoms = sectionAtoms(section, text, avail, options.overlapTokens);
  return packAtoms(atoms, { limit: avail, overlapTokens: options.overlapTokens, maxTokens: options.maxTokens, measure });
}

/** The sections of a document; text the parser saw no block in still becomes one section. */
function sectionsOf(text: string, blocks: Block[], depth: number): Section[] {
  const sections = splitSections(blocks, depth);
  if (sections.length > 0 || !text.trim() || blocks.length > 0) return sections;
  return [{ headingPath: [], blocks: [{ node: { type: 'paragraph', children: [] }, start: 0, end: text.length, tokens: countTokens(text.trim()) }] }];
}

/** The context header of a section's chunks and its token cost (with the blank line after it). */
function headerFor(doc: Document, headingPath: readonly string[], maxTokens: number): { header: string; tokens: number } {
  const header = fitHeader(buildContextHeader(doc.breadcrumb, doc.title, headingPath), maxTokens);
  return { header, tokens: header ? countTokens(`${header}\n\n`) : 0 };
}

/** Rewrites `chunk` to hold `body` under `header` when that fits the budget; false (unchanged) otherwise. */
function joinTail(chunk: Chunk, body: string, header: string, path: readonly string[], maxTokens: number): boolean {
  const content = chunkContent(header, body);
  const tokens = countTokens(content);
  if (tokens > maxTokens) return false;
  chunk.content = content;
  chunk.contentHash = contentHash(content);
  chunk.contextHeader = header;
  chunk.tokenCount = tokens;
  chunk.metadata = { ...chunk.metadata, heading_path: path.join(HEADER_SEPARATOR) };
  return true;
}

/**
 * Splits an enriched document into chunks that fit `maxTokens` (context header included):
 * one or more chunks per heading section (h1-h3 by default), code fences kept whole unless
 * a fence alone is over the budget, overlap carried between the chunks of a split section.
 * Pure and deterministic.
 */
export function chunkDocument(doc: Document, options: ChunkOptions, sourceName: string): Chunk[] {
  const depth = options.headingDepth ?? 3;
  const chunks: Chunk[] = [];
  const seen = new Set<string>();
  let duplicateChars = 0;
  const blocks = documentBlocks(doc.content, doc.parsedContent);
  const headers = new Map<string, { header: string; tokens: number }>();
  const headerOf = (path: readonly string[]) => {
    const key = path.join('\u0000');
    let h = headers.get(key);
    if (h === undefined) headers.set(key, (h = headerFor(doc, path, options.maxTokens)));
    return h;
  };
  const sections = mergeSmallSections(sectionsOf(doc.content, blocks, depth), {
    minTokens: options.minSectionTokens ?? DEFAULT_MIN_SECTION_TOKENS,
    budget: (path) => options.maxTokens - headerOf(path).tokens,
  });
  const tinyTokens = (options.minSectionTokens ?? DEFAULT_MIN_SECTION_TOKENS) / 2;
  // Body and heading path of the last chunk, so a tiny section after it can join it.
  let last: { body: string; path: readonly string[] } | undefined;
  for (const section of sections) {
    const { header, tokens: headerTokens } = headerOf(section.headingPath);
    const pieces = sectionBodies(section, doc.content, header, headerTokens, options);
    // A tiny section the merge could not place (the chunk before it is a piece of a long
    // section) joins that chunk when it still fits: no `## License\n\nMIT` chunk on its own.
    if (pieces.length === 1 && pieces[0].body && pieces[0].tokens < tinyTokens && last !== undefined && !pieces[0].oversized) {
      const path = commonPrefix(last.path, section.headingPath);
      const joined = joinTail(chunks[chunks.length - 1], `${last.body}\n\n${pieces[0].body}`, headerOf(path).header, path, options.maxTokens);
      if (joined) {
        last = { body: `${last.body}\n\n${pieces[0].body}`, path };
        continue;
      }
    }
    for (const piece of pieces) {
      if (!piece.body) continue;
      const content = chunkContent(header, piece.body);
      const hash = contentHash(content);
      // The same text twice in one document (a repeated snippet, an identical "Returns" section) is embedded once.
      if (seen.has(hash)) {
        duplicateChars += readableChars(piece.body);
        continue;
      }
      seen.add(hash);
      const metadata: Record<string, JsonValue> = { ...doc.metadata, heading_path: section.headingPath.join(HEADER_SEPARATOR) };
      if (piece.split) metadata.split = piece.split;
      if (piece.oversized) metadata.oversized = piece.oversized;
      // What the parser read (less the text of dropped duplicates), on the first chunk only: `bbj report` compares it with what reached the chunks.
      if (doc.textChars !== undefined && chunks.length === 0) metadata.text_chars = doc.textChars;
      chunks.push({
        sourceName,
        docKey: doc.key,
        ordinal: chunks.length,
        sourceUrl: doc.sourceUrl,
        title: doc.title,
        docType: doc.docType,
        content,
        contentHash: hash,
        contextHeader: header,
        generations: [...doc.generations],
        deprecated: doc.deprecated,
        sourceType: doc.sourceType,
        displayUrl: doc.displayUrl,
        tokenCount: piece.tokens,
        metadata,
      });
      last = { body: piece.body, path: section.headingPath };
    }
  }
  // Text stored once for several places is not lost: the report compares what reached the chunks with this.
  if (duplicateChars > 0 && chunks[0]?.metadata.text_chars !== undefined) chunks[0].metadata.text_chars = Math.max(0, (doc.textChars ?? 0) - duplicateChars);
  log('%s: %d chunks', doc.key, chunks.length);
  return chunks;
}
