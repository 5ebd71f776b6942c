import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, storedRows, testBackends, type TestStore } from '../helpers/test-databases.js';
import { expectedRows } from './expected-rows.js';
import { MDX_SOURCES } from './mdx-sources.js';

// The smallest tutorial: enough commits for a kill to land mid-run, quick on a loaded machine.
const SOURCES = [MDX_SOURCES[1]!];

for (const backend of testBackends()) {
  describe(`one writer at a time (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    const rowsOf = async (store: TestStore) =>
      storedRows(store.location);

    test('two runs started together: the second is refused with exit 2 naming the holder; the rows are a single run\'s', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 4, dataDir: corporaDir });
      ollama.setDelay(30);
      const a = startCli(['ingest', 'all', '--config', configPath, '--json']);
      const b = startCli(['ingest', 'all', '--config', configPath, '--json']);
      const [ra, rb] = await Promise.all([collect(a), collect(b)]);
      ollama.setDelay(0);
      const results = [
        { pid: a.pid!, ...ra },
        { pid: b.pid!, ...rb },
      ];
      const winner = results.find((r) => r.code === 0);
      const loser = results.find((r) => r.code === 2);
      assert.ok(winner && loser, `one run succeeds and one is refused: ${results.map((r) => `${r.code}: ${r.stdout.slice(0, 400)} ${r.stderr.slice(-400)}`).join('\n')}`);
      const refusal = JSON.parse(loser.stdout).error;
      assert.equal(refusal.code, 'STORE_LOCKED');
      assert.match(refusal.message, new RegExp(`pid ${winner.pid} on \\S+`), refusal.message);
      assert.match(refusal.message, /started \d{4}-\d\d-\d\dT/, refusal.message);
      assert.match(refusal.suggestion, /--wait/);
      assert.deepEqual(await rowsOf(store), await expectedRows(await loadConfig({ configPath, env: {} })));
      const runs = await queryStore<{ status: string }>(store.location, 'SELECT status FROM runs');
      assert.deepEqual(runs.map((r) => r.status), ['completed'], 'the refused run wrote no run record');
    });

    test('with --wait the second run starts when the first is done; the rows equal a single run\'s', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 4, dataDir: corporaDir });
      ollama.setDelay(30);
      const a = startCli(['ingest', 'all', '--config', configPath, '--json', '--wait']);
      const b = startCli(['ingest', 'all', '--config', configPath, '--json', '--wait=600']);
      const [ra, rb] = await Promise.all([collect(a), collect(b)]);
      ollama.setDelay(0);
      assert.equal(ra.code, 0, ra.stderr + ra.stdout);
      assert.equal(rb.code, 0, rb.stderr + rb.stdout);
      const waited = [ra, rb].find((r) => /being written by .*waiting/.test(r.stderr));
      assert.ok(waited, `one run said it was waiting: ${ra.stderr} ${rb.stderr}`);
      const second = JSON.parse(waited.stdout);
      for (const s of second.sources) assert.equal(s.stats.textsEmbedded, 0, `the run that waited found everything stored: ${JSON.stringify(s.stats)}`);
      assert.deepEqual(await rowsOf(store), await expectedRows(await loadConfig({ configPath, env: {} })));
      const runs = await queryStore<{ status: string }>(store.location, 'SELECT status FROM runs ORDER BY id');
      assert.deepEqual(runs.map((r) => r.status), ['completed', 'completed']);
    });

    test('a run row left running by a killed process is marked interrupted by the next run', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: SOURCES, batchSize: 2, dataDir: corporaDir });
      ollama.setDelay(40);
      const child = startCli(['ingest', 'all', '--config', configPath]);
      const done = collect(child);
      let out = '';
      child.stdout!.on('data', (d) => (out += d));
      let exited = false;
      void done.then(() => (exited = true));
      await waitFor(() => {
        if (exited) throw new Error(`the run ended before it was killed:\n${out.slice(-2000)}`);
        return /\b[1-9]\d* new/.test(out);
      }, 120_000);
      child.kill('SIGKILL');
      await done;
      ollama.setDelay(0);
      const before = await queryStore<{ status: string; pid: number }>(store.location, 'SELECT status, pid FROM runs');
      assert.deepEqual(before.map((r) => [r.status, r.pid]), [['running', child.pid]], 'the killed run left its row running, with its pid');

      const next = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(next.code, 0, next.stderr + next.stdout);
      const runs = await queryStore<{ status: string; error: string | null }>(store.location, 'SELECT status, error FROM runs ORDER BY id');
      assert.deepEqual(runs.map((r) => r.status), ['interrupted', 'completed']);
      assert.match(runs[0]!.error ?? '', new RegExp(`process ${child.pid} .*gone`));
      assert.deepEqual(await rowsOf(store), await expectedRows(await loadConfig({ configPath, env: {} })));
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
