import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsersReport } from '../../src/commands/parsers.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { queryStore } from '../helpers/test-databases.js';
import { bbj, isolatedOclifDirs, run } from './plugin-env.js';

const exampleDir = path.join(repoRoot, 'examples', 'asciidoc-plugin');
const pluginName = 'bbj-rag-parser-asciidoc';
// npm installs the plugin's dependencies from the registry: generous, but bounded.
const NPM_TIMEOUT_MS = 240_000;

/** A project with the example's AsciiDoc pages, the embedded store and the offline hash embedder. */
function writeProject(): { configPath: string; dbPath: string } {
  const dir = tempDir('bbj-adoc-');
  cpSync(path.join(exampleDir, 'test', 'docs'), path.join(dir, 'docs'), { recursive: true });
  const configPath = path.join(dir, 'sources.toml');
  writeFileSync(configPath, [
    'data_dir = "."',
    '[database]', 'path = "db"',
    '[embedder]', 'provider = "hash"', 'model = "feature-hash-v1"', 'dimensions = 64', 'batch_size = 16',
    '[[sources]]', 'name = "widgets"', 'parser = "asciidoc"', 'paths = ["docs"]', 'label = "Widget Toolkit"',
    'display_url = "https://docs.example.com/widgets/"',
    '[sources.options]', 'attributes = { product = "Widgets" }',
  ].join('\n'));
  return { configPath, dbPath: path.join(dir, 'db') };
}

describe('example AsciiDoc plugin: npm pack, bbj plugins install, ingest, uninstall', { timeout: 600_000 }, () => {
  test('installs from a tarball into a temporary oclif data dir, ingests with parser "asciidoc", then explains its absence', async () => {
    const dirs = isolatedOclifDirs();
    const packDir = tempDir('bbj-pack-');
    const packed = await run('npm', ['pack', exampleDir, '--pack-destination', packDir, '--json'], { env: dirs.env, timeoutMs: NPM_TIMEOUT_MS });
    assert.equal(packed.code, 0, packed.stderr);
    const tarball = path.join(packDir, JSON.parse(packed.stdout)[0].filename);
    assert.ok(existsSync(tarball), `npm pack wrote ${tarball}`);

    // A local tarball needs the file: prefix and an absolute path (npm runs in the data dir).
    const installed = await bbj(['plugins', 'install', `file:${tarball}`], dirs, NPM_TIMEOUT_MS);
    assert.equal(installed.code, 0, installed.stdout + installed.stderr);
    assert.ok(existsSync(path.join(dirs.dataDir, 'node_modules', pluginName, 'package.json')), 'installed into BBJ_DATA_DIR');
    assert.ok(!existsSync(path.join(dirs.dataDir, 'node_modules', 'bbj-rag')), 'the optional peer bbj-rag is not fetched');
    const listed = await bbj(['plugins'], dirs);
    assert.match(listed.stdout, /bbj-rag-parser-asciidoc 0\.1\.0/);

    const parsers = await bbj(['parsers', '--json'], dirs);
    assert.equal(parsers.code, 0, parsers.stderr);
    const report: ParsersReport = JSON.parse(parsers.stdout);
    assert.equal(report.parsers.find((p) => p.type === 'asciidoc')?.origin, `${pluginName}@0.1.0`);
    assert.deepEqual(report.pluginProblems, []);

    const { configPath, dbPath } = writeProject();
    const ingest = await bbj(['ingest', 'all', '--config', configPath, '--json'], dirs, 180_000);
    assert.equal(ingest.code, 0, ingest.stdout + ingest.stderr);
    const summary = JSON.parse(ingest.stdout);
    const source = summary.sources[0];
    assert.equal(source.status, 'ok');
    assert.equal(source.stats.documents, 2);
    assert.deepEqual(source.stats.skipped.map((s: { item: string }) => path.basename(s.item)).sort(), ['comment-only.adoc', 'latin1.adoc']);

    const rows = await queryStore<{ source_url: string; title: string; content: string; n: number }>(
      { pglitePath: dbPath },
      `SELECT source_url, title, content, vector_dims(embedding) AS n FROM chunks WHERE source_name = 'widgets' ORDER BY source_url, id`,
    );
    assert.ok(rows.length >= 2, `chunks stored, got ${rows.length}`);
    assert.deepEqual([...new Set(rows.map((r) => r.source_url))], ['widgets://guide/install.adoc', 'widgets://index.adoc']);
    assert.ok(rows.every((r) => Number(r.n) === 64), 'vectors of the configured dimension');
    assert.ok(rows.some((r) => r.title === 'Widget Toolkit Guide' && r.content.includes('Window.create("Orders", 800, 600)')));
    assert.ok(rows.some((r) => r.content.includes('The toolkit needs Java 17 or later')), 'the include:: was resolved');

    const removed = await bbj(['plugins', 'uninstall', pluginName], dirs, NPM_TIMEOUT_MS);
    assert.equal(removed.code, 0, removed.stdout + removed.stderr);
    const manifest = JSON.parse(readFileSync(path.join(dirs.dataDir, 'package.json'), 'utf8'));
    assert.deepEqual(manifest.oclif.plugins, []);

    const validate = await bbj(['validate', '--config', configPath, '--json'], dirs);
    assert.equal(validate.code, 2, validate.stdout + validate.stderr);
    const issues: string[] = JSON.parse(validate.stdout).issues;
    assert.equal(issues.length, 1, issues.join('\n'));
    assert.match(issues[0]!, /source "widgets" .*unknown parser type "asciidoc"; available: .*mdx.*\. If a plugin provides it, install it: bbj plugins install bbj-rag-parser-asciidoc/);
  });
});
