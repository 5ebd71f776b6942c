import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChunkStore } from '../../src/core/store/chunk-store.js';
import { PgliteSqlClient } from '../../src/core/store/pglite-client.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { closedPort } from '../helpers/ports.js';

describe('bbj validate', () => {
  let ollama: FakeOllama;
  before(async () => {
    ollama = await startFakeOllama({ dimension: 16, models: ['other-model'] });
  });
  after(() => ollama.close());

  test('reports every problem at once (paths, parser, options, database, model) and exits 2', async () => {
    const dir = tempDir();
    const port = await closedPort();
    const configPath = writeTestConfig(dir, {
      database: `url = "postgresql://bbj:s3cret-pw@127.0.0.1:${port}/rag"`,
      ollamaUrl: ollama.url,
      dataDir: corporaDir,
      model: 'missing-model',
      sources: [
        { name: 'docs', parser: 'mdx', paths: ['no/such/dir'] },
        { name: 'asciidoc', parser: 'asciidoc', paths: [] },
        { name: 'flare', parser: 'flare', paths: [path.join(corporaDir, 'flare-liquibase')], options: { toc_order: 5 } },
        { name: 'mdx-dwc', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-dwc-course', 'docs')], generationTag: 'dwcc' },
        { name: 'blog', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-dwc-course', 'docs')], enrichers: ['bjb'] },
        // No enricher reads generation_tag here, so the BBj check of it does not apply.
        { name: 'plain', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-dwc-course', 'docs')], generationTag: 'dwcc', enrichers: [] },
      ],
    });
    const result = await runCli(['validate', '--config', configPath, '--json']);
    assert.equal(result.code, 2, result.stderr);
    const report = JSON.parse(result.stdout);
    const issues: string[] = report.issues;
    const has = (pattern: RegExp) => assert.ok(issues.some((i) => pattern.test(i)), `expected an issue matching ${pattern}, got:\n${issues.join('\n')}`);
    has(/source "docs".*paths\[0\] = "no\/such\/dir" not found/);
    has(/source "asciidoc".*unknown parser type "asciidoc".*available: .*mdx/);
    has(/source "flare".*options\.toc_order/);
    has(/ollama pull missing-model/);
    has(/source "mdx-dwc".*generation_tag "dwcc": "dwcc" is not a generation; use "auto" or one or more of all, character/);
    has(/source "blog" \(sources\.toml sources\[4\]\): enrichers: unknown enricher "bjb"; available: bbj\./);
    assert.ok(!issues.some((i) => i.includes('source "plain"')), `no issue for the source without enrichers:\n${issues.join('\n')}`);
    has(new RegExp(`database postgresql://bbj:\\*\\*\\*\\*@127\\.0\\.0\\.1:${port}/rag`));
    assert.ok(!result.stdout.includes('s3cret-pw') && !result.stderr.includes('s3cret-pw'), 'the password is never printed');
  });

  test('ingest all stops after validation when anything is wrong: exit 2, no run, no chunk', async () => {
    const dir = tempDir();
    const db = path.join(dir, 'db');
    const configPath = writeTestConfig(dir, {
      database: `path = ${JSON.stringify(db)}`,
      ollamaUrl: ollama.url,
      dataDir: corporaDir,
      model: 'other-model',
      sources: [
        { name: 'mdx-beginner', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-bbj-beginner-course', 'docs')] },
        { name: 'docs', parser: 'mdx', paths: ['no/such/dir'] },
      ],
    });
    const result = await runCli(['ingest', 'all', '--config', configPath, '--json']);
    assert.equal(result.code, 2, result.stdout + result.stderr);
    const error = JSON.parse(result.stdout).error;
    assert.equal(error.code, 'VALIDATION_FAILED');
    assert.ok(error.issues.some((i: string) => /paths\[0\] = "no\/such\/dir" not found/.test(i)));
    assert.equal(ollama.textsEmbedded, 0, 'nothing was embedded');
    const sql = await PgliteSqlClient.open(db);
    const tables = await sql.query(`SELECT 1 FROM information_schema.tables WHERE table_name IN ('chunks', 'runs')`);
    await sql.close();
    assert.equal(tables.length, 0, 'no schema was created, no run recorded');
  });

  test('writes nothing: a missing embedded store is not created; a stored dimension that differs is reported', async () => {
    const dir = tempDir();
    const fresh = path.join(dir, 'never-created');
    const missing = writeTestConfig(dir, {
      database: `path = ${JSON.stringify(fresh)}`,
      ollamaUrl: ollama.url,
      dataDir: corporaDir,
      model: 'other-model',
      sources: [{ name: 'mdx-beginner', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-bbj-beginner-course', 'docs')] }],
    });
    const ok = await runCli(['validate', '--config', missing]);
    assert.equal(ok.code, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /Validation OK/);
    assert.equal(existsSync(fresh), false, 'validate must not create the store');

    const existing = path.join(dir, 'eight-dims');
    const sql = await PgliteSqlClient.open(existing);
    await new ChunkStore(sql).migrate(8, 'ollama:older-model');
    await sql.close();
    const mismatch = writeTestConfig(tempDir(), {
      database: `path = ${JSON.stringify(existing)}`,
      ollamaUrl: ollama.url,
      dataDir: corporaDir,
      model: 'other-model',
      sources: [{ name: 'mdx-beginner', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-bbj-beginner-course', 'docs')] }],
    });
    const bad = await runCli(['validate', '--config', mismatch]);
    assert.equal(bad.code, 2);
    assert.match(bad.stdout, /stores 8-dimensional vectors but embedder\.dimensions = 16/);
  });
});
