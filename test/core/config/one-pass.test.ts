import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinRegistry } from '../../../src/cli/bootstrap.js';
import { loadConfig } from '../../../src/core/config/config-loader.js';
import { TomlPositions } from '../../../src/core/config/toml-positions.js';
import { createRunContainer, resolveServices } from '../../../src/core/container.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import { runValidate } from '../../../src/core/runner/validate-runner.js';
import { tempDir } from '../../helpers/temp-dir.js';

// Nine problems of four kinds that used to need four `validate` passes.
const NINE_PROBLEMS = `data_dir = "data"

[database]
path = "db"

[embedder]
provider = "hash"
dimensions = "many"
batch_size = 0

[[sources]]
name = "Bad Name"
parser = "mdx"
paths = ["docs"]

[[sources]]
name = "docs"
parser = "mdx"
paths = ["docs"]
colour = "red"

[[sources]]
name = "docs"
parser = "mdx"
paths = ["docs"]

[[sources]]
name = "adoc"
parser = "asciidoc"
paths = ["docs"]

[[sources]]
name = "escape"
parser = "mdx"
paths = ["../../../../etc/passwd", "missing"]

[[sources]]
name = "opts"
parser = "mdx"
paths = ["docs"]
  [sources.options]
  no_such_option = 1
`;

describe('one validation pass', () => {
  test('TOML positions of keys, tables, arrays of tables and nested tables', () => {
    const positions = new TomlPositions(NINE_PROBLEMS);
    assert.deepEqual(positions.find('embedder.dimensions'), { line: 8, column: 1 });
    assert.deepEqual(positions.find('sources[0].name'), { line: 12, column: 1 });
    assert.deepEqual(positions.find('sources[1].colour'), { line: 20, column: 1 });
    assert.deepEqual(positions.find('sources[4].paths[1]'), { line: 35, column: 1 }, 'an array element points at its key');
    assert.deepEqual(positions.find('sources[5].options.no_such_option'), { line: 42, column: 3 });
    assert.deepEqual(positions.find('sources[3]'), { line: 27, column: 1 }, 'a missing key points at its table');
  });

  test('`bbj validate` lists every problem of the file at once, schema errors with line:column and key', async () => {
    const dir = tempDir('bbj-onepass-');
    mkdirSync(path.join(dir, 'data', 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'data', 'docs', 'a.md'), '# A\n\nText.\n');
    const file = path.join(dir, 'sources.toml');
    writeFileSync(file, NINE_PROBLEMS);

    const config = await loadConfig({ configPath: file, env: {}, collectProblems: true });
    const services = resolveServices(createRunContainer({ registry: builtinRegistry(), logger: silentLogger, env: {} }));
    const report = await runValidate(config, services, { renderer: 'silent' });
    const issues = report.issues;
    const has = (pattern: RegExp) => assert.ok(issues.some((i) => pattern.test(i)), `expected an issue matching ${pattern}, got:\n${issues.join('\n')}`);
    const at = (line: number, key: string) => new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: ${key.replace(/[[\].]/g, '\\$&')}: `);
    has(at(8, 'embedder.dimensions'));
    has(at(9, 'embedder.batch_size'));
    has(at(12, 'sources[0].name'));
    has(at(20, 'sources[1].colour'));
    has(/sources\[2\]\.name: duplicate source name "docs" \(also sources\[1\]\)/);
    has(/source "adoc" \(sources\.toml sources\[3\]\): unknown parser type "asciidoc"/);
    has(/source "escape" \(sources\.toml sources\[4\]\): paths\[0\] = "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" resolves to \/etc\/passwd, outside the data directory/);
    has(/source "escape" \(sources\.toml sources\[4\]\): paths\[1\] = "missing" not found/);
    has(/source "opts" \(sources\.toml sources\[5\]\): options\.no_such_option: unknown option \(known: /);
    assert.equal(report.ok, false);
    assert.ok(issues.length >= 9, issues.join('\n'));
  });

  test('a key set by the environment is named with its variable, not a line of the file', async () => {
    const dir = tempDir('bbj-onepass-');
    const file = path.join(dir, 'sources.toml');
    writeFileSync(file, '[embedder]\ndimensions = 16\n');
    await assert.rejects(loadConfig({ configPath: file, env: { BBJ_RAG_EMBEDDER_DIMENSIONS: '0' } }), (error: Error) => {
      assert.match(error.message, /sources\.toml: embedder\.dimensions \(from the environment variable BBJ_RAG_EMBEDDER_DIMENSIONS\): /);
      return true;
    });
  });
});
