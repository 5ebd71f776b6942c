import { mkdtempSync, readdirSync, readFileSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentInput } from '../../../src/core/contracts/document.js';
import type { Embedder } from '../../../src/core/contracts/embedder.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import type { Parser, ParserContext } from '../../../src/core/contracts/parser.js';
import type { HttpClient } from '../../../src/core/contracts/http.js';
import { chunkDocument } from '../../../src/core/chunking/index.js';
import { createEmbedBudget, type EmbedBudget } from '../../../src/core/pipeline/embed-budget.js';
import { ingestSource, type IngestSourceParams } from '../../../src/core/pipeline/ingest-source.js';
import { ChunkStore } from '../../../src/core/store/chunk-store.js';
import { PgliteSqlClient } from '../../../src/core/store/pglite-client.js';

const DIM = 4;

/** An embedder that answers after `delayMs`, records requests in flight and fails texts containing FAIL. */
function slowEmbedder(delayMs: number) {
  const state = { open: 0, most: 0, calls: 0, log: [] as string[] };
  const embedder: Embedder = {
    id: 'test',
    model: 'slow',
    validate: async () => [],
    probeDimension: async () => DIM,
    async embed(texts, signal) {
      state.calls++;
      state.open++;
      state.most = Math.max(state.most, state.open);
      state.log.push(`embed+${state.open}`);
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, delayMs);
          signal.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
        });
        if (texts.some((t) => t.includes('FAIL'))) throw new Error('HTTP 500 after retries');
        return texts.map((t) => [t.length, 1, 2, 3]);
      } finally {
        state.open--;
      }
    },
  };
  return { embedder, state };
}

function parserOf(name: string, docs: (i: number) => DocumentInput, count: number, log?: string[]): Parser {
  return {
    type: name,
    description: 'test',
    optionsSchema: { parse: (x: unknown) => x } as never,
    requiresPaths: false,
    async *parse() {
      for (let i = 0; i < count; i++) {
        log?.push(`parse ${i}`);
        yield docs(i);
      }
    },
  };
}

const doc = (i: number, extra = ''): DocumentInput => ({
  key: `doc-${i}`,
  sourceUrl: `test://doc-${i}`,
  title: `Doc ${i}`,
  content: `# Doc ${i}\n\nParagraph one of document ${i} ${extra}.\n\nParagraph two of document ${i}.`,
});

