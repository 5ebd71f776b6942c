import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { SearchResult } from '../../src/cli/search-format.js';
import { collect, runCli, startCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { createTestDatabase } from '../helpers/test-databases.js';

/** The bundled sample with the hash embedder, stored at `database` (a `[database]` line). */
function sampleConfig(dir: string, database: string, name = 'sources.toml'): string {
  const file = path.join(dir, name);
  writeFileSync(file, [
    `data_dir = ${JSON.stringify(path.join(repoRoot, 'examples', 'sample'))}`,
    '[database]', database,
    '[embedder]', 'provider = "hash"', 'model = "feature-hash-v1"', 'dimensions = 256',
    '[[sources]]', 'name = "sample-tutorial"', 'parser = "mdx"', 'paths = ["docs"]', 'label = "Sample Tutorial"', 'display_url = "https://example.com/sample-tutorial/"',
  ].join('\n'));
  return file;
}

/** Reads the child's stdout until one whole JSON value has been printed. */
function firstJson(child: ReturnType<typeof startCli>): Promise<Record<string, unknown>> {
  let out = '';
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      out += d;
      try {
        resolve(JSON.parse(out));
      } catch {
        // not complete yet
      }
    });
    child.once('exit', (code) => reject(new Error(`db serve exited with ${code}: ${err}${out}`)));
  });
}

const QUERIES: Array<[string, string]> = [['print a line', 'hybrid'], ['How does a graphical program wait for events?', 'dense'], ['PROCESS_EVENTS', 'keyword']];

describe('bbj db serve and db dump on the embedded store', () => {
  let dir: string;
  let dbPath: string;
  let configPath: string;

  before(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'db');
    configPath = sampleConfig(dir, `path = ${JSON.stringify(dbPath)}`);
    const ingest = await runCli(['ingest', 'all', '--config', configPath, '--json']);
    assert.equal(ingest.code, 0, ingest.stderr + ingest.stdout);
  });

  test('db serve answers a pg client, refuses a second writer while it runs, and unlocks when stopped', async () => {
    const server = startCli(['db', 'serve', '--port', '0', '--config', configPath, '--json']);
    // Never leave the server (and its lock) behind when an assertion fails.
    process.once('exit', () => server.kill('SIGKILL'));
    const exited = collect(server);
    const info = await firstJson(server);
    assert.match(String(info.url), /^postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres/);
    const client = new pg.Client({ connectionString: String(info.url) });
    await client.connect();
    try {
      const count = await client.query('SELECT count(*)::int AS n FROM chunks');
      assert.ok(count.rows[0].n >= 2, 'two documents, at least a chunk each');
      const nearest = await client.query(`SELECT title FROM chunks ORDER BY embedding <=> (SELECT embedding FROM chunks WHERE title = 'Your first window' LIMIT 1) LIMIT 1`);
      assert.equal(nearest.rows[0].title, 'Your first window');
    } finally {
      await client.end();
    }
    const writer = await runCli(['ingest', 'all', '--config', configPath, '--json']);
    assert.equal(writer.code, 2, writer.stdout + writer.stderr);
    assert.match(writer.stdout, /"code": "STORE_LOCKED"/);
    assert.match(writer.stdout, new RegExp(`pid ${server.pid}\\b`), 'the refusal names the serving process');
    server.kill('SIGTERM');
    const end = await exited;
    assert.equal(end.code, 0, end.stderr);
    assert.equal(existsSync(path.join(dbPath, '.bbj-rag.lock')), false, 'lock released');
  });

  test('db serve is refused for a PostgreSQL store and when the port is taken', async () => {
    const pgConfig = sampleConfig(dir, 'url = "postgresql://u:secret@127.0.0.1:1/x"', 'pg.toml');
    const result = await runCli(['db', 'serve', '--config', pgConfig, '--json']);
    assert.equal(result.code, 2);
    assert.equal(JSON.parse(result.stdout).error.code, 'SERVE_NOT_EMBEDDED');
    assert.doesNotMatch(result.stdout, /secret/);
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    try {
      const port = (taken.address() as net.AddressInfo).port;
      const busy = await runCli(['db', 'serve', '--port', String(port), '--config', configPath]);
      assert.equal(busy.code, 2);
      assert.match(busy.stderr, new RegExp(`Port ${port} on 127\\.0\\.0\\.1 is already in use`));
      assert.equal(existsSync(path.join(dbPath, '.bbj-rag.lock')), false, 'lock released after the failed start');
    } finally {
      taken.close();
    }
  });

  test('db dump writes SQL without owners and refuses to overwrite without --force', async () => {
    const file = path.join(dir, 'store.sql');
    const first = await runCli(['db', 'dump', file, '--config', configPath]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Wrote .*store\.sql/);
    const sql = readFileSync(file, 'utf8');
    assert.match(sql, /CREATE EXTENSION IF NOT EXISTS vector/);
    assert.match(sql, /CREATE TABLE public\.chunks/);
    assert.match(sql, /CREATE INDEX chunks_embedding_hnsw_idx ON public\.chunks USING hnsw/);
    assert.doesNotMatch(sql, /OWNER TO|transaction_timeout|^\\restrict/m);
    const again = await runCli(['db', 'dump', file, '--config', configPath]);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists/);
    assert.equal((await runCli(['db', 'dump', file, '--config', configPath, '--force'])).code, 0);
  });

  test('a dump loads into a real PostgreSQL with pgvector and the same searches return the same top results there', { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set' }, async () => {
    const file = path.join(dir, 'load.sql');
    assert.equal((await runCli(['db', 'dump', file, '--config', configPath])).code, 0);
    const url = await createTestDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(readFileSync(file, 'utf8'));
    } finally {
      await client.end();
    }
    const serverConfig = sampleConfig(dir, `url = ${JSON.stringify(url)}`, 'server.toml');
    const status = await runCli(['status', '--config', serverConfig, '--json']);
    assert.equal(status.code, 0, status.stderr);
    const embeddedStatus = JSON.parse((await runCli(['status', '--config', configPath, '--json'])).stdout);
    const counts = (out: { sources: Array<{ name: string; documents: number; chunks: number }> }) => out.sources.map((s) => [s.name, s.documents, s.chunks]);
    assert.deepEqual(counts(JSON.parse(status.stdout)), counts(embeddedStatus));
    for (const [query, mode] of QUERIES) {
      const search = async (config: string) => {
        const result = await runCli(['search', query, '--mode', mode, '--limit', '3', '--config', config, '--json']);
        assert.equal(result.code, 0, result.stderr);
        return (JSON.parse(result.stdout) as SearchResult).results.map((r) => [r.id, r.title, r.score.toFixed(6)]);
      };
      const embedded = await search(configPath);
      assert.ok(embedded.length > 0);
      assert.deepEqual(await search(serverConfig), embedded, `${mode} "${query}"`);
    }
  });
});
