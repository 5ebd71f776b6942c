import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkDocument } from '../../../src/core/chunking/index.js';
import type { Embedder } from '../../../src/core/contracts/embedder.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import type { HttpClient } from '../../../src/core/contracts/http.js';
import { ingestSource, type IngestSourceParams } from '../../../src/core/pipeline/ingest-source.js';
import type { ParseJob } from '../../../src/core/pipeline/parse-thread-protocol.js';
import { ParseThreads } from '../../../src/core/pipeline/parse-threads.js';
import { ChunkStore } from '../../../src/core/store/chunk-store.js';
import { PgliteSqlClient } from '../../../src/core/store/pglite-client.js';
import { builtinParseWorker, builtinRegistry } from '../../../src/plugins/builtins.js';
import { corporaDir } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp-dir.js';

const DIM = 4;
const CHUNKING = { maxTokens: 400, overlapTokens: 0 };
const registry = builtinRegistry();
const mdx = registry.parser('mdx')!.value;
const enrichers = registry.enrichersFor(undefined).enrichers;

const embedder: Embedder = {
  id: 'test',
  model: 'len',
  validate: async () => [],
  probeDimension: async () => DIM,
  embed: async (texts) => texts.map((t) => [t.length, 1, 2, 3]),
};

/** A copy of the smallest MDX tutorial, so the test may edit it. */
function docsCopy(): string {
  const dir = path.join(tempDir(), 'docs');
  cpSync(path.join(corporaDir, 'mdx-bbj-language-server-docs', 'docs'), dir, { recursive: true });
  return dir;
}

describe('parse threads: parse, enrich and chunk in a worker thread', () => {
  let sql: PgliteSqlClient;
  let store: ChunkStore;
  before(async () => {
    sql = await PgliteSqlClient.open(undefined);
    store = new ChunkStore(sql);
    await store.migrate(DIM, 'test:len');
  });
  after(() => sql.close());

  const job = (name: string, docs: string, extra: Partial<ParseJob> = {}): ParseJob => ({
    parser: 'mdx', parserVersion: mdx.version ?? '', options: {}, source: { name, parser: 'mdx', paths: [docs], generationTag: 'auto' }, dataDir: '/',
    enrichers: enrichers.map((e) => ({ name: e.name, version: e.version })), chunking: CHUNKING, shapingKey: 'k', maxFileBytes: 10_000_000, timeoutMs: 60_000, window: 4,
    ...extra,
  });

  const params = async (spec: ParseJob, threads: ParseThreads | undefined, clean = false): Promise<IngestSourceParams> => ({
    parser: mdx,
    context: { source: spec.source, options: mdx.optionsSchema.parse({}), dataDir: '/', http: {} as HttpClient, log: silentLogger, signal: new AbortController().signal },
    store, embedder, embeddingModel: 'test:len', dimension: DIM, enrichers,
    chunk: (d) => chunkDocument(d, CHUNKING, spec.source.name),
    shapingKey: spec.shapingKey, batchSize: 8, concurrency: 2, clean,
    runId: await store.createRun([spec.source.name], undefined),
    parseThread: threads ? { threads, job: spec } : undefined,
  });

  const rowsOf = async (source: string) =>
    (await sql.query<{ r: string }>(`SELECT doc_key || '|' || chunk_index || '|' || title || '|' || context_header || '|' || content_hash || '|' || metadata::text AS r FROM chunks WHERE source_name = $1 ORDER BY 1`, [source])).map((x) => x.r);

  test('a thread prepares the same rows as the run thread, and answers skip-before-parse through the host', async () => {
    const threads = new ParseThreads(builtinParseWorker, 1, ['mdx']);
    try {
      const docs = docsCopy();
      const inThread = await ingestSource(await params(job('same', docs), undefined));
      const expected = await rowsOf('same');
      // --clean: no input fingerprints, so the source waits for the thread and prepares everything there.
      const first = await ingestSource(await params(job('same', docs), threads, true));
      assert.ok(first.documentsChanged > 5);
      assert.equal(first.preparedInThread, first.documentsChanged);
      assert.equal(inThread.preparedInThread, 0);
      assert.deepEqual(await rowsOf('same'), expected, 'the same rows, metadata and all');

      // A re-run with the thread ready: every file is recognised unchanged by the host's answer, nothing parsed.
      await threads.ready();
      const again = await ingestSource(await params(job('same', docs), threads));
      assert.equal(again.unitsUnchanged, first.documentsChanged);
      assert.equal(again.preparedInThread, 0);
      assert.equal(again.textsEmbedded, 0);

      // One edited file: the thread parses just that one.
      const edited = path.join(docs, 'vscode', 'index.md');
      writeFileSync(edited, '# Introduction\n\nThis page was edited by the test, with a new sentence to embed.\n');
      const edit = await ingestSource(await params(job('same', docs), threads));
      assert.equal(edit.preparedInThread, 1);
      assert.equal(edit.documentsChanged, 1);
      assert.equal(edit.unitsUnchanged, first.documentsChanged - 1);
    } finally {
      await threads.close();
    }
  });

  test('a thread without the same parser version declines; the run thread prepares the source', async () => {
    const threads = new ParseThreads(builtinParseWorker, 1, ['mdx']);
    try {
      const stats = await ingestSource(await params(job('declined', docsCopy(), { parserVersion: 'not-this-one' }), threads));
      assert.ok(stats.documentsChanged > 5);
      assert.equal(stats.preparedInThread, 0);
    } finally {
      await threads.close();
    }
  });

  test("the parser's own error fails the source with the same message in either thread", async () => {
    const threads = new ParseThreads(builtinParseWorker, 1, ['mdx']);
    const missing = path.join(tempDir(), 'no-such-folder');
    try {
      const here = await ingestSource(await params(job('e1', missing), undefined)).then(() => 'resolved', (e: Error) => e.message);
      const there = await ingestSource(await params(job('e2', missing), threads)).then(() => 'resolved', (e: Error) => e.message);
      assert.notEqual(here, 'resolved');
      assert.equal(there.replaceAll('e2', 'e1'), here);
    } finally {
      await threads.close();
    }
  });

  test('a thread that dies fails its source with a reason instead of hanging', async () => {
    const threads = new ParseThreads(new URL('../../helpers/exiting-parse-worker.js', import.meta.url), 1);
    try {
      await assert.rejects(ingestSource(await params(job('dies', docsCopy()), threads)), /parse thread exited \(code 7\)/);
    } finally {
      await threads.close();
    }
  });
});
