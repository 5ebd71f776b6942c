import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Chunk, Document } from '../../../src/core/contracts/index.js';

/** A complete Document with neutral defaults; override what a test cares about. */
export function makeDoc(content: string, overrides: Partial<Document> = {}): Document {
  return {
    key: 'guide/page.md',
    sourceUrl: 'test://guide/page.md',
    title: 'Page',
    content,
    docType: 'tutorial',
    generations: ['dwc'],
    deprecated: false,
    breadcrumb: [],
    displayUrl: 'https://example.test/guide/page',
    sourceType: 'Test Docs',
    metadata: { origin: 'fixture' },
    ...overrides,
  };
}

/** The chunk body: its content without the context header line. */
export function bodyOf(chunk: Chunk): string {
  return chunk.contextHeader ? chunk.content.slice(chunk.contextHeader.length).trim() : chunk.content;
}

/** True when every non-blank line of the text is an ATX heading. */
export function isHeadingOnly(text: string): boolean {
  return text.split('\n').every((line) => line.trim() === '' || /^\s{0,3}#{1,6}(\s|$)/.test(line));
}

/** Fence opening/closing lines (``` or ~~~, any length) outside of nothing: counts every fence line. */
export function fenceLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\s*(`{3,}|~{3,})/.test(line));
}

/** Every `.md`/`.mdx` file under a directory, sorted. */
export function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Small seeded PRNG (mulberry32), so generated documents are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
