import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { tempDir } from '../helpers/temp-dir.js';
import { corporaDir } from '../helpers/paths.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { storedRows, testBackends } from '../helpers/test-databases.js';
import { expectedRows } from './expected-rows.js';
import { MDX_SOURCES } from './mdx-sources.js';

for (const backend of testBackends()) {
  describe(`a run killed mid-source and resumed (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    test('ends with exactly the rows of an uninterrupted run: no duplicate, none missing', async () => {
      const store = await backend.fresh();
      // Small batches and slow answers make many commits, so the kill lands between and inside them.
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: MDX_SOURCES, batchSize: 2, dataDir: corporaDir });
      ollama.setDelay(40);
      const child = startCli(['ingest', 'all', '--config', configPath]);
      const done = collect(child);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      // Kill once two sources finished and the third has committed some chunks (its progress shows "N new").
      const thirdStarted = () => out.split(/❯ mdx-db-modernization/)[1] ?? '';
      await waitFor(() => /\b[1-9]\d* new/.test(thirdStarted()), 240_000);
      child.kill('SIGKILL');
      const killed = await done;
      assert.equal(killed.code, null, 'the first run was killed');
      ollama.setDelay(0);

      const resumed = await runCli(['ingest', 'all', '--config', configPath, '--resume', '--json']);
      assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
      const summary = JSON.parse(resumed.stdout);
      assert.ok(summary.resumedFrom > 0);
      assert.deepEqual(summary.sources.map((s: { status: string }) => s.status), ['resumed', 'resumed', 'ok'], 'sources the killed run completed are skipped');
      assert.ok(summary.sources[2].stats.documentsUnchanged > 0, `documents committed before the kill are not embedded again: ${JSON.stringify(summary.sources[2].stats)} ${killed.stdout.slice(-600)}`);

      const actual = await storedRows(store.location);
      assert.equal(new Set(actual).size, actual.length, 'no duplicate rows');
      assert.deepEqual(actual, await expectedRows(await loadConfig({ configPath, env: {} })));
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the run to progress');
    await new Promise((r) => setTimeout(r, 50));
  }
}
