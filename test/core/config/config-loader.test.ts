import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/core/config/config-loader.js';
import { maskUrl } from '../../../src/core/config/mask.js';
import { BbjError } from '../../../src/core/errors/bbj-error.js';
import { tempDir } from '../../helpers/temp-dir.js';

function project(toml: string): { dir: string; file: string } {
  const dir = tempDir('bbj-config-');
  const file = path.join(dir, 'sources.toml');
  writeFileSync(file, toml);
  return { dir, file };
}

async function loadError(options: Parameters<typeof loadConfig>[0]): Promise<BbjError> {
  try {
    await loadConfig({ env: {}, ...options });
  } catch (error) {
    assert.ok(error instanceof BbjError, `expected a BbjError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected loadConfig to fail');
}

describe('config errors name the file, the key or line, and what was expected', () => {
  test('--config given but missing', async () => {
    const error = await loadError({ configPath: '/nowhere/sources.toml' });
    assert.equal(error.code, 'CONFIG_MISSING');
    assert.match(error.message, /Config file not found: \/nowhere\/sources\.toml \(given with --config\)/);
  });

  test('no config found while searching', async () => {
    const dir = tempDir();
    const error = await loadError({ cwd: dir });
    assert.equal(error.code, 'CONFIG_NOT_FOUND');
    assert.match(error.message, new RegExp(`looked for sources\\.toml, bbj-rag\\.toml, \\.bbj-rag\\.toml in ${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    assert.match(error.suggestion!, /--config PATH/);
  });

  test('TOML syntax error gives file:line:column', async () => {
    const { file } = project('data_dir = "."\n[embedder\nmodel = "x"\n');
    const error = await loadError({ configPath: file });
    assert.equal(error.code, 'CONFIG_SYNTAX');
    assert.match(error.message, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2:\\d+: TOML syntax error`));
  });

  test('schema errors list every bad key with its path', async () => {
    const { file } = project(`
[embedder]
dimensions = "many"
batch_size = 0

[[sources]]
name = "Bad Name"
parser = "mdx"
paths = "docs"

[[sources]]
name = "ok"
parser = "pdf"
colour = "red"
`);
    const error = await loadError({ configPath: file });
    assert.equal(error.code, 'CONFIG_INVALID');
    // Each problem names the key and, since round 2, where it is written (line:column).
    for (const key of ['embedder.dimensions', 'embedder.batch_size', 'sources[0].name', 'sources[0].paths', 'sources[1]']) {
      assert.ok(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: ${key.replace(/[[\].]/g, '\\$&')}[.:]`).test(error.message), `message names ${key} with its position:\n${error.message}`);
    }
    assert.match(error.message, /colour/);
  });

  test('duplicate source names', async () => {
    const { file } = project('[[sources]]\nname = "dup"\nparser = "mdx"\n[[sources]]\nname = "dup"\nparser = "pdf"\n');
    const error = await loadError({ configPath: file });
    assert.match(error.message, /sources\[1\]\.name: duplicate source name "dup" \(also sources\[0\]\)/);
  });

  test('generation_tag with enrichers = [] is an error naming the key and the fix, not silently ignored', async () => {
    const { file } = project('[[sources]]\nname = "blog"\nparser = "mdx"\nenrichers = []\ngeneration_tag = "dwc"\n');
    const error = await loadConfig({ configPath: file, env: {} }).then(() => assert.fail('expected an error'), (e: Error) => e);
    assert.match(error.message, /sources\[0\]\.generation_tag: has no effect with enrichers = \[\]/);
    assert.match(error.message, /enrichers = \["bbj"\]/);
    const ok = project('[[sources]]\nname = "blog"\nparser = "mdx"\nenrichers = []\n[[sources]]\nname = "dwc"\nparser = "mdx"\ngeneration_tag = "dwc"\n');
    const config = await loadConfig({ configPath: ok.file, env: {} });
    assert.equal(config.sources[1]!.generationTag, 'dwc');
  });

  test('enrichers: a name listed twice or an empty name is an error at its position', async () => {
    const { file } = project('[[sources]]\nname = "blog"\nparser = "mdx"\nenrichers = ["bbj", "bbj"]\n[[sources]]\nname = "kb"\nparser = "mdx"\nenrichers = [""]\n');
    const error = await loadError({ configPath: file });
    assert.match(error.message, /:4:\d+: sources\[0\]\.enrichers: lists an enricher twice/);
    assert.match(error.message, /sources\[1\]\.enrichers\[0\]: an enricher name such as "bbj"/);
  });

  test('[run] parse_threads is true, false or "auto" (the default)', async () => {
    const base = '[database]\npath = "db"\n[embedder]\nprovider = "hash"\n';
    assert.equal((await loadConfig({ configPath: project(base).file, env: {} })).run.parseThreads, 'auto');
    assert.equal((await loadConfig({ configPath: project(`${base}[run]\nparse_threads = false\n`).file, env: {} })).run.parseThreads, false);
    const error = await loadError({ configPath: project(`${base}[run]\nparse_threads = "sometimes"\n`).file });
    assert.match(error.message, /run\.parse_threads/);
  });

  test('overlap must be smaller than max_tokens', async () => {
    const { file } = project('[chunking]\nmax_tokens = 100\noverlap = 100\n');
    const error = await loadError({ configPath: file });
    assert.match(error.message, /chunking\.overlap: overlap must be smaller than max_tokens/);
  });

  test('a missing data directory names where it came from', async () => {
    const { file } = project('data_dir = "nope"\n');
    const error = await loadError({ configPath: file });
    assert.equal(error.code, 'CONFIG_DATA_DIR');
    assert.match(error.message, /from data_dir in /);
  });

  test('a non-numeric BBJ_RAG_ number names the variable', async () => {
    const { file } = project('');
    const error = await loadError({ configPath: file, env: { BBJ_RAG_EMBEDDER_DIMENSIONS: 'big' } });
    assert.match(error.message, /BBJ_RAG_EMBEDDER_DIMENSIONS="big" is not a whole number/);
  });
});

