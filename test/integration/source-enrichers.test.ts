import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildRegistry } from '../../src/cli/bootstrap.js';
import { loadConfig } from '../../src/core/config/config-loader.js';
import { createRunContainer, resolveServices } from '../../src/core/container.js';
import { silentLogger } from '../../src/core/contracts/logger.js';
import type { QualityReport } from '../../src/core/report/index.js';
import type { StoreLocation } from '../../src/core/store/open-store.js';
import { runIngest } from '../../src/core/runner/ingest-runner.js';
import { runCli } from '../helpers/cli.js';
import { startFakeOllama, type FakeOllama } from '../helpers/fake-ollama-server.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeTestConfig, type TestSource } from '../helpers/test-config.js';
import { queryStore } from '../helpers/test-databases.js';

/** A small non-BBj Markdown corpus: posts of a Java web framework's blog. */
const BLOG_POSTS: Record<string, string> = {
  'routing.md': '# Routing in webforJ\n\nRoutes map a URL to a view class. Annotate the view with `@Route` and the router builds it when the path is visited.\n\n## Parameters\n\nPath parameters such as `/customer/:id` are passed to the view before it is shown, so it can load its data.\n',
  'tables.md': '# Tables that scale\n\nThe table component renders only the rows in view, so a repository with a million records scrolls smoothly in the browser.\n\n## Sorting\n\nA sortable column asks the repository for the order; nothing is sorted on the client.\n',
  'themes.md': '# Dark mode in three lines\n\nThe theme is a set of CSS custom properties. Switching the app theme at run time changes every component at once, and a user preference can pick the theme on start.\n',
};

interface Row extends Record<string, unknown> {
  source_name: string;
  doc_key: string;
  doc_type: string;
  source_type: string;
  generations: string[];
  metadata: Record<string, unknown>;
  content_hash: string;
}

