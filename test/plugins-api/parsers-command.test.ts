import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParsersReport } from '../../src/commands/parsers.js';
import { tempDir } from '../helpers/temp-dir.js';
import { bbj, fixtureRoot, isolatedOclifDirs, pluginFixtures, writeLinkedPlugins, type OclifDirs } from './plugin-env.js';

const { good, wrongShape, throwing, exiting, duplicate, futureApi } = pluginFixtures;

describe('bbj parsers and bbj validate with linked fixture plugins (real CLI)', () => {
  let dirs: OclifDirs;
  before(async () => {
    dirs = isolatedOclifDirs();
    writeLinkedPlugins(dirs.dataDir, [wrongShape, throwing, exiting, duplicate, futureApi].map((f) => ({ name: f.name, root: fixtureRoot(f) })));
    // The good one through the real command, as a plugin author would during development.
    const linked = await bbj(['plugins', 'link', fixtureRoot(good), '--no-install'], dirs);
    assert.equal(linked.code, 0, linked.stderr);
  });

  test('without plugins: only core types and no problem', async () => {
    const result = await bbj(['parsers', '--json'], isolatedOclifDirs());
    assert.equal(result.code, 0, result.stderr);
    const report: ParsersReport = JSON.parse(result.stdout);
    assert.deepEqual(report.pluginProblems, []);
    assert.ok(report.parsers.length >= 5 && report.parsers.every((p) => p.origin === 'core'), result.stdout);
    assert.deepEqual(report.embedders.map((e) => e.type), ['hash', 'ollama', 'openai-compatible']);
  });

  test('--json lists plugin types with name@version beside the core ones, and every load problem', async () => {
    const result = await bbj(['parsers', '--json'], dirs);
    assert.equal(result.code, 0, result.stderr);
    const report: ParsersReport = JSON.parse(result.stdout);
    assert.deepEqual(report.parsers.find((p) => p.type === 'fixture-lines'), { type: 'fixture-lines', description: 'test fixture: one document per .txt file', origin: 'bbj-rag-fixture-good@1.2.3' });
    assert.deepEqual(report.embedders.find((p) => p.type === 'fixture-constant')?.origin, 'bbj-rag-fixture-good@1.2.3');
    assert.equal(report.parsers.find((p) => p.type === 'mdx')?.origin, 'core');
    assert.deepEqual(report.parsers.map((p) => p.type), [...report.parsers.map((p) => p.type)].sort(), 'sorted by type');
    const named = (f: { name: string; version: string }) => report.pluginProblems.filter((p) => p.startsWith(`${f.name}@${f.version}: `)).length;
    assert.deepEqual([wrongShape, throwing, exiting, duplicate, futureApi].map(named), [1, 1, 1, 1, 1], report.pluginProblems.join('\n'));
    assert.equal(report.pluginProblems.length, 5);
  });

  test('the table shows type, origin and description, then the problems and what to do', async () => {
    const result = await bbj(['parsers'], dirs);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^fixture-lines +bbj-rag-fixture-good@1\.2\.3 +test fixture: one document per \.txt file$/m);
    assert.match(result.stdout, /^mdx +core +\S/m);
    assert.match(result.stdout, /^fixture-constant +bbj-rag-fixture-good@1\.2\.3 /m);
    assert.match(result.stdout, /Plugin problems \(5\):\n {2}- /);
    assert.match(result.stdout, /bbj-rag-fixture-future-api@9\.0\.0: plugin API version 99 is not supported/);
    assert.match(result.stdout, /bbj plugins uninstall NAME/);
  });

  test('a config using the plugin parser and embedder validates; plugin problems are reported beside it', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Some text.\n');
    const config = path.join(dir, 'sources.toml');
    writeFileSync(config, [
      'data_dir = "."', '[database]', 'path = "db"',
      '[embedder]', 'provider = "fixture-constant"', 'model = "unit"', 'dimensions = 8',
      '[[sources]]', 'name = "notes"', 'parser = "fixture-lines"', 'paths = ["."]',
    ].join('\n'));
    const result = await bbj(['validate', '--config', config, '--json'], dirs);
    assert.equal(result.code, 0, result.stdout + result.stderr);
    const report = JSON.parse(result.stdout);
    assert.equal(report.ok, true);
    assert.equal(report.dimension, 8, 'the plugin embedder answered the dimension probe');
    assert.equal(report.pluginProblems.length, 5);
    assert.ok(report.pluginProblems.some((p: string) => /parser type "mdx" is already provided by core/.test(p)));
  });
});