describe('ingestSource: the streaming pipeline', () => {
  let sql: PgliteSqlClient;
  let store: ChunkStore;
  let runId = 0;
  before(async () => {
    sql = await PgliteSqlClient.open(undefined);
    store = new ChunkStore(sql);
    await store.migrate(DIM, 'test:slow');
  });
  after(() => sql.close());

  const params = (source: string, parser: Parser, embedder: Embedder, extra: Partial<IngestSourceParams> = {}): IngestSourceParams => ({
    parser,
    context: {
      source: { name: source, parser: parser.type, paths: [], generationTag: 'auto' },
      options: {},
      dataDir: '/',
      http: {} as HttpClient,
      log: silentLogger,
      signal: new AbortController().signal,
    } as Omit<ParserContext, 'skip' | 'unchanged' | 'progress' | 'incomplete'>,
    store,
    embedder,
    embeddingModel: 'test:slow',
    dimension: DIM,
    enrichers: [],
    chunk: (d) => chunkDocument(d, { maxTokens: 400, overlapTokens: 0 }, source),
    shapingKey: 'k',
    batchSize: 2,
    concurrency: 2,
    clean: false,
    runId,
    ...extra,
  });

  test('parsing goes on while batches are embedded, with exactly `concurrency` requests in flight', async () => {
    runId = await store.createRun(['s1'], undefined);
    const { embedder, state } = slowEmbedder(30);
    const log = state.log;
    const stats = await ingestSource(params('s1', parserOf('p', (i) => doc(i), 40, log), embedder, { runId }));
    assert.equal(stats.documentsChanged, 40);
    assert.equal(state.most, 2, 'two requests in flight at the peak, never more');
    // The parser was asked for more documents while the first requests were still open.
    const firstEmbed = log.indexOf('embed+1');
    const secondSlot = log.indexOf('embed+2');
    assert.ok(firstEmbed >= 0 && secondSlot > firstEmbed);
    assert.ok(log.slice(firstEmbed).some((e) => e.startsWith('parse')), 'documents parsed after the first embedding request started');
    const rows = await sql.query<{ n: string }>(`SELECT count(DISTINCT doc_key) AS n FROM chunks WHERE source_name = 's1'`);
    assert.equal(Number(rows[0]!.n), 40);
  });

  test('two sources share one budget: never more than its slots in flight in total', async () => {
    runId = await store.createRun(['a', 'b'], undefined);
    const { embedder, state } = slowEmbedder(20);
    const budget: EmbedBudget = createEmbedBudget(3);
    const [a, b] = await Promise.all([
      ingestSource(params('a', parserOf('p', (i) => doc(i, 'in a'), 20), embedder, { runId, budget, concurrency: 3 })),
      ingestSource(params('b', parserOf('p', (i) => doc(i, 'in b'), 20), embedder, { runId, budget, concurrency: 3 })),
    ]);
    assert.equal(a.documentsChanged + b.documentsChanged, 40);
    assert.equal(state.most, 3);
  });

  test('a stop ends the source with `interrupted`: groups in flight written, nothing more pulled, nothing swept', async () => {
    const run1 = await store.createRun(['st'], undefined);
    const { embedder } = slowEmbedder(5);
    await ingestSource(params('st', parserOf('p', (i) => doc(i, 'old'), 30), embedder, { runId: run1 }));

    const run2 = await store.createRun(['st'], undefined);
    const stop = new AbortController();
    const slow = slowEmbedder(25);
    let pulled = 0;
    const parser = parserOf('p', (i) => {
      pulled++;
      if (i === 12) stop.abort();
      return doc(i, 'new');
    }, 30);
    const stats = await ingestSource(params('st', parser, slow.embedder, { runId: run2, stop: stop.signal }));
    assert.equal(stats.interrupted, true);
    assert.equal(pulled, 13, 'no document is pulled from the parser after the stop');
    // Nothing swept: all 30 documents are still there, each complete (its chunk rows match its manifest row).
    const docs = await sql.query<{ doc_key: string; chunk_count: number; n: string }>(
      `SELECT d.doc_key, d.chunk_count, (SELECT count(*) FROM chunks c WHERE c.source_name = d.source_name AND c.doc_key = d.doc_key) AS n
       FROM documents d WHERE d.source_name = 'st'`,
    );
    assert.equal(docs.length, 30);
    for (const d of docs) assert.equal(Number(d.n), d.chunk_count, `${d.doc_key} complete`);
    // Graceful: the groups handed over before the stop (documents 0-11, three groups of four) were embedded and written.
    const fresh = await sql.query<{ doc_key: string }>(`SELECT DISTINCT doc_key FROM chunks WHERE source_name = 'st' AND content LIKE '%new%' ORDER BY doc_key`);
    assert.deepEqual(fresh.map((r) => r.doc_key).sort(), Array.from({ length: 12 }, (_, i) => `doc-${i}`).sort());
    assert.equal(stats.documentsChanged, 12);
  });

  test('a batch that keeps failing marks only its documents failed; they are kept and not swept', async () => {
    const run1 = await store.createRun(['f'], undefined);
    const { embedder } = slowEmbedder(1);
    await ingestSource(params('f', parserOf('p', (i) => doc(i, 'v1'), 12), embedder, { runId: run1 }));

    const run2 = await store.createRun(['f'], undefined);
    // Documents 0-1 are one batch (batch size 2, a group of 4 chunks): make doc-1's new text fail.
    const stats = await ingestSource(params('f', parserOf('p', (i) => doc(i, i === 1 ? 'v2 FAIL' : 'v2'), 12), embedder, { runId: run2 }));
    assert.ok(stats.failed.some((f) => f.item === 'test://doc-1'), JSON.stringify(stats.failed));
    assert.ok(stats.failed.length < 12 && stats.documentsChanged >= 12 - stats.failed.length);
    const rows = await sql.query<{ doc_key: string; content: string }>(`SELECT doc_key, content FROM chunks WHERE source_name = 'f' AND doc_key = 'doc-1'`);
    assert.ok(rows.length > 0 && rows.every((r) => r.content.includes('v1')), 'the failed document keeps its previous rows');
    const docs = await sql.query(`SELECT 1 FROM documents WHERE source_name = 'f'`);
    assert.equal(docs.length, 12, 'nothing swept');
  });
});

