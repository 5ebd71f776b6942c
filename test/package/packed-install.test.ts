import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanEnv } from '../helpers/cli.js';
import { corporaDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface PackEntry {
  filename: string;
  files: { path: string }[];
}

/**
 * What a user gets from `npm pack` + `npm install`: the tarball is packed from this checkout
 * (its build is the suite's own `dist/`; `--ignore-scripts` because prepack would rebuild
 * `dist/` under the tests that are running from it) and installed into an empty folder.
 */
describe('the packed package', () => {
  let packed: PackEntry;
  let tarball: string;
  let home: string;

  before(() => {
    const out = tempDir('bbj-pack-');
    const json = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: repoRoot, encoding: 'utf8' });
    packed = (JSON.parse(json) as PackEntry[])[0]!;
    tarball = path.join(out, packed.filename);
    home = tempDir('bbj-installed-');
  });

  test('ships the build, its types, docs, README and LICENSE, and no source map that points at missing files', () => {
    const files = new Set(packed.files.map((f) => f.path));
    for (const needed of ['bin/run.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/plugin-api.js', 'dist/src/testing.js', 'dist/src/testing.d.ts', 'docs/plugins.md', 'README.md', 'LICENSE', 'package.json']) {
      assert.ok(files.has(needed), `${needed} is in the package`);
    }
    assert.ok(![...files].some((f) => f.startsWith('dist/test/') || f.startsWith('src/')), 'no tests or TypeScript sources');
    assert.ok([...files].some((f) => /^dist\/src\/core\/store\/pglite-[\d.]+-datadir\.tar\.gz$/.test(f)), 'the embedded store template (new stores skip initdb)');
    const maps = [...files].filter((f) => f.endsWith('.map'));
    for (const map of maps.slice(0, 50)) {
      const parsed = JSON.parse(readFileSync(path.join(repoRoot, map), 'utf8')) as { sources: string[]; sourcesContent?: (string | null)[] };
      assert.equal(parsed.sourcesContent?.length, parsed.sources.length, `${map} carries its sources`);
      assert.ok(parsed.sourcesContent!.every((s) => typeof s === 'string'), `${map} carries its sources`);
    }
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
    assert.deepEqual(Object.keys(pkg.bin).sort(), ['bbj', 'bbj-rag']);
    assert.match(pkg.scripts.prepack!, /build[\s\S]*oclif manifest/);
  });

  test('installs into an empty folder: import("bbj-rag") works, and init, validate, ingest run from the installed bin', () => {
    const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', tarball], { cwd: home, encoding: 'utf8', env: cleanEnv() });
    assert.equal(install.status, 0, install.stderr);

    const api = spawnSync(process.execPath, ['--input-type=module', '-e', "const m = await import('bbj-rag'); console.log(JSON.stringify(Object.keys(m).sort()))"], { cwd: home, encoding: 'utf8' });
    assert.equal(api.status, 0, api.stderr);
    const exported = JSON.parse(api.stdout) as string[];
    for (const name of ['ingest', 'loadConfig', 'validate']) assert.ok(exported.includes(name), `bbj-rag exports ${name}`);
    // The plugin contract and the test harness are separate entry points of the installed package.
    const entries = spawnSync(process.execPath, ['--input-type=module', '-e', "const p = await import('bbj-rag/plugin'); const t = await import('bbj-rag/testing'); console.log(JSON.stringify({ plugin: Object.keys(p), testing: Object.keys(t) }))"], { cwd: home, encoding: 'utf8' });
    assert.equal(entries.status, 0, entries.stderr);
    const { plugin, testing } = JSON.parse(entries.stdout) as { plugin: string[]; testing: string[] };
    for (const name of ['defineParser', 'withRetry', 'htmlToMarkdown', 'FileGuard', 'decodeUtf8OrWindows1252']) assert.ok(plugin.includes(name), `bbj-rag/plugin exports ${name}`);
    assert.deepEqual(testing.sort(), ['checkPlugin', 'collectDocuments', 'createTestContext', 'validateSource']);

    cpSync(path.join(corporaDir, 'mdx-bbj-beginner-course'), path.join(home, 'course'), { recursive: true });
    const bin = path.join(home, 'node_modules', '.bin', 'bbj-rag');
    const run = (...args: string[]) => spawnSync(bin, args, { cwd: home, encoding: 'utf8', env: cleanEnv() });
    const init = run('init', '.', '--embedder', 'hash');
    assert.equal(init.status, 0, init.stderr);
    const validate = run('validate');
    assert.equal(validate.status, 0, validate.stdout + validate.stderr);
    const ingest = run('ingest', 'all', '--json');
    assert.equal(ingest.status, 0, ingest.stderr);
    const summary = JSON.parse(ingest.stdout) as { status: string; sources: { stats: { documents: number } }[] };
    assert.equal(summary.status, 'completed');
    assert.ok(summary.sources[0]!.stats.documents > 0);
    assert.ok(readdirSync(path.join(home, '.bbj-rag')).includes('db'), 'the store is created next to sources.toml');
  });
});
