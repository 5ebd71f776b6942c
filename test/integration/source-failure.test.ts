import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { buildRegistry } from '../../src/cli/bootstrap.js';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { createRunContainer, resolveServices } from '../../src/core/container.js';
import { silentLogger } from '../../src/core/contracts/logger.js';
import { defineParser } from '../../src/core/plugin-descriptor.js';
import { runIngest } from '../../src/core/runner/ingest-runner.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { tempDir } from '../helpers/temp-dir.js';
import { corporaDir } from '../helpers/paths.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, testBackends } from '../helpers/test-databases.js';
import { MDX_SOURCES } from './mdx-sources.js';

/** A parser that yields two documents, then throws: the failure must stay inside its source. */
const explodingParser = defineParser({
  type: 'exploding',
  description: 'test parser that fails mid-source',
  optionsSchema: z.object({}).strict(),
  requiresPaths: false,
  async *parse() {
    yield { key: 'one', sourceUrl: 'boom://one', title: 'One', content: 'first document before the failure' };
    yield { key: 'two', sourceUrl: 'boom://two', title: 'Two', content: 'second document before the failure' };
    throw new Error('disk on fire');
  },
});

for (const backend of testBackends()) {
  describe(`a parser that throws mid-source (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    test('fails that source only: exit 1, the other sources are stored', async () => {
      const store = await backend.fresh();
      const sources = [MDX_SOURCES[1]!, { name: 'boom', parser: 'exploding' }, MDX_SOURCES[0]!];
      const configPath = writeTestConfig(tempDir(), { database: store.toml, ollamaUrl: ollama.url, sources, dataDir: corporaDir });
      const config = await loadConfig({ configPath, env: {} });
      const registry = await buildRegistry();
      registry.register(explodingParser, { kind: 'plugin', name: 'test-plugin', version: '1.0.0' });
      const services = resolveServices(createRunContainer({ registry, logger: silentLogger, env: {} }));

      const summary = await runIngest(config, services, { renderer: 'silent' });

      assert.equal(summary.exitCode, 1);
      assert.deepEqual(summary.sources.map((s) => [s.name, s.status]), [['mdx-beginner', 'ok'], ['boom', 'failed'], ['mdx-dwc', 'ok']]);
      assert.match(summary.sources[1]!.error!, /disk on fire/);
      const counts = await queryStore<{ source_name: string; n: string }>(store.location, 'SELECT source_name, count(*) AS n FROM chunks GROUP BY source_name ORDER BY 1');
      const bySource = Object.fromEntries(counts.map((r) => [r.source_name, Number(r.n)]));
      assert.ok(bySource['mdx-beginner']! > 0 && bySource['mdx-dwc']! > 0, JSON.stringify(bySource));
      // Documents committed before the failure stay; a failed source is never swept.
      assert.equal(bySource['boom'], 2);
      const runs = await queryStore<{ status: string }>(store.location, 'SELECT status FROM runs');
      assert.deepEqual(runs.map((r) => r.status), ['failed']);
    });
  });
}