describe('config resolution', () => {
  test('defaults, search from a subdirectory, and data_dir relative to the file', async () => {
    const { dir } = project('data_dir = "corpus"\n[[sources]]\nname = "mdx-dwc"\nparser = "mdx"\npaths = ["docs"]\n');
    mkdirSync(path.join(dir, 'corpus', 'sub'), { recursive: true });
    const config = await loadConfig({ cwd: path.join(dir, 'corpus', 'sub'), env: {} });
    assert.equal(config.dataDir, path.join(dir, 'corpus'));
    assert.deepEqual(config.sources[0]!.paths, [path.join(dir, 'corpus', 'docs')]);
    assert.equal(config.sources[0]!.generationTag, 'auto');
    assert.equal(config.sources[0]!.enrichers, undefined, 'omitted: the default enrichers run');
    assert.equal(config.embedder.provider, 'ollama');
    assert.deepEqual(config.chunking, { maxTokens: 400, overlapTokens: 50 });
    assert.equal(config.database.url, undefined);
    assert.equal(config.database.pglitePath, path.join(dir, '.bbj-rag', 'db'));
  });

  test('data dir precedence: --data-dir > DATA_DIR > data_dir', async () => {
    const { dir, file } = project('data_dir = "a"\n');
    for (const d of ['a', 'b', 'c']) mkdirSync(path.join(dir, d));
    assert.equal((await loadConfig({ configPath: file, env: {} })).dataDir, path.join(dir, 'a'));
    assert.equal((await loadConfig({ configPath: file, cwd: dir, env: { DATA_DIR: 'b' } })).dataDir, path.join(dir, 'b'));
    assert.equal((await loadConfig({ configPath: file, cwd: dir, dataDir: 'c', env: { DATA_DIR: 'b' } })).dataDir, path.join(dir, 'c'));
  });

  test('environment overrides: DATABASE_URL, OLLAMA_HOST, BBJ_RAG_*', async () => {
    const { file } = project('[database]\nurl = "postgresql://file/db"\n[embedder]\nhost = "http://file:11434"\n');
    const config = await loadConfig({
      configPath: file,
      env: { DATABASE_URL: 'postgresql://env/db', OLLAMA_HOST: 'gpu:11434', BBJ_RAG_EMBEDDER_BATCH_SIZE: '8', BBJ_RAG_CHUNK_MAX_TOKENS: '512' },
    });
    assert.equal(config.database.url, 'postgresql://env/db');
    assert.equal(config.embedder.host, 'gpu:11434');
    assert.equal(config.embedder.batchSize, 8);
    assert.equal(config.chunking.maxTokens, 512);
    const specific = await loadConfig({ configPath: file, env: { DATABASE_URL: 'postgresql://env/db', BBJ_RAG_DATABASE_URL: 'postgresql://bbj/db' } });
    assert.equal(specific.database.url, 'postgresql://bbj/db');
  });

  test('the repository sources.toml lists the ten BBj sources of eight parser types', async () => {
    const dir = tempDir();
    const config = await loadConfig({ configPath: path.resolve('sources.toml'), dataDir: dir, env: {} });
    assert.equal(config.sources.length, 10);
    assert.equal(new Set(config.sources.map((s) => s.parser)).size, 8);
  });
});

test('maskUrl hides database passwords', () => {
  assert.equal(maskUrl('postgresql://user:secret@db:5432/rag'), 'postgresql://user:****@db:5432/rag');
  assert.equal(maskUrl('postgresql://db/rag'), 'postgresql://db/rag');
  assert.ok(!maskUrl('not a url user:secret@x').includes('secret'));
});
