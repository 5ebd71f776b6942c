import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { killOnceChunksStored, runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { storedRows, testBackends } from '../helpers/test-databases.js';
import { expectedRows } from './expected-rows.js';
import { MDX_SOURCES } from './mdx-sources.js';

const SOURCES = [MDX_SOURCES[0]!, MDX_SOURCES[1]!];

interface Summary {
  sources: Array<{ name: string; status: string; stats: { documentsChanged: number; preparedInThread: number } }>;
}

// `parse_threads = true` forces the threads this 2-core machine would not start by itself ("auto").
for (const backend of testBackends()) {
  describe(`bbj ingest with parse threads forced on (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    test('two sources parsed in threads side by side: rows equal an in-process parse', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 4, dataDir: corporaDir, sourceConcurrency: 2, parseThreads: true });
      const result = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(result.code, 0, result.stderr + result.stdout);
      const summary = JSON.parse(result.stdout) as Summary;
      for (const source of summary.sources) {
        assert.equal(source.status, 'ok');
        assert.ok(source.stats.documentsChanged > 0);
        assert.equal(source.stats.preparedInThread, source.stats.documentsChanged, `${source.name}: every document prepared in a thread`);
      }
      assert.deepEqual(await storedRows(store.location), await expectedRows(await loadConfig({ configPath, env: {} })));
    });

    test('killed (kill -9) while threads parse, then --resume: rows equal a clean run, nothing duplicated', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 2, dataDir: corporaDir, sourceConcurrency: 2, parseThreads: true });
      ollama.setDelay(40);
      await killOnceChunksStored(['ingest', 'all', '--config', configPath]);
      ollama.setDelay(0);
      const resumed = await runCli(['ingest', 'all', '--config', configPath, '--resume', '--json']);
      assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
      const actual = await storedRows(store.location);
      assert.equal(new Set(actual).size, actual.length, 'no duplicate rows');
      assert.deepEqual(actual, await expectedRows(await loadConfig({ configPath, env: {} })));
    });
  });
}
