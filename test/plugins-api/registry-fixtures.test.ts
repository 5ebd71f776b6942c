import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Config } from '@oclif/core';
import { buildRegistry, hostImportHint } from '../../src/cli/bootstrap.js';
import type { PluginRegistry } from '../../src/core/registry.js';
import { SUPPORTED_API_VERSIONS } from '../../src/core/plugin-descriptor.js';
import { collectDocuments } from '../../src/testing.js';
import { builtinDescriptors } from '../../src/plugins/builtins.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fixtureRoot, isolatedOclifDirs, pluginFixtures, writeLinkedPlugins } from './plugin-env.js';

/** Loads oclif's config with the fixture plugins linked in a temporary data dir, then builds the registry as every command does. */
async function registryWith(fixtures: { dir: string; name: string }[]): Promise<PluginRegistry> {
  const dirs = isolatedOclifDirs();
  writeLinkedPlugins(dirs.dataDir, fixtures.map((f) => ({ name: f.name, root: fixtureRoot(f) })));
  // oclif reads <BIN>_DATA_DIR when the config loads; each test file runs in its own process.
  for (const key of ['BBJ_DATA_DIR', 'BBJ_CACHE_DIR', 'BBJ_CONFIG_DIR', 'OCLIF_DISABLE_LINKED_ESM_WARNING']) process.env[key] = dirs.env[key];
  const config = await Config.load({ root: repoRoot });
  return buildRegistry(config);
}

const builtinParsers = builtinDescriptors.flatMap((d) => (d.kind === 'parser' ? [d.parser.type] : []));
const { good, wrongShape, throwing, exiting, duplicate, futureApi, hostImport } = pluginFixtures;

describe('plugin registry with real mini plugin packages', () => {
  let registry: PluginRegistry;
  const problemOf = (name: string) => {
    const found = registry.problems.filter((p) => p.startsWith(`${name}@`));
    assert.equal(found.length, 1, `one problem for ${name}, got:\n${registry.problems.join('\n')}`);
    return found[0]!;
  };

  before(async () => {
    registry = await registryWith([good, wrongShape, throwing, exiting, duplicate, futureApi, hostImport]);
  });

  test('the good plugin registers its parser and embedder with origin name@version', () => {
    const parser = registry.parser('fixture-lines');
    assert.ok(parser, 'fixture-lines is registered');
    assert.deepEqual(parser.origin, { kind: 'plugin', name: good.name, version: good.version });
    assert.deepEqual(registry.provider('fixture-constant')?.origin, { kind: 'plugin', name: good.name, version: good.version });
    assert.ok(!registry.problems.some((p) => p.startsWith(good.name)), 'no problem for the good plugin');
  });

  test("the good plugin's parser runs through the host's checks", async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.txt'), 'Alpha text.\n');
    writeFileSync(path.join(dir, 'b.txt'), '   \n');
    const result = await collectDocuments(registry.parser('fixture-lines')!.value, { paths: [dir], name: 'notes', options: { title_prefix: 'Note ' } });
    assert.deepEqual(result.documents.map((d) => [d.key, d.title, d.sourceUrl]), [['a.txt', 'Note a.txt', 'notes://a.txt']]);
    assert.deepEqual(result.skipped, [{ item: 'b.txt', reason: 'empty file' }]);
  });

  test('a descriptor of the wrong shape is refused with the fields at fault and the expected shape', () => {
    const message = problemOf(wrongShape.name);
    assert.match(message, /^bbj-rag-fixture-wrong-shape@0\.1\.0: invalid plugin descriptor \(/);
    assert.match(message, /parser\.optionsSchema: a zod schema \(with safeParse\)/);
    assert.match(message, /parser\.parse: a function/);
    assert.match(message, /Expected \{ apiVersion: 1, kind: "parser", parser: \{ type, description, optionsSchema, requiresPaths, version\?, validate\?, detect\?, parse \} \}/);
    assert.equal(registry.parser('wrong-shape'), undefined);
  });

  test('a hook that throws, or calls this.error(), is reported by plugin name and breaks nothing else', () => {
    assert.equal(problemOf(throwing.name), `${throwing.name}@${throwing.version}: its bbj:register hook threw: cannot load the fixture grammar: grammar.wasm is missing`);
    assert.equal(problemOf(exiting.name), `${exiting.name}@${exiting.version}: its bbj:register hook threw: the fixture licence key is not set`);
    for (const type of builtinParsers) assert.equal(registry.parser(type)?.origin.kind, 'core', `built-in parser ${type} still registered`);
    assert.equal(registry.provider('hash')?.origin.kind, 'core');
  });

  test('a plugin importing run-time helpers from bbj-rag/plugin, with no bbj-rag installed next to it, gets the running host', () => {
    assert.ok(!registry.problems.some((p) => p.startsWith(hostImport.name)), registry.problems.join('\n'));
    assert.equal(registry.parser('fixture-host-import')?.value.description, '# Host helpers (Retry-After 2 = 2000 ms)');
  });

  test('where the host cannot be imported, "Cannot find package \'bbj-rag\'" comes with advice; other errors do not', () => {
    const hint = hostImportHint(new Error("Cannot find package 'bbj-rag' imported from /data/node_modules/p/register.js"));
    assert.match(hint, /optional peer dependency/);
    assert.match(hint, /import type/);
    assert.equal(hostImportHint(new Error("Cannot find package 'zod' imported from /x.js")), '');
  });

  test('a duplicate type is refused; the message names the core and the plugin; the core parser stays', () => {
    const message = problemOf(duplicate.name);
    assert.match(message, /^bbj-rag-fixture-duplicate@0\.4\.0: parser type "mdx" is already provided by core; the second one was ignored\./);
    assert.match(message, /bbj plugins uninstall bbj-rag-fixture-duplicate/);
    assert.deepEqual(registry.parser('mdx')?.origin, { kind: 'core' });
    assert.notEqual(registry.parser('mdx')?.value.description, 'a second MDX parser');
  });

  test('a future apiVersion is refused with the supported versions listed', () => {
    const message = problemOf(futureApi.name);
    assert.match(message, new RegExp(`plugin API version 99 is not supported; this bbj-rag supports version\\(s\\) ${SUPPORTED_API_VERSIONS.join(', ')}\\.`));
    assert.match(message, /Upgrade bbj-rag or install a plugin version built for it/);
    assert.equal(registry.parser('future-format'), undefined);
  });

  test('exactly one problem per broken plugin and none from elsewhere', () => {
    assert.equal(registry.problems.length, 5, registry.problems.join('\n'));
  });
});
