import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PGlite } from '@electric-sql/pglite';
import { createPglite, pgliteTemplatePath } from '../../../src/core/store/pglite-open.js';
import { tempDir } from '../../helpers/temp-dir.js';

// initdb gives every cluster its own system identifier; stores unpacked from the build's
// template share the template's, which proves initdb did not run for them.
async function systemId(db: PGlite): Promise<string> {
  return (await db.query<{ id: string }>('SELECT system_identifier::text AS id FROM pg_control_system()')).rows[0]!.id;
}

test('a new embedded store is unpacked from the build\'s template, works with pgvector, and reopens as itself', async () => {
  assert.ok(existsSync(pgliteTemplatePath()), `the build writes the template at ${pgliteTemplatePath()}`);
  const dir = path.join(tempDir(), 'store');

  const first = await createPglite(dir);
  const id = await systemId(first);
  assert.ok(existsSync(path.join(dir, 'PG_VERSION')), 'the data directory is on disk');
  // Small shared buffers: the default 128 MB would be resident from the start.
  assert.equal((await first.query<{ shared_buffers: string }>('SHOW shared_buffers')).rows[0]!.shared_buffers, '32MB');
  await first.exec(`CREATE EXTENSION vector; CREATE TABLE t (e vector(3)); INSERT INTO t VALUES ('[1,0,0]'), ('[0,1,0]');
    CREATE INDEX ON t USING hnsw (e vector_cosine_ops);`);
  await first.close();

  // Reopening uses the directory as it is (the template would be refused over a store).
  const reopened = await createPglite(dir);
  assert.equal(await systemId(reopened), id);
  assert.deepEqual((await reopened.query<{ e: string }>(`SELECT e::text FROM t ORDER BY e <=> '[0.9,0.1,0]' LIMIT 1`)).rows, [{ e: '[1,0,0]' }]);
  await reopened.close();

  const memory = await createPglite(undefined);
  assert.equal(await systemId(memory), id, 'an in-memory store comes from the same template');
  await memory.close();
});
