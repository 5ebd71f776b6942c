import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbeddedChunk } from '../../../src/core/contracts/chunk.js';
import { ChunkStore, type DocumentWrite } from '../../../src/core/store/chunk-store.js';
import { openSqlClient } from '../../../src/core/store/open-store.js';
import { testBackends } from '../../helpers/test-databases.js';

const DIM = 8;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

function chunk(docKey: string, ordinal: number, content: string, extra: Partial<EmbeddedChunk> = {}): EmbeddedChunk {
  return {
    sourceName: 'w', docKey, ordinal, sourceUrl: `w://${docKey}`, title: `Title\twith tab`, docType: 'guide', content, contentHash: hash(content),
    contextHeader: 'A > B', generations: ['bbj', 'say "hi" \\ {x,y}'], deprecated: ordinal % 2 === 1, sourceType: 'W', displayUrl: '',
    tokenCount: 5, metadata: { note: 'line\nbreak', back: 'a\\b', nested: { q: '"' } },
    embedding: Array.from({ length: DIM }, (_, i) => (ordinal + 1) * 0.125 * (i % 2 === 0 ? 1 : -1)), embeddingModel: 'test:m', ...extra,
  };
}

const doc = (key: string, chunks: EmbeddedChunk[]): DocumentWrite => ({ key, sourceUrl: `w://${key}`, fingerprint: hash(key + chunks.length), chunks });

for (const backend of testBackends()) {
  describe(`ChunkStore.writeDocuments in bulk (${backend.name})`, () => {
    test('values with tabs, newlines, backslashes, quotes and braces round-trip exactly; counts are right', async () => {
      const store = await backend.fresh();
      const sql = await openSqlClient(store.location);
      try {
        const chunkStore = new ChunkStore(sql);
        await chunkStore.migrate(DIM, 'test:m');
        const run = await chunkStore.createRun(['w']);
        const tricky = 'Tab\there, newline\nthere, CR\r, backslash \\N and \\\\, quote " and \' and {braces}, unicode ü — 漢字';
        const first = await chunkStore.writeDocuments('w', run, [
          doc('a', [chunk('a', 0, tricky), chunk('a', 1, 'second chunk of a')]),
          doc('b', [chunk('b', 0, 'only chunk of b')]),
        ]);
        assert.deepEqual(first, { chunksNew: 3, chunksKept: 0, chunksDeleted: 0 });
        const rows = await sql.query<{ content: string; title: string; generations: string[]; metadata: unknown; embedding: string; deprecated: boolean }>(
          `SELECT content, title, generations, metadata, embedding::text AS embedding, deprecated FROM chunks WHERE doc_key = 'a' ORDER BY chunk_index`,
        );
        assert.equal(rows[0]!.content, tricky);
        assert.equal(rows[0]!.title, 'Title\twith tab');
        assert.deepEqual(rows[0]!.generations, ['bbj', 'say "hi" \\ {x,y}']);
        assert.deepEqual(rows[0]!.metadata, { note: 'line\nbreak', back: 'a\\b', nested: { q: '"' } });
        assert.equal(rows[0]!.embedding, '[0.125,-0.125,0.125,-0.125,0.125,-0.125,0.125,-0.125]');
        assert.deepEqual(rows.map((r) => r.deprecated), [false, true]);

        // Rewrite a: one chunk kept, one replaced; b untouched.
        const second = await chunkStore.writeDocuments('w', run, [doc('a', [chunk('a', 0, tricky), chunk('a', 1, 'new second chunk')])]);
        assert.deepEqual(second, { chunksNew: 1, chunksKept: 1, chunksDeleted: 1 });
        const all = await sql.query<{ doc_key: string; n: string }>(`SELECT doc_key, count(*) AS n FROM chunks GROUP BY doc_key ORDER BY doc_key`);
        assert.deepEqual(all.map((r) => [r.doc_key, Number(r.n)]), [['a', 2], ['b', 1]]);
        const manifest = await sql.query<{ doc_key: string; chunk_count: number }>(`SELECT doc_key, chunk_count FROM documents ORDER BY doc_key`);
        assert.deepEqual(manifest.map((r) => [r.doc_key, r.chunk_count]), [['a', 2], ['b', 1]]);
      } finally {
        await sql.close();
      }
    });
  });
}
