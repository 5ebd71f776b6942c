import { createHash } from 'node:crypto';
import type { EmbeddedChunk } from '../../../src/core/contracts/chunk.js';
import { ChunkStore } from '../../../src/core/store/chunk-store.js';
import type { SqlClient } from '../../../src/core/store/sql-client.js';

/** Vector size of the fixture store (small: the report never reads vectors). */
export const FIXTURE_DIMENSION = 4;

interface ChunkSpec {
  header: string;
  body: string;
  tokens: number;
  metadata?: Record<string, unknown>;
}

interface DocSpec {
  key: string;
  docType: string;
  generations: string[];
  chunks: ChunkSpec[];
}

function chunksOf(source: string, doc: DocSpec): EmbeddedChunk[] {
  return doc.chunks.map((c, ordinal) => {
    // Same shape as the chunker's output: the header, a blank line, the body.
    const content = c.header ? (c.body ? `${c.header}\n\n${c.body}` : c.header) : c.body;
    return {
      sourceName: source, docKey: doc.key, ordinal, sourceUrl: `${source}://${doc.key}`, title: doc.key, docType: doc.docType, content,
      contentHash: createHash('sha256').update(content).digest('hex'), contextHeader: c.header, generations: doc.generations, deprecated: false,
      sourceType: source, displayUrl: '', tokenCount: c.tokens, metadata: { heading_path: '', ...c.metadata },
      embedding: Array.from({ length: FIXTURE_DIMENSION }, () => 0.5), embeddingModel: 'test:fixture',
    };
  });
}

/** Source `alpha`: every finding at least once. */
const ALPHA: DocSpec[] = [
  {
    key: 'a1', docType: 'concept', generations: ['bbj_gui'],
    chunks: [
      { header: 'A1', body: '# A1', tokens: 10 }, // heading-only (ATX H1 alone)
      { header: 'A1 > Intro', body: '## Intro\n\nSome text under the heading.', tokens: 120 },
      { header: 'A1 > Long', body: 'Text exactly at the limit.', tokens: 400 },
      { header: 'A1 > Code', body: '```\none enormous line\n```', tokens: 450, metadata: { oversized: 'unsplittable-line', split: 'lines' } },
    ],
  },
  {
    key: 'a2', docType: 'flare', generations: ['deprecated', 'all'],
    chunks: [
      { header: 'A2', body: 'Far too long and not marked.', tokens: 500, metadata: { split: 'sentences' } }, // oversized violation
      { header: 'A2 > Setext', body: 'Setext Title\n============', tokens: 20 }, // heading-only (setext)
    ],
  },
  { key: 'a3', docType: '', generations: [], chunks: [{ header: '', body: '#include <stdio.h>', tokens: 30 }] },
  { key: 'a4', docType: 'concept', generations: ['all'], chunks: [] }, // manifest row with no chunk
];

/** Source `beta`: heading-only variants and things that must not count as headings. */
const BETA: DocSpec[] = [
  {
    key: 'b1', docType: 'tutorial', generations: ['untagged'],
    chunks: [
      { header: 'B1', body: '## One\n\n### Two', tokens: 51 }, // heading-only (two headings)
      { header: 'B1 > Heading', body: '## Heading\n\nText.', tokens: 100 },
      { header: 'B1 > Empty', body: '', tokens: 5 }, // no body at all
      { header: 'B1 > Hashes', body: '####### seven hashes is a paragraph', tokens: 50 },
    ],
  },
];

/** Source `gamma`: a clean source (no finding at all). */
const GAMMA: DocSpec[] = [
  { key: 'g1', docType: 'tutorial', generations: ['dwc'], chunks: [{ header: 'G1', body: '# G1\n\nBody text.', tokens: 80 }] },
];

/**
 * Migrates the store and writes the fixture: three sources, two runs. Run 1 records old-style
 * stats for `beta` (a count only); run 2 records `alpha` with its skipped items and a failed `beta`.
 */
export async function writeReportFixture(sql: SqlClient): Promise<void> {
  const store = new ChunkStore(sql);
  await store.migrate(FIXTURE_DIMENSION, 'test:fixture');
  const run1 = await store.createRun(['alpha', 'beta', 'gamma']);
  const write = (source: string, runId: number, docs: DocSpec[]) =>
    store.writeDocuments(source, runId, docs.map((d) => ({ key: d.key, sourceUrl: `${source}://${d.key}`, fingerprint: d.key, chunks: chunksOf(source, d) })));
  await write('alpha', run1, ALPHA);
  await write('beta', run1, BETA);
  await write('gamma', run1, GAMMA);
  await store.recordSource(run1, 'alpha', 'ok', { skipped: 1, skipped_items: [{ item: 'old.htm', reason: 'from the older run' }] });
  await store.recordSource(run1, 'beta', 'ok', { skipped: 2 });
  await store.recordSource(run1, 'gamma', 'ok', { skipped: 0, skipped_items: [] });
  await store.finishRun(run1, 'completed');
  const run2 = await store.createRun(['alpha', 'beta', 'delta']);
  await store.recordSource(run2, 'alpha', 'ok', {
    skipped: 2,
    skipped_items: [{ item: 'alpha://empty.htm', reason: 'produced no chunks' }, { item: 'alpha://bad.htm', reason: 'not well-formed XML' }],
  });
  await store.recordSource(run2, 'beta', 'failed', { skipped: 7, skipped_items: [] }, 'boom');
  await store.recordSource(run2, 'delta', 'failed', { skipped: 0 }, 'never worked');
  await store.finishRun(run2, 'failed');
}
