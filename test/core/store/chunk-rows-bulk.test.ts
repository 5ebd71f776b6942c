import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fromSql } from 'pgvector';
import type { EmbeddedChunk } from '../../../src/core/contracts/chunk.js';
import { ChunkStore, type DocumentWrite } from '../../../src/core/store/chunk-store.js';
import { encodeCopyBinary } from '../../../src/core/store/copy-binary.js';
import { openSqlClient } from '../../../src/core/store/open-store.js';
import { testBackends } from '../../helpers/test-databases.js';

// Real-sized vectors; few enough rows that the embedded store writes them in a couple of seconds.
const DIM = 1024;
const DOCS = 24;
const PER_DOC = 12;
const hash = (s: string) => createHash('sha256').update(s).digest('hex');

/** Varied rows: empty and multi-byte strings, empty and quoted generations, odd floats, big ordinals and metadata. */
function chunkOf(d: number, i: number): EmbeddedChunk {
  const key = `dir/doc ${d}.md`;
  const content = `Doc ${d} chunk ${i}: ${'grid row callback '.repeat(1 + ((d * 7 + i) % 20))}ü 漢字 😀 "q" \\ tab\tnl\n`.trim();
  return {
    sourceName: 'bulk', docKey: key, ordinal: i, sourceUrl: `file:///${key}#${i}`, title: i % 3 === 0 ? '' : `Title ${d}`,
    docType: ['guide', 'reference', ''][i % 3]!, content, contentHash: hash(content), contextHeader: i % 4 === 0 ? '' : `Guide > Doc ${d} > Part ${i}`,
    generations: [[], ['bbj'], ['bbj_gui', 'dwc', 'say "hi" {x,y} \\'], ['ünïcode']][i % 4]!, deprecated: (d + i) % 5 === 0,
    sourceType: `Type ${d % 3}`, displayUrl: i % 2 ? '' : `https://example.com/${d}/${i}`, tokenCount: 17 + i * 23,
    metadata: { d, i, headingPath: ['A', `B ${i}`], nested: { ok: true, nothing: null, text: 'line\nbreak \\ "' } },
    embedding: Array.from({ length: DIM }, (_, k) => (k === 0 ? 1e-7 : k === 1 ? -123456.789 : Math.sin(d * 131 + i * 17 + k) / (1 + (k % 7)))),
    embeddingModel: `model:${d % 2}`,
  };
}

const documents: DocumentWrite[] = Array.from({ length: DOCS }, (_, d) => {
  const chunks = Array.from({ length: PER_DOC }, (_, i) => chunkOf(d, i));
  return { key: chunks[0]!.docKey, sourceUrl: `file:///doc-${d}`, fingerprint: hash(`doc ${d}`), chunks };
});

type StoredRow = {
  source_url: string; title: string; doc_type: string; content: string; content_hash: string; context_header: string; generations: string[];
  deprecated: boolean; source_type: string; display_url: string; embedding: string; metadata: unknown; source_name: string; doc_key: string;
  chunk_index: number; token_count: number; embedding_model: string; has_search_vector: boolean;
};

