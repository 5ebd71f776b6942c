import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import { tempDir } from './temp-dir.js';
import { openSqlClient, type StoreLocation } from '../../src/core/store/open-store.js';

/** A fresh empty store of one backend. */
export interface TestStore {
  /** Lines for the `[database]` table of a test config. */
  toml: string;
  /** Where it is, for opening it from the test. */
  location: StoreLocation;
}

/** One store backend the integration tests run against. */
export interface TestBackend {
  /** `pglite` or `postgres`. */
  name: string;
  /** Makes a fresh empty store. */
  fresh(): Promise<TestStore>;
}

/** PGlite always; a real PostgreSQL with pgvector when TEST_DATABASE_URL is set (CI sets it). */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [
    {
      name: 'pglite',
      fresh: async () => {
        const dir = path.join(tempDir('bbj-pglite-'), 'db');
        return { toml: `path = ${JSON.stringify(dir)}`, location: { pglitePath: dir } };
      },
    },
  ];
  if (!process.env.TEST_DATABASE_URL) {
    // Say so in the counts instead of letting the PostgreSQL variants vanish.
    test(`PostgreSQL variant of ${callerFile()}`, { skip: 'TEST_DATABASE_URL is not set (scripts/test-postgres.sh starts a server; .ci/run sets it)' }, () => {});
  } else {
    backends.push({
      name: 'postgres',
      fresh: async () => {
        const url = await createTestDatabase();
        return { toml: `url = ${JSON.stringify(url)}`, location: { url } };
      },
    });
  }
  return backends;
}

/** Runs a query against a store the CLI has released. */
export async function queryStore<T extends Record<string, unknown>>(location: StoreLocation, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = await openSqlClient(location);
  try {
    return await client.query<T>(sql, params);
  } finally {
    await client.close();
  }
}

const created: string[] = [];

// Dropped once the test file's event loop is idle (an after() hook inside before() would run too early).
async function dropCreated(admin: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

/** Creates a fresh database on the TEST_DATABASE_URL server (dropped after the file) and returns its URL. */
export async function createTestDatabase(): Promise<string> {
  const admin = process.env.TEST_DATABASE_URL!;
  const name = `bbj_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  if (created.length === 0) process.once('beforeExit', () => void dropCreated(admin));
  created.push(name);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The test file that asked for the backends, for the skipped test's name. */
function callerFile(): string {
  const line = new Error().stack?.split('\n').find((l) => l.includes('.test.js')) ?? '';
  return /([\w.-]+\.test)\.js/.exec(line)?.[1] ?? 'this file';
}

/** Every stored chunk as `source|doc_key|ordinal|content_hash`, sorted: what "rows equal a clean run" compares. */
export async function storedRows(location: StoreLocation): Promise<string[]> {
  const rows = await queryStore<{ r: string }>(location, `SELECT source_name || '|' || doc_key || '|' || chunk_index || '|' || content_hash AS r FROM chunks`);
  return rows.map((x) => x.r).sort();
}
