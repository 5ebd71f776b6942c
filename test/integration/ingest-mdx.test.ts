import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { tempDir } from '../helpers/temp-dir.js';
import { corporaDir } from '../helpers/paths.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, testBackends } from '../helpers/test-databases.js';
import { MDX_SOURCES } from './mdx-sources.js';

for (const backend of testBackends()) {
  describe(`ingest all: three MDX sources into ${backend.name}`, () => {
    let ollama: FakeOllama;
    let configPath: string;
    let location: Awaited<ReturnType<typeof backend.fresh>>['location'];
    const snapshot = () =>
      queryStore<{ id: string; content_hash: string; updated_at: Date; source_url: string; source_name: string }>(
        location,
        'SELECT id, content_hash, updated_at, source_url, source_name FROM chunks ORDER BY id',
      );

    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
      const store = await backend.fresh();
      location = store.location;
      configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources: MDX_SOURCES, dataDir: corporaDir });
    });
    after(() => ollama.close());

    test('stores chunks under three distinct source_url schemes, then a re-run embeds nothing and changes no row', async () => {
      const first = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(first.code, 0, first.stderr + first.stdout);
      const summary = JSON.parse(first.stdout);
      assert.deepEqual(summary.sources.map((s: { name: string; status: string }) => [s.name, s.status]), MDX_SOURCES.map((s) => [s.name, 'ok']));
      const rows = await snapshot();
      for (const source of MDX_SOURCES) {
        const own = rows.filter((r) => r.source_name === source.name);
        assert.ok(own.length > 3, `${source.name} has chunks`);
        assert.ok(own.every((r) => r.source_url.startsWith(`${source.name}://`)), `${source.name} URLs use its scheme`);
      }
      assert.ok(ollama.embedRequests > 0);

      const embedsBefore = ollama.embedRequests;
      const second = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(second.code, 0, second.stderr);
      const again = JSON.parse(second.stdout);
      assert.equal(ollama.embedRequests, embedsBefore, 'no embed request on an unchanged corpus');
      for (const s of again.sources) {
        assert.equal(s.stats.embedCalls, 0);
        assert.equal(s.stats.chunksNew, 0);
        assert.equal(s.stats.chunksDeleted, 0);
        assert.equal(s.stats.documentsUnchanged, s.stats.documents);
      }
      assert.deepEqual(await snapshot(), rows, 'no row changed');
    });
  });
}
