import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { startSite, type LoopbackSite } from '../helpers/fixture-sites/loopback-site.js';
import { startWordpressSite } from '../helpers/fixture-sites/wordpress-site.js';
import { WEBHELP_BASE, startWebHelpSite } from '../helpers/fixture-sites/flare-webhelp-site.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig } from '../helpers/test-config.js';
import { queryStore, testBackends } from '../helpers/test-databases.js';

// End to end through the CLI and the store: the validators the first run stored with each
// document make the second run's requests conditional, so nothing is parsed or embedded.
for (const backend of testBackends().slice(0, 1)) {
  describe(`wordpress-kb over loopback, twice (${backend.name})`, () => {
    let ollama: FakeOllama;
    let other: LoopbackSite;
    let site: LoopbackSite;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
      other = await startSite((_req, res) => {
        res.end('never');
      });
      site = await startWordpressSite(other.origin);
    });
    after(async () => {
      await Promise.all([ollama.close(), other.close(), site.close()]);
    });

    test('the second run sends conditional requests, gets 304s, and embeds nothing', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), {
        database: store.toml,
        ollamaUrl: ollama.url,
        sources: [{ name: 'kb', parser: 'wordpress-kb', options: { index_url: `${site.origin}/knowledge-base/`, rate_limit_ms: 0 } }],
      });
      const first = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(first.code, 0, first.stderr + first.stdout);
      const stats1 = JSON.parse(first.stdout).sources[0].stats;
      assert.equal(stats1.documents, 3);
      const stored = await queryStore<{ doc_key: string; http_etag: string | null }>(store.location, 'SELECT doc_key, http_etag FROM documents ORDER BY doc_key');
      assert.equal(stored.length, 3);
      assert.ok(stored.every((d) => d.http_etag), 'validators are stored with each document');

      const embeds = ollama.embedRequests;
      const before304 = site.requests.length;
      const second = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(second.code, 0, second.stderr);
      const stats2 = JSON.parse(second.stdout).sources[0].stats;
      assert.equal(stats2.documentsUnchanged, 3);
      assert.equal(stats2.documentsChanged, 0);
      assert.equal(stats2.documentsDeleted, 0, 'pages answered 304 are not swept');
      assert.equal(ollama.embedRequests, embeds, 'nothing embedded');
      const articleRequests = site.requests.slice(before304).filter((r) => /\/knowledge-base\/kb\d+/.test(r.path));
      assert.equal(articleRequests.length, 3);
      assert.ok(articleRequests.every((r) => r.headers['if-none-match'] || r.headers['if-modified-since']), 'every article request is conditional');
      assert.equal(other.requests.length, 0, 'no request left the source scope');
    });
  });
}

for (const backend of testBackends().slice(0, 1)) {
  describe(`web-crawl over a WebHelp fixture, twice (${backend.name})`, () => {
    let ollama: FakeOllama;
    let site: LoopbackSite;
    before(async () => {
      ollama = await startFakeOllama({ dimension: 16 });
      site = await startWebHelpSite();
    });
    after(async () => {
      await Promise.all([ollama.close(), site.close()]);
    });

    test('an unchanged site is crawled with one conditional request per page, through the links stored last time', async () => {
      const store = await backend.fresh();
      const configPath = writeTestConfig(tempDir(), {
        database: store.toml,
        ollamaUrl: ollama.url,
        sources: [{ name: 'webhelp', parser: 'web-crawl', options: { base_url: `${site.origin}${WEBHELP_BASE}`, rate_limit_ms: 0 } }],
      });
      const first = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(first.code, 0, first.stderr + first.stdout);
      const stats1 = JSON.parse(first.stdout).sources[0].stats;
      assert.ok(stats1.documents >= 5, JSON.stringify(stats1));
      const topics = (from: number) => site.requests.slice(from).filter((r) => r.path.endsWith('.htm') && r.path.startsWith(WEBHELP_BASE));
      const firstPages = new Set(topics(0).map((r) => r.path));

      const mark = site.requests.length;
      const embeds = ollama.embedRequests;
      const second = await runCli(['ingest', 'all', '--config', configPath, '--json']);
      assert.equal(second.code, 0, second.stderr);
      const stats2 = JSON.parse(second.stdout).sources[0].stats;
      assert.equal(stats2.documentsUnchanged, stats1.documents, 'every page is unchanged');
      assert.equal(stats2.documentsDeleted, 0);
      assert.equal(ollama.embedRequests, embeds, 'nothing embedded');
      const again = topics(mark);
      const stored = again.filter((r) => firstPages.has(r.path) && !r.path.includes('missing'));
      assert.ok(stored.length >= stats1.documents);
      const plain = stored.filter((r) => !r.headers['if-none-match'] && !r.headers['if-modified-since']).map((r) => r.path);
      assert.deepEqual(plain, [], 'every page request is conditional');
      assert.equal(new Set(again.map((r) => r.path)).size, again.length, 'no page is downloaded twice');
    });
  });
}