for (const backend of testBackends()) {
  describe(`bulk chunk rows hold exactly what was written (${backend.name})`, () => {
    test(`${DOCS * PER_DOC} rows of ${DIM}-d vectors read back equal to the chunks, float4-rounded vectors, searchable text`, async () => {
      const sql = await openSqlClient((await backend.fresh()).location);
      try {
        const store = new ChunkStore(sql);
        await store.migrate(DIM, 'model:0');
        const run = await store.createRun(['bulk']);
        // Two calls, as the pipeline writes groups; the second replaces nothing of the first.
        await store.writeDocuments('bulk', run, documents.slice(0, DOCS / 2));
        await store.writeDocuments('bulk', run, documents.slice(DOCS / 2));
        const rows = await sql.query<StoredRow>(
          `SELECT source_url, title, doc_type, content, content_hash, context_header, generations, deprecated, source_type, display_url,
                  embedding::text AS embedding, metadata, source_name, doc_key, chunk_index, token_count, embedding_model,
                  search_vector IS NOT NULL AND search_vector <> ''::tsvector AS has_search_vector
           FROM chunks ORDER BY doc_key, chunk_index`,
        );
        const expected = documents.flatMap((d) => d.chunks).sort((a, b) => (a.docKey < b.docKey ? -1 : a.docKey > b.docKey ? 1 : a.ordinal - b.ordinal));
        assert.equal(rows.length, expected.length);
        for (const [n, c] of expected.entries()) {
          const row = rows[n]!;
          const { embedding, has_search_vector: searchable, ...fields } = row;
          assert.deepEqual(
            fields,
            {
              source_url: c.sourceUrl, title: c.title, doc_type: c.docType, content: c.content, content_hash: c.contentHash,
              context_header: c.contextHeader, generations: c.generations, deprecated: c.deprecated, source_type: c.sourceType,
              display_url: c.displayUrl, metadata: c.metadata, source_name: c.sourceName, doc_key: c.docKey, chunk_index: c.ordinal,
              token_count: c.tokenCount, embedding_model: c.embeddingModel,
            },
            `row ${c.docKey}#${c.ordinal}`,
          );
          // pgvector stores float4: each value is the input rounded to the nearest float4 (its text form reads back to that float4).
          assert.deepEqual((fromSql(embedding) as number[]).map((v) => Math.fround(v)), c.embedding.map((v) => Math.fround(v)), `embedding of ${c.docKey}#${c.ordinal}`);
          assert.equal(searchable, true, `search_vector of ${c.docKey}#${c.ordinal}`);
        }
        // The generated full-text column is computed from header, title and content, as the contract says.
        const hits = await sql.query<{ n: string }>(
          `SELECT count(*) AS n FROM chunks WHERE search_vector @@ plainto_tsquery('english', 'callbacks') AND search_vector @@ plainto_tsquery('english', 'guide')`,
        );
        assert.equal(Number(hits[0]!.n), expected.filter((c) => c.contextHeader !== '').length);
        const manifest = await sql.query<{ doc_key: string; chunk_count: number }>('SELECT doc_key, chunk_count FROM documents ORDER BY doc_key');
        assert.deepEqual(manifest, [...documents].map((d) => ({ doc_key: d.key, chunk_count: PER_DOC })).sort((a, b) => (a.doc_key < b.doc_key ? -1 : 1)));
      } finally {
        await sql.close();
      }
    });

    test('a row the server refuses (wrong dimension, NUL, NaN) rolls back the whole call: no chunk and no manifest row of it stays', async () => {
      const sql = await openSqlClient((await backend.fresh()).location);
      try {
        const store = new ChunkStore(sql);
        await store.migrate(4, 'model:0');
        const run = await store.createRun(['bulk']);
        const small = (key: string, extra: Partial<EmbeddedChunk> = {}): DocumentWrite => {
          const c = { ...chunkOf(0, 0), docKey: key, embedding: [0.5, 0.25, -1, 2], ...extra };
          return { key, sourceUrl: `file:///${key}`, fingerprint: hash(key), chunks: [c] };
        };
        for (const bad of [{ embedding: [1, 2, 3, 4, 5] }, { content: 'NUL \u0000 inside' }, { embedding: [Number.NaN, 1, 2, 3] }]) {
          await assert.rejects(store.writeDocuments('bulk', run, [small('good'), small('bad', bad)]));
        }
        const counts = async () => (await sql.query<{ c: number; d: number }>('SELECT (SELECT count(*)::int FROM chunks) AS c, (SELECT count(*)::int FROM documents) AS d'))[0];
        assert.deepEqual(await counts(), { c: 0, d: 0 });
        await store.writeDocuments('bulk', run, [small('good')]);
        assert.deepEqual(await counts(), { c: 1, d: 1 }, 'the store takes writes again after a refused one');
      } finally {
        await sql.close();
      }
    });
  });
}

describe('binary COPY encoding', () => {
  test('a row is laid out as PostgreSQL documents it: signature, field count, length-prefixed big-endian fields, trailer', () => {
    const buf = encodeCopyBinary([[{ text: 'ü' }, { int4: -2 }, { bool: true }, { textArray: ['a'] }, { textArray: [] }, { jsonb: '{}' }, { vector: [1.5, -2] }]]);
    const expected = Buffer.concat([
      Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8),
      Buffer.from([0, 7]),
      Buffer.from([0, 0, 0, 2, 0xc3, 0xbc]),
      Buffer.from([0, 0, 0, 4, 0xff, 0xff, 0xff, 0xfe]),
      Buffer.from([0, 0, 0, 1, 1]),
      Buffer.from([0, 0, 0, 25, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 25, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0x61]),
      Buffer.from([0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 25]),
      Buffer.from([0, 0, 0, 3, 1, 0x7b, 0x7d]),
      Buffer.from([0, 0, 0, 12, 0, 2, 0, 0, 0x3f, 0xc0, 0, 0, 0xc0, 0, 0, 0]),
      Buffer.from([0xff, 0xff]),
    ]);
    assert.deepEqual(buf, expected);
  });

  test('a number that is not a 32-bit integer is refused instead of being truncated', () => {
    assert.throws(() => encodeCopyBinary([[{ int4: 1.5 }]]), /not a 32-bit integer: 1.5/);
    assert.throws(() => encodeCopyBinary([[{ int4: 2 ** 31 }]]), /not a 32-bit integer/);
  });
});
