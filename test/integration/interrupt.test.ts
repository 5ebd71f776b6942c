import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, storedRows, testBackends } from '../helpers/test-databases.js';
import { expectedRows } from './expected-rows.js';
import { MDX_SOURCES } from './mdx-sources.js';

const SOURCES = [MDX_SOURCES[1]!, MDX_SOURCES[0]!];

for (const backend of testBackends()) {
  describe(`Ctrl-C and SIGTERM stop a run cleanly (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      test(`${signal} mid-source: exit ${code}, summary printed, run interrupted; --resume completes it with a clean run's rows`, async () => {
        const store = await backend.fresh();
        const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 2, dataDir: corporaDir });
        ollama.setDelay(40);
        // SIGINT with the table, SIGTERM with --json: both outputs must be complete.
        const json = signal === 'SIGTERM';
        const child = startCli(['ingest', 'all', '--config', configPath, ...(json ? ['--json'] : [])]);
        const done = collect(child);
        let progress = '';
        child.stdout!.on('data', (d) => (progress += d));
        child.stderr!.on('data', (d) => (progress += d));
        // Signal once chunks are being committed (the JSON renderer is silent: watch the embedder instead).
        const requestsBefore = ollama.embedRequests;
        let exited = false;
        void done.then(() => (exited = true));
        await waitFor(() => {
          if (exited) throw new Error(`the run ended before it was signalled:\n${progress.slice(-2000)}`);
          return json ? ollama.embedRequests - requestsBefore >= 8 : /\b[1-9]\d* new/.test(progress);
        }, 120_000);
        child.kill(signal);
        const stopped = await done;
        ollama.setDelay(0);

        assert.equal(stopped.code, code, stopped.stderr + stopped.stdout.slice(-2000));
        if (json) {
          const summary = JSON.parse(stopped.stdout);
          assert.equal(summary.status, 'interrupted');
          assert.ok(summary.sources.some((s: { status: string }) => s.status === 'interrupted'), stopped.stdout);
        } else {
          assert.match(stopped.stdout, /Run \d+: .*interrupted/, stopped.stdout.slice(-1500));
          assert.match(stopped.stdout, /--resume/);
        }
        const runs = await queryStore<{ status: string }>(store.location, 'SELECT status FROM runs ORDER BY id');
        assert.deepEqual(runs.map((r) => r.status), ['interrupted']);

        const resumed = await runCli(['ingest', 'all', '--config', configPath, '--resume', '--json']);
        assert.equal(resumed.code, 0, resumed.stderr + resumed.stdout);
        assert.equal(JSON.parse(resumed.stdout).status, 'completed');
        const actual = await storedRows(store.location);
        assert.equal(new Set(actual).size, actual.length, 'no duplicate rows');
        assert.deepEqual(actual, await expectedRows(await loadConfig({ configPath, env: {} })));
      });
    }
  });
}

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the run to progress');
    await new Promise((r) => setTimeout(r, 100));
  }
}
