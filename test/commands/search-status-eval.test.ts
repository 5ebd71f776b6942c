import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SearchResult } from '../../src/cli/search-format.js';
import type { EvalReport } from '../../src/core/eval/index.js';
import type { StoreStatus } from '../../src/core/status/index.js';
import { runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { queryStore } from '../helpers/test-databases.js';

/** The bundled sample, with its store in a temporary directory. */
function sampleConfig(dir: string, dbPath: string, model = 'feature-hash-v1'): string {
  const file = path.join(dir, `sources-${model}.toml`);
  writeFileSync(
    file,
    [
      `data_dir = ${JSON.stringify(path.join(repoRoot, 'examples', 'sample'))}`,
      '[database]', `path = ${JSON.stringify(dbPath)}`,
      '[embedder]', 'provider = "hash"', `model = ${JSON.stringify(model)}`, 'dimensions = 256',
      '[[sources]]', 'name = "sample-tutorial"', 'parser = "mdx"', 'paths = ["docs"]', 'label = "Sample Tutorial"',
      'display_url = "https://example.com/sample-tutorial/"', 'generation_tag = "auto"',
      '[[sources]]', 'name = "not-yet"', 'parser = "mdx"', 'paths = ["docs"]',
    ].join('\n'),
  );
  return file;
}

describe('bbj search, status and eval on the bundled sample (embedded store)', () => {
  let dir: string;
  let dbPath: string;
  let configPath: string;

  before(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'db');
    configPath = sampleConfig(dir, dbPath);
    const ingest = await runCli(['ingest', 'source', 'sample-tutorial', '--config', configPath, '--json']);
    assert.equal(ingest.code, 0, ingest.stderr + ingest.stdout);
  });

  test('search prints rank, score, title, breadcrumb, display URL and a highlighted snippet', async () => {
    const result = await runCli(['search', 'print a line', '--config', configPath]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^hybrid search for "print a line" in pglite:.*db: \d+ result\(s\)/);
    assert.match(result.stdout, /\n1\. 0\.0392 {2}Hello, BBj {2}\[dense 1, keyword 1\]\n {3}Sample Tutorial > Getting Started > Hello, BBj( > Printing a line)?\n {3}https:\/\/example\.com\/sample-tutorial\/getting-started\/hello-bbj\n {3}.*\*\*Printing\*\* a \*\*line\*\* The `\*\*PRINT\*\*` verb/);
  });

  test('--json gives every column of the result record; filters are applied and echoed', async () => {
    const result = await runCli(['search', 'window', '--config', configPath, '--mode', 'dense', '--generation', 'bbj-gui', '--doc-type', 'tutorial', '--limit', '3', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const out = JSON.parse(result.stdout) as SearchResult;
    assert.deepEqual(out.filters, { sources: [], generation: 'bbj_gui', docTypes: ['tutorial'] });
    assert.equal(out.embeddingModel, 'hash:feature-hash-v1');
    assert.ok(out.results.length >= 1, 'the GUI page carries bbj_gui');
    for (const key of ['id', 'source_url', 'title', 'content', 'doc_type', 'generations', 'context_header', 'deprecated', 'display_url', 'source_type', 'score']) {
      assert.ok(key in out.results[0]!, key);
    }
    assert.ok(out.results.every((r) => r.generations.includes('bbj_gui') && r.title === 'Your first window'));
  });

  test('an unknown source, a different model and a missing store are errors with a fix (exit 2)', async () => {
    const unknown = await runCli(['search', 'x', '--config', configPath, '--source', 'nope', '--json']);
    assert.equal(unknown.code, 2);
    assert.equal(JSON.parse(unknown.stdout).error.code, 'SEARCH_UNKNOWN_SOURCE');
    const other = await runCli(['search', 'window', '--config', sampleConfig(dir, dbPath, 'other-model')]);
    assert.equal(other.code, 2);
    assert.match(other.stderr, /embedded with hash:feature-hash-v1 but the configured embedder is hash:other-model/);
    assert.match(other.stderr, /Fix: .*--mode keyword/);
    const keyword = await runCli(['search', 'window', '--mode', 'keyword', '--config', sampleConfig(dir, dbPath, 'other-model')]);
    assert.equal(keyword.code, 0, 'keyword search does not need the embedder');
    const missing = await runCli(['search', 'x', '--config', sampleConfig(tempDir(), path.join(dir, 'no-db'))]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /There is no store at .*no-db/);
  });

  test('status: store, schema, model, per-source counts and last run; a crashed run and its skips are shown', async () => {
    const first = await runCli(['status', '--config', configPath, '--json']);
    assert.equal(first.code, 0, first.stderr);
    const status = JSON.parse(first.stdout) as StoreStatus;
    assert.match(status.store, /^pglite:.*db$/);
    assert.deepEqual(status.embedding, { model: 'hash:feature-hash-v1', dimension: 256 });
    assert.ok(status.schemaVersion >= 2);
    const sample = status.sources.find((s) => s.name === 'sample-tutorial')!;
    const [stored] = await queryStore<{ n: unknown }>({ pglitePath: dbPath }, 'SELECT count(*) AS n FROM chunks');
    const chunks = Number(stored!.n);
    assert.deepEqual([sample.documents, sample.chunks, sample.lastRun?.status, sample.lastRun?.counts?.chunksNew], [2, chunks, 'ok', chunks]);
    assert.ok(sample.lastRun!.durationMs! >= 0);
    assert.deepEqual(status.sources.find((s) => s.name === 'not-yet'), {
      name: 'not-yet', configured: true, documents: 0, chunks: 0, lastRun: null, skipped: { runId: null, count: 0, itemsRecorded: false, items: [] },
    });
    assert.deepEqual(status.openRuns, []);

    // A run that recorded a skip, then one killed before it recorded anything.
    await queryStore({ pglitePath: dbPath }, `INSERT INTO runs (id, status, sources, finished_at) VALUES (100, 'completed', '{sample-tutorial}', now())`);
    await queryStore({ pglitePath: dbPath }, `INSERT INTO source_runs (run_id, source_name, status, finished_at, stats) VALUES (100, 'sample-tutorial', 'ok', now(), $1::jsonb)`, [
      JSON.stringify({ documents: 3, skipped: 1, skipped_items: [{ item: 'docs/broken.mdx', reason: 'MDX syntax error at 3:1' }] }),
    ]);
    await queryStore({ pglitePath: dbPath }, `INSERT INTO runs (id, status, sources) VALUES (101, 'running', '{sample-tutorial,not-yet}')`);
    const text = await runCli(['status', '--config', configPath]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /Embedding: hash:feature-hash-v1, 256 dimensions/);
    assert.match(text.stdout, /sample-tutorial +2 +\d+ +101 \S+ \S+ +unfinished/);
    assert.match(text.stdout, /not-yet +0 +0 +101 \S+ \S+ +unfinished/);
    assert.match(text.stdout, /Run 101 started .* \(sample-tutorial, not-yet\): left running by a crash or kill/);
    const json = JSON.parse((await runCli(['status', '--config', configPath, '--json'])).stdout) as StoreStatus;
    assert.deepEqual(json.openRuns.map((r) => [r.id, r.state]), [[101, 'crashed']]);
    await queryStore({ pglitePath: dbPath }, `DELETE FROM runs WHERE id = 101`);
    const skipped = await runCli(['status', '--config', configPath]);
    assert.match(skipped.stdout, /sample-tutorial: 1 item\(s\) skipped in run 100:\n {2}- docs\/broken\.mdx: MDX syntax error at 3:1/);
    await queryStore({ pglitePath: dbPath }, `DELETE FROM runs WHERE id = 100`);
  });

  test('eval: recall@1/5/10 and MRR per mode for the shipped sample questions, and the misses with what came instead', async () => {
    const result = await runCli(['eval', path.join(repoRoot, 'examples', 'sample', 'questions.jsonl'), '--config', configPath, '--json']);
    assert.equal(result.code, 0, result.stderr);
    const report = JSON.parse(result.stdout) as EvalReport;
    assert.equal(report.questionCount, 6);
    assert.deepEqual(report.modes.map((m) => m.mode), ['hybrid', 'dense', 'keyword']);
    const byMode = Object.fromEntries(report.modes.map((m) => [m.mode, m]));
    assert.equal(byMode.dense!.recallAt10, 1);
    assert.equal(byMode.hybrid!.mrr, 1);
    assert.ok(byMode.keyword!.misses.length > 0, 'plain-text AND queries miss some natural questions');
    for (const m of report.modes) assert.ok(m.recallAt1 <= m.recallAt5 && m.recallAt5 <= m.recallAt10);

    const questions = path.join(dir, 'q.jsonl');
    writeFileSync(questions, [
      JSON.stringify({ question: 'How do I open a window?', expect: ['02-gui/01-first-window.mdx'] }),
      JSON.stringify({ question: 'How do I open a window?', expect: ['https://example.com/nowhere'] }),
    ].join('\n'));
    const text = await runCli(['eval', questions, '--config', configPath, '--mode', 'dense']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /mode +recall@1 +recall@5 +recall@10 +MRR +misses\n[- ]+\ndense +0\.500 +0\.500 +0\.500 +0\.500 +1/);
    assert.match(text.stdout, /\[dense\] line 2: How do I open a window\?\n +expected: https:\/\/example\.com\/nowhere\n +got 1: Your first window {2}https:\/\/example\.com\/sample-tutorial\/gui\/first-window/);
  });

  test('eval: a bad question file names the line', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, '{"question": "q"}\n');
    const result = await runCli(['eval', bad, '--config', configPath]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bad\.jsonl:1: expect:/);
  });
});
