import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, storedRows, testBackends } from '../helpers/test-databases.js';
import { expectedRows } from './expected-rows.js';
import { MDX_SOURCES } from './mdx-sources.js';

for (const backend of testBackends()) {
  describe(`an embedder failing 10% of requests with one outage (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      // Small batches: many requests, so the 10% failures and the outage hit the run many times.
      ollama = await startFakeOllama({ dimension: 16, failRate: 0.1, latency: { baseMs: 5, perTextMs: 1, slots: 2 } });
    });
    after(() => ollama.close());

    test('the run completes with exactly the rows of a clean run, retries counted, nothing failed', async () => {
      const store = await backend.fresh();
      const sources = MDX_SOURCES.slice(0, 2);
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources, batchSize: 4, maxAttempts: 1000, retryBudgetS: 120, dataDir: corporaDir });
      // A 3-second outage once the run is embedding.
      const outage = setInterval(() => {
        if (ollama.embedRequests > 5) {
          ollama.outage(3000);
          clearInterval(outage);
        }
      }, 20);
      const run = await runCli(['ingest', 'all', '--config', configPath, '--json']).finally(() => clearInterval(outage));
      assert.equal(run.code, 0, run.stderr + run.stdout);
      const summary = JSON.parse(run.stdout);
      const stats = summary.sources.map((s: { stats: { failed: unknown[]; embedRetries: number } }) => s.stats);
      assert.deepEqual(stats.map((s: { failed: unknown[] }) => s.failed), [[], []], 'no document failed');
      const retries = stats.reduce((n: number, s: { embedRetries: number }) => n + s.embedRetries, 0);
      assert.ok(ollama.faultsInjected > 0 && retries >= ollama.faultsInjected, `retries ${retries} cover the ${ollama.faultsInjected} injected faults`);

      const actual = await storedRows(store.location);
      assert.equal(new Set(actual).size, actual.length, 'no duplicate rows');
      assert.deepEqual(actual, await expectedRows(await loadConfig({ configPath, env: {} })));
      const broken = await queryStore<{ n: string }>(store.location, `SELECT count(*) AS n FROM chunks WHERE embedding IS NULL OR vector_dims(embedding) <> 16`);
      assert.equal(Number(broken[0]!.n), 0);
    });
  });
}
