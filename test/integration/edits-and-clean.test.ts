import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRegistry } from '../../src/cli/bootstrap.js';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { createRunContainer, resolveServices } from '../../src/core/container.js';
import { silentLogger } from '../../src/core/contracts/logger.js';
import { runIngest } from '../../src/core/runner/ingest-runner.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, testBackends } from '../helpers/test-databases.js';

for (const backend of testBackends()) {
  describe(`edited, deleted and cleaned documents (${backend.name})`, () => {
    let ollama: FakeOllama;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
    });
    after(() => ollama.close());

    test('an edit replaces only that document, a deletion leaves no stale chunk, --clean rebuilds by source name', async () => {
      const work = tempDir();
      const docs = path.join(work, 'docs');
      cpSync(path.join(corporaDir, 'mdx-bbj-beginner-course', 'docs'), docs, { recursive: true });
      const store = await backend.fresh();
      const configPath = writeTestConfig(work, {
        database: store.toml,
        ollamaUrl: ollama.url,
        sources: [
          { name: 'tutorial', parser: 'mdx', paths: [docs] },
          { name: 'tutorial-copy', parser: 'mdx', paths: [docs] },
        ],
      });
      const run = async (options: { clean?: boolean; sourceNames?: string[] } = {}) => {
        const config = await loadConfig({ configPath, env: {} });
        const services = resolveServices(createRunContainer({ registry: await buildRegistry(), logger: silentLogger, env: {} }));
        const summary = await runIngest(config, services, { renderer: 'silent', ...options });
        assert.equal(summary.exitCode, 0, JSON.stringify(summary.sources.map((s) => s.error)));
        return summary;
      };
      const rows = () => queryStore<{ source_name: string; doc_key: string; content: string; content_hash: string }>(store.location, 'SELECT source_name, doc_key, content, content_hash FROM chunks ORDER BY source_name, doc_key, chunk_index');

      await run();
      const initial = await rows();
      const files = [...new Set(initial.map((r) => r.doc_key))].sort();
      assert.ok(files.length >= 3);
      // The same text in two sources is stored for both (dedup is per source).
      assert.equal(initial.filter((r) => r.source_name === 'tutorial').length, initial.filter((r) => r.source_name === 'tutorial-copy').length);

      const [edited, deleted] = [files[0]!, files[1]!];
      const editedPath = path.join(docs, edited);
      writeFileSync(editedPath, `${readFileSync(editedPath, 'utf8')}\n\n## Added section\n\nA brand-new paragraph about zebra-striped grids.\n`);
      rmSync(path.join(docs, deleted));
      const embedsBefore = ollama.textsEmbedded;

      const second = await run({ sourceNames: ['tutorial'] });
      const stats = second.sources[0]!.stats;
      assert.equal(stats.documentsChanged, 1);
      assert.equal(stats.documentsDeleted, 1);
      assert.ok(stats.chunksDeleted > 0);
      assert.ok(ollama.textsEmbedded - embedsBefore <= stats.chunksNew, 'only new text is embedded');
      const after2 = await rows();
      const tutorial = after2.filter((r) => r.source_name === 'tutorial');
      assert.ok(!tutorial.some((r) => r.doc_key === deleted), 'no stale chunk of the deleted document');
      assert.ok(tutorial.some((r) => r.doc_key === edited && r.content.includes('zebra-striped')), 'the edit is stored');
      assert.ok(after2.some((r) => r.source_name === 'tutorial-copy' && r.doc_key === deleted), 'the other source is untouched until it runs');

      // A stray row of the source (say, left by an older version) goes with --clean; other sources stay.
      await queryStore(
        store.location,
        `INSERT INTO documents (source_name, doc_key, source_url, fingerprint, chunk_count, last_run_id) VALUES ('tutorial', 'stray.md', 'tutorial://stray.md', 'x', 0, 0)`,
      );
      const cleaned = await run({ clean: true, sourceNames: ['tutorial'] });
      assert.equal(cleaned.sources[0]!.stats.vectorsReused, 0, '--clean re-embeds');
      const final = await rows();
      const finalTutorial = final.filter((r) => r.source_name === 'tutorial');
      assert.deepEqual(finalTutorial.map((r) => r.content_hash), tutorial.map((r) => r.content_hash));
      assert.equal(final.filter((r) => r.source_name === 'tutorial-copy').length, initial.filter((r) => r.source_name === 'tutorial-copy').length);
      const runs = await queryStore<{ n: string }>(store.location, `SELECT count(*) AS n FROM documents WHERE source_name = 'tutorial' AND doc_key = 'stray.md'`);
      assert.equal(Number(runs[0]!.n), 0, 'rows of the source the clean run did not write are deleted');
    });
  });
}