describe('ingestSource: skip before parsing', () => {
  let sql: PgliteSqlClient;
  let store: ChunkStore;
  before(async () => {
    sql = await PgliteSqlClient.open(undefined);
    store = new ChunkStore(sql);
    await store.migrate(DIM, 'test:slow');
  });
  after(() => sql.close());

  /** A file parser: each file is one unit and yields `perFile` documents (read from the file). */
  function fileParser(dir: string, reads: string[], perFile = 1): Parser {
    return {
      type: 'files',
      description: 'test',
      optionsSchema: { parse: (x: unknown) => x } as never,
      requiresPaths: false,
      async *parse(ctx) {
        for (const name of readdirSync(dir).sort()) {
          const file = path.join(dir, name);
          if (await ctx.inputUnchanged?.(name, [file])) continue;
          reads.push(name);
          const text = readFileSync(file, 'utf8');
          for (let part = 0; part < perFile; part++) {
            yield { key: `${name}#${part}`, sourceUrl: `files://${name}#${part}`, title: name, content: `# ${name} part ${part}\n\n${text}` };
          }
        }
      },
    };
  }

  const run = async (source: string, parser: Parser, embedder: Embedder, extra: Partial<IngestSourceParams> = {}) => {
    const runId = await store.createRun([source], undefined);
    return ingestSource({
      parser,
      context: { source: { name: source, parser: 'files', paths: [], generationTag: 'auto' }, options: {}, dataDir: '/', http: {} as HttpClient, log: silentLogger, signal: new AbortController().signal },
      store, embedder, embeddingModel: 'test:slow', dimension: DIM, enrichers: [],
      chunk: (d) => chunkDocument(d, { maxTokens: 400, overlapTokens: 0 }, source),
      shapingKey: 'k', batchSize: 4, concurrency: 2, clean: false, runId, ...extra,
    });
  };

  test('an unchanged file is not read again; an edited one is; a deleted one is swept', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bbj-units-'));
    for (let i = 0; i < 6; i++) writeFileSync(path.join(dir, `f${i}.md`), `Text of file ${i}.`);
    const { embedder, state } = slowEmbedder(1);
    const reads1: string[] = [];
    const first = await run('u', fileParser(dir, reads1, 2), embedder);
    assert.equal(reads1.length, 6);
    assert.equal(first.documentsChanged, 12);

    const reads2: string[] = [];
    const callsBefore = state.calls;
    const second = await run('u', fileParser(dir, reads2, 2), embedder);
    assert.deepEqual(reads2, [], 'no file parsed');
    assert.equal(second.unitsUnchanged, 6);
    assert.equal(second.documentsUnchanged, 12);
    assert.equal(second.documentsDeleted, 0, 'documents of unchanged units are seen, not swept');
    assert.equal(state.calls, callsBefore, 'nothing embedded');

    // Same content, new mtime: confirmed unchanged by the content hash.
    utimesSync(path.join(dir, 'f1.md'), new Date(), new Date(Date.now() + 5000));
    writeFileSync(path.join(dir, 'f2.md'), 'Text of file 2, edited.');
    unlinkSync(path.join(dir, 'f3.md'));
    const reads3: string[] = [];
    const third = await run('u', fileParser(dir, reads3, 2), embedder);
    assert.deepEqual(reads3, ['f2.md']);
    assert.equal(third.documentsDeleted, 2);
    const rows = await sql.query<{ content: string }>(`SELECT content FROM chunks WHERE source_name = 'u' AND doc_key LIKE 'f2.md#%'`);
    assert.ok(rows.length > 0 && rows.every((r) => r.content.includes('edited')));

    // A different shaping key (chunk settings, model, rules) parses everything again.
    const reads4: string[] = [];
    await run('u', fileParser(dir, reads4, 2), embedder, { shapingKey: 'other' });
    assert.equal(reads4.length, 5);

    // A parser whose rules changed (its version raised) reads its unchanged files again.
    const reads5: string[] = [];
    await run('u', { ...fileParser(dir, reads5, 2), version: '2' }, embedder, { shapingKey: 'other' });
    assert.equal(reads5.length, 5);
    const reads6: string[] = [];
    await run('u', { ...fileParser(dir, reads6, 2), version: '2' }, embedder, { shapingKey: 'other' });
    assert.deepEqual(reads6, [], 'same rules again: nothing parsed');
  });

  test('a unit with a document that failed is parsed again next run', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bbj-units-'));
    for (let i = 0; i < 4; i++) writeFileSync(path.join(dir, `g${i}.md`), i === 2 ? 'This one will FAIL once.' : `Text ${i}.`);
    const failing = slowEmbedder(1);
    const first = await run('v', fileParser(dir, [], 1), failing.embedder, { batchSize: 1 });
    assert.deepEqual(first.failed.map((f) => f.item), ['files://g2.md#0']);

    // The embedder recovers: only g2 is parsed (and embedded) again.
    const ok: Embedder = { ...failing.embedder, embed: async (texts) => texts.map((t) => [t.length, 0, 0, 1]) };
    const reads: string[] = [];
    const second = await run('v', fileParser(dir, reads, 1), ok);
    assert.deepEqual(reads, ['g2.md']);
    assert.equal(second.documentsChanged, 1);
    assert.equal(second.failed.length, 0);
  });
});
