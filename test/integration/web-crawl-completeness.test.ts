import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import type { TocSite } from '../helpers/fixture-sites/flare-toc-site.js';
import { TOC_TOPICS, startTocSite } from '../helpers/fixture-sites/flare-toc-site.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, testBackends } from '../helpers/test-databases.js';

// End to end through the CLI and the store: an incomplete crawl keeps what it did not see,
// while a page that answered 404 is removed in the same run.
for (const backend of testBackends()) {
  describe(`web-crawl completeness through the pipeline (${backend.name})`, () => {
    let ollama: FakeOllama;
    let site: TocSite;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
      site = await startTocSite();
    });
    after(async () => {
      await Promise.all([ollama.close(), site.close()]);
    });

    test('a re-run cut by max_pages with a 503 page keeps the stored pages; a 404 page is removed', async () => {
      const store = await backend.fresh();
      const dir = tempDir();
      const config = (options: Record<string, number>) =>
        writeTestConfig(dir, {
          database: store.toml,
          ollamaUrl: ollama.url,
          sources: [{ name: 'help', parser: 'web-crawl', options: { base_url: site.base, rate_limit_ms: 0, max_attempts: 1, ...options } }],
        });
      const docs = async () => (await queryStore<{ doc_key: string }>(store.location, `SELECT doc_key FROM documents WHERE source_name = 'help' ORDER BY doc_key`)).map((r) => r.doc_key.replace(site.base, ''));
      const chunksOf = async (path: string) => Number((await queryStore<{ n: string }>(store.location, 'SELECT count(*) AS n FROM chunks WHERE doc_key = $1', [site.base + path]))[0].n);

      const first = await runCli(['ingest', 'all', '--config', config({}), '--json']);
      assert.equal(first.code, 0, first.stderr + first.stdout);
      const all = TOC_TOPICS.map((t) => t.path).sort();
      assert.deepEqual(await docs(), all);
      assert.deepEqual(JSON.parse(first.stdout).sources[0].stats.incomplete, []);

      // Shell + 8 TOC topics: the sitemap's and the linked page are cut; Task1 answers 503, Task2 404.
      site.control.faults.set('Content/Tasks/Task1.htm', 503);
      site.control.faults.set('Content/Tasks/Task2.htm', 404);
      const second = await runCli(['ingest', 'all', '--config', config({ max_pages: 9 }), '--json']);
      assert.equal(second.code, 0, second.stderr + second.stdout);
      const stats = JSON.parse(second.stdout).sources[0].stats;
      assert.equal(stats.incomplete.length, 2, JSON.stringify(stats.incomplete));
      assert.match(stats.incomplete.join('\n'), /Task1\.htm: HTTP 503/);
      assert.match(stats.incomplete.join('\n'), /max_pages \(9\) reached/);
      assert.equal(stats.documentsDeleted, 1, 'only the 404 page is deleted');
      assert.deepEqual(await docs(), all.filter((p) => !p.endsWith('Task2.htm')));
      assert.equal(await chunksOf('Content/Tasks/Task2.htm'), 0, 'the 404 page has no chunks left');
      assert.ok((await chunksOf('Content/Tasks/Task1.htm')) > 0, 'the 503 page keeps its chunks');
      assert.ok((await chunksOf('Content/Functions/ABS.htm')) > 0, 'a page the cut crawl never reached keeps its chunks');
    });
  });
}
