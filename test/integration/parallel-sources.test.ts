import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { killOnceChunksStored, runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { storedRows, testBackends, type TestStore } from '../helpers/test-databases.js';
import { expectedRows } from './expected-rows.js';
import { MDX_SOURCES } from './mdx-sources.js';

const SOURCES = [MDX_SOURCES[0]!, MDX_SOURCES[1]!];

for (const backend of testBackends()) {
  describe(`sources in parallel (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    const rowsOf = async (store: TestStore) =>
      storedRows(store.location);

    test('two sources run side by side under one embedder budget; summary in file order; rows equal a sequential run', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 4, dataDir: corporaDir, sourceConcurrency: 2 });
      ollama.setDelay(20);
      ollama.maxEmbedInFlight = 0;
      const result = await runCli(['ingest', 'all', '--config', configPath]);
      ollama.setDelay(0);
      assert.equal(result.code, 0, result.stderr + result.stdout);
      const lines = result.stdout.split('\n');
      const firstDone = lines.findIndex((l) => /^✔ mdx-/.test(l));
      for (const source of SOURCES) {
        const startedAt = lines.indexOf(`❯ ${source.name}`);
        assert.ok(startedAt >= 0 && startedAt < firstDone, `${source.name} started before any source finished:\n${result.stdout}`);
      }
      // embedder.concurrency = 2 in the test config: two sources never have more than 2 requests open together.
      assert.ok(ollama.maxEmbedInFlight <= 2, `at most 2 embedding requests in flight, saw ${ollama.maxEmbedInFlight}`);
      assert.ok(ollama.maxEmbedInFlight >= 1);
      const table = lines.filter((l) => /^mdx-/.test(l)).map((l) => l.split(/\s+/)[0]);
      assert.deepEqual(table, SOURCES.map((s) => s.name), 'summary rows in file order');
      assert.deepEqual(await rowsOf(store), await expectedRows(await loadConfig({ configPath, env: {} })));
    });

    test('killed while both run, then --resume: rows equal a clean run, nothing duplicated', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 2, dataDir: corporaDir, sourceConcurrency: 2 });
      ollama.setDelay(40);
      await killOnceChunksStored(['ingest', 'all', '--config', configPath]);
      ollama.setDelay(0);
      const resumed = await runCli(['ingest', 'all', '--config', configPath, '--resume', '--json']);
      assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
      const actual = await rowsOf(store);
      assert.equal(new Set(actual).size, actual.length, 'no duplicate rows');
      assert.deepEqual(actual, await expectedRows(await loadConfig({ configPath, env: {} })));
    });
  });
}
