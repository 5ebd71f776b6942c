import { existsSync, openAsBlob, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

/**
 * PostgreSQL's default 128 MB of shared buffers is allocated and zeroed inside the WASM heap
 * at every start, so it is resident from the first query: ~100 MB of RSS for a store that
 * the operating system's page cache serves just as well. 32 MB keeps hot index pages in.
 */
const SHARED_BUFFERS = '32MB';

/** PGlite's own start parameters plus ours. */
export const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`];

/**
 * A fresh data directory is normally made by running initdb inside a second WASM instance:
 * ~5 s of CPU and ~800 MB of peak RSS, more than everything else an ingest does. The build
 * runs it once and keeps the result as a tarball next to this module; a new store is then
 * unpacked from it (~1 s, ~250 MB). Named by the PGlite version, since the catalog it
 * holds must match the PostgreSQL inside that version; without it a store is made by initdb.
 */
export function pgliteTemplatePath(): string {
  return fileURLToPath(new URL(`./pglite-${pgliteVersion()}-datadir.tar.gz`, import.meta.url));
}

/** Opens PGlite with pgvector on `dataDir` (`undefined` = in memory), creating the store from the template when new. */
export async function createPglite(dataDir: string | undefined): Promise<PGlite> {
  const template = pgliteTemplatePath();
  // PGlite refuses a tarball over an existing store, and a store is recognised by PG_VERSION.
  const fresh = !dataDir || !existsSync(path.join(dataDir, 'PG_VERSION'));
  const loadDataDir = fresh && existsSync(template) ? await openAsBlob(template) : undefined;
  // The options object form: `new PGlite(undefined, {extensions})` silently drops them.
  return PGlite.create({ dataDir, extensions: { vector }, startParams: PGLITE_START_PARAMS, loadDataDir });
}

/** Makes the template (initdb in memory, dumped as a gzip tarball) unless this version's exists. Returns its path. */
export async function writePgliteTemplate(): Promise<string> {
  const target = pgliteTemplatePath();
  if (existsSync(target)) return target;
  const db = await PGlite.create();
  try {
    const tarball = await db.dumpDataDir('gzip');
    const partial = `${target}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
    renameSync(partial, target);
  } finally {
    await db.close();
  }
  return target;
}

function pgliteVersion(): string {
  // The package's exports do not include package.json; it sits above the resolved entry (dist/index.js).
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const pkg = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
