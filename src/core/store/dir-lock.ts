import { linkSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { BbjError } from '../errors/bbj-error.js';
import { processAlive } from './run-records.js';
import { StoreLockedError, type LockHolder } from './store-lock.js';

const LOCK_FILE = '.bbj-rag.lock';

/**
 * An exclusive lock on a directory for this process. PGlite has no lock of its own and a
 * second process opening the same directory loses committed rows, so we take one. The lock
 * file names the owner (pid, host, start time, run id): a lock left by a killed process is
 * taken over at once (no waiting for a stale timeout), which keeps `--resume` after a crash
 * immediate; a live owner is named in the refusal.
 */
export function acquireDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const seen = readText(file);
      const owner = parseOwner(seen);
      if (owner?.host === hostname() && owner.pid !== undefined && processAlive(owner.pid) && owner.pid !== process.pid) {
        throw new StoreLockedError(`pglite:${dir}`, owner);
      }
      // Being written by a process that just created it: not stale.
      if (!owner && fileAgeMs(file) < 5000) throw new StoreLockedError(`pglite:${dir}`, {});
      takeOverStale(file, seen, dir);
    }
  }
  throw new BbjError(`Could not lock ${dir}.`, 'STORE_LOCKED', `Remove ${file} if no other bbj process is running.`);
}

/** Adds the run id to this process's lock file, so a refused writer can name the run. */
export function recordDirLockRun(dir: string, runId: number): void {
  const owner = readDirLockOwner(dir);
  if (owner?.pid !== process.pid) return;
  writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ ...owner, runId }));
}

/** The owner named in a directory's lock file (JSON, or the older `pid@host`). */
export function readDirLockOwner(dir: string): LockHolder | undefined {
  return parseOwner(readText(path.join(dir, LOCK_FILE)));
}

/**
 * Moves a stale lock file aside. Renaming is atomic, so of two processes taking over the
 * same stale lock only one moves it; one that moved a fresh lock instead (another process
 * took over first) puts it back and is refused.
 */
function takeOverStale(file: string, seen: string | undefined, dir: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch {
    return; // Already moved by another process: retry creating.
  }
  const moved = readText(aside);
  if (moved !== seen) {
    try {
      linkSync(aside, file);
    } catch {
      // Someone created a lock meanwhile; theirs stands.
    }
    rmSync(aside, { force: true });
    throw new StoreLockedError(`pglite:${dir}`, parseOwner(moved) ?? {});
  }
  rmSync(aside, { force: true });
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}

function parseOwner(text: string | undefined): LockHolder | undefined {
  if (!text) return undefined;
  try {
    if (text.startsWith('{')) return JSON.parse(text) as LockHolder;
    const [pid, host] = text.split('@');
    return Number(pid) > 0 ? { pid: Number(pid), host: host ?? '' } : undefined;
  } catch {
    return undefined;
  }
}

function fileAgeMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}