describe('enrichers per source (pglite)', () => {
  let ollama: FakeOllama;
  let work: string;
  let location: StoreLocation;
  let toml: string;
  const blog = (enrichers?: string[]): TestSource => ({ name: 'blog', parser: 'mdx', paths: [path.join(work, 'blog')], options: { doc_type: 'blog-post' }, ...(enrichers ? { enrichers } : {}) });
  const bbj = (): TestSource => ({ name: 'beginner', parser: 'mdx', paths: [path.join(work, 'beginner')] });
  const configure = (sources: TestSource[]) => writeTestConfig(work, { database: toml, ollamaUrl: ollama.url, sources });
  const ingest = async (configPath: string, sourceNames?: string[]) => {
    const config = await loadConfig({ configPath, env: {} });
    const services = resolveServices(createRunContainer({ registry: await buildRegistry(), logger: silentLogger, env: {} }));
    const summary = await runIngest(config, services, { renderer: 'silent', sourceNames });
    assert.equal(summary.exitCode, 0, JSON.stringify(summary.sources.map((s) => s.error)));
    return summary;
  };
  const rows = (source: string) =>
    queryStore<Row>(location, 'SELECT source_name, doc_key, doc_type, source_type, generations, metadata, content_hash FROM chunks WHERE source_name = $1 ORDER BY doc_key, chunk_index', [source]);

  before(async () => {
    ollama = await startFakeOllama({ dimension: 16 });
    work = tempDir();
    mkdirSync(path.join(work, 'blog'));
    for (const [name, text] of Object.entries(BLOG_POSTS)) writeFileSync(path.join(work, 'blog', name), text);
    cpSync(path.join(corporaDir, 'mdx-bbj-beginner-course', 'docs'), path.join(work, 'beginner'), { recursive: true });
    const db = path.join(work, 'db');
    [location, toml] = [{ pglitePath: db }, `path = ${JSON.stringify(db)}`];
    await ingest(configure([blog([]), bbj()]));
  });
  after(() => ollama.close());

  test('enrichers = [] stores what the parser produced; the default (key omitted) runs the BBj rules as before', async () => {
    const plain = await rows('blog');
    assert.ok(plain.length >= 3);
    for (const r of plain) {
      assert.deepEqual(r.generations, [], `${r.doc_key}: no generations without an enricher`);
      assert.equal(r.doc_type, 'blog-post', "the parser's doc_type is kept");
      assert.equal(r.source_type, 'blog', 'no label and no enricher: labelled by the source name');
      assert.deepEqual(r.metadata.enrichers, []);
      assert.equal(r.metadata.generation_basis, undefined);
    }
    const enriched = await rows('beginner');
    for (const r of enriched) {
      assert.ok(r.generations.length > 0, `${r.doc_key}: the BBj rules tag generations`);
      assert.deepEqual(r.metadata.enrichers, ['bbj']);
      assert.ok(r.metadata.generation_basis, 'the BBj enricher records its basis');
    }
  });

  test('bbj report: label checks are n/a where no enricher set labels, PASS/FAIL elsewhere', async () => {
    const configPath = configure([blog([]), bbj()]);
    const all = await runCli(['report', '--config', configPath, '--json']);
    const report = JSON.parse(all.stdout) as QualityReport;
    const source = (name: string) => report.sources.find((s) => s.name === name)!;
    assert.deepEqual(source('blog').enrichers, [{ names: [], chunks: source('blog').chunks }], 'the report says which enrichers ran');
    assert.deepEqual(source('beginner').enrichers, [{ names: ['bbj'], chunks: source('beginner').chunks }]);
    assert.equal(source('blog').labelledChunks, 0);
    assert.deepEqual(source('blog').unknownDocTypes, [], '"blog-post" is not judged against the BBj vocabulary');
    assert.equal(source('beginner').labelledChunks, source('beginner').chunks);
    const prop = (id: string) => report.properties.find((p) => p.id === id)!;
    for (const id of ['doc-types-in-vocabulary', 'no-lifecycle-in-generations']) {
      assert.equal(prop(id).applies, true, id);
      assert.deepEqual(prop(id).notApplicable, ['blog'], id);
      assert.equal(prop(id).ok, true, id);
    }
    assert.equal(report.totals.untagged.share, source('beginner').untagged.share, 'the untagged share is of the labelled chunks only');

    const text = await runCli(['report', '--config', configPath, '--source', 'blog']);
    assert.match(text.stdout, /== blog: \d+ documents, \d+ chunks, untagged n\/a.*\n {2}enrichers: none\n/);
    assert.match(text.stdout, /n\/a {3}every stored doc_type is in the vocabulary \(no enricher that sets these labels ran\)/);
    assert.match(text.stdout, /n\/a {3}no lifecycle label inside generations/);
    assert.match(text.stdout, /(PASS|FAIL) {2}no chunk whose body is only a heading/, 'the other properties are still judged');
    assert.doesNotMatch(text.stdout, /FAIL {2}every stored doc_type/);
  });

  test('changing a source\'s enrichers re-processes its documents; the same list again changes nothing', async () => {
    const before = await rows('blog');
    const switched = await ingest(configure([blog(['bbj']), bbj()]), ['blog']);
    assert.equal(switched.sources[0]!.stats.documentsChanged, Object.keys(BLOG_POSTS).length, 'every document is re-written');
    const enriched = await rows('blog');
    assert.ok(enriched.every((r) => r.generations.length > 0 && r.doc_type !== 'blog-post'), 'the BBj rules now shaped the rows');
    assert.ok(enriched.every((r) => (r.metadata.enrichers as string[]).join() === 'bbj'));

    const again = await ingest(configure([blog(['bbj']), bbj()]), ['blog']);
    assert.equal(again.sources[0]!.stats.documentsChanged, 0, 'an unchanged list leaves the documents alone');

    const back = await ingest(configure([blog([]), bbj()]), ['blog']);
    assert.equal(back.sources[0]!.stats.documentsChanged, Object.keys(BLOG_POSTS).length);
    assert.deepEqual((await rows('blog')).map((r) => [r.doc_key, r.doc_type, r.generations, r.content_hash]), before.map((r) => [r.doc_key, r.doc_type, r.generations, r.content_hash]));
  });
});
