import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'smol-toml';
import { builtinRegistry } from '../../src/cli/bootstrap.js';
import { runInit } from '../../src/core/init/index.js';
import { scanFolder } from '../../src/core/init/scan-folder.js';
import { cleanEnv, runCli } from '../helpers/cli.js';
import { corporaDir, fixturesDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A folder of documentation in every shape `bbj init` recognises, built from real corpus files. */
function documentationFolder(): string {
  const dir = tempDir('bbj-init-');
  cpSync(path.join(fixturesDir, 'flare', 'mini'), path.join(dir, 'help'), { recursive: true });
  writeFileSync(path.join(dir, 'help', 'Mini.flprj'), '<?xml version="1.0" encoding="utf-8"?>\n<CatapultProject />\n');
  cpSync(path.join(corporaDir, 'mdx-bbj-beginner-course'), path.join(dir, 'course'), { recursive: true });
  mkdirSync(path.join(dir, 'wiki'));
  writeFileSync(path.join(dir, 'wiki', 'index.html'), '<script>window.$docsify = { name: "wiki" }</script>\n');
  writeFileSync(path.join(dir, 'wiki', 'README.md'), '# Wiki\n\nStart here.\n');
  writeFileSync(path.join(dir, 'wiki', 'guide.md'), '# Guide\n\nHow to use it.\n');
  mkdirSync(path.join(dir, 'manuals'));
  cpSync(path.join(corporaDir, 'pdf', 'py-pdf-sample-files', '006-pdflatex-outline', 'pdflatex-outline.pdf'), path.join(dir, 'manuals', 'outline.pdf'));
  cpSync(path.join(corporaDir, 'bbj-source', 'BBj-Plugins+QRCodes'), path.join(dir, 'code'), { recursive: true });
  mkdirSync(path.join(dir, 'api'));
  cpSync(path.join(corporaDir, 'javadoc-json-bbj', 'examples', 'javadoc', 'com.basiscomponents.bl.json'), path.join(dir, 'api', 'com.basiscomponents.bl.json'));
  // Neither a lone README nor dependencies are documentation sources.
  writeFileSync(path.join(dir, 'README.md'), '# Top\n');
  mkdirSync(path.join(dir, 'node_modules', 'dep', 'docs'), { recursive: true });
  for (const n of [1, 2, 3]) writeFileSync(path.join(dir, 'node_modules', 'dep', 'docs', `p${n}.md`), '# Dep\n');
  return dir;
}

describe('bbj init', () => {
  let dir: string;
  before(() => {
    dir = documentationFolder();
  });

  test('proposes one source per recognised kind, with paths inside the folder', async () => {
    const parsers = builtinRegistry().allParsers().map((p) => p.value);
    const result = await runInit({ dir, force: false, embedder: { provider: 'hash', reason: 'test' }, parsers });
    const byParser = new Map(result.sources.map((s) => [s.parser, s]));
    assert.deepEqual(byParser.get('flare')?.paths, ['help']);
    assert.deepEqual(byParser.get('pdf')?.paths, ['manuals']);
    assert.deepEqual(byParser.get('bbj-source')?.paths, ['code']);
    assert.deepEqual(byParser.get('javadoc')?.paths, ['api']);
    const markdown = result.sources.filter((s) => s.parser === 'mdx');
    assert.deepEqual(markdown.map((s) => s.paths[0]).sort(), ['course/docs', 'wiki']);
    assert.match(markdown.find((s) => s.paths[0] === 'wiki')!.note, /docsify/);
    assert.ok(!result.sources.some((s) => s.paths.some((p) => p.includes('node_modules'))), 'dependencies are not sources');
    assert.equal(new Set(result.sources.map((s) => s.name)).size, result.sources.length, 'names are unique');

    const written = parse(readFileSync(result.file, 'utf8')) as { sources: { name: string; parser: string }[]; embedder: { provider: string } };
    assert.equal(written.sources.length, result.sources.length);
    assert.equal(written.embedder.provider, 'hash');
    const offers = readFileSync(result.file, 'utf8').match(/^# enrichers = \[\] +# not BBj documentation/gm) ?? [];
    assert.equal(offers.length, result.sources.length, 'every source offers turning the BBj rules off');
  });

  test('the written file passes bbj validate, and init refuses to overwrite it without --force', async () => {
    const validate = await runCli(['validate', '--config', path.join(dir, 'sources.toml'), '--json'], cleanEnv());
    assert.equal(validate.code, 0, validate.stdout + validate.stderr);
    assert.equal(JSON.parse(validate.stdout).ok, true);

    const again = await runCli(['init', dir, '--embedder', 'hash'], cleanEnv());
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists[\s\S]*--force/);

    const forced = await runCli(['init', dir, '--embedder', 'hash', '--force', '--json'], cleanEnv());
    assert.equal(forced.code, 0, forced.stderr);
    assert.ok(JSON.parse(forced.stdout).sources.length >= 6);
  });

  test('an empty folder gets a file with a commented example and still validates as config', async () => {
    const empty = tempDir('bbj-init-empty-');
    const result = await runCli(['init', empty, '--embedder', 'hash'], cleanEnv());
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /No documentation was recognised/);
    const text = readFileSync(path.join(empty, 'sources.toml'), 'utf8');
    assert.match(text, /# \[\[sources\]\]/);
    assert.deepEqual((parse(text) as { sources?: unknown[] }).sources, undefined);
  });

  test('the scan does not follow symbolic links or enter dependency folders', async () => {
    const scan = await scanFolder(dir);
    assert.ok(scan.files.every((f) => !f.startsWith('node_modules/')));
    assert.ok(scan.files.includes('help/Mini.flprj'));
  });
});
