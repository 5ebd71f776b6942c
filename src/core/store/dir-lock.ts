import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { BbjError } from '../errors/bbj-error.js';

/**
 * An exclusive lock on a directory for this process. PGlite has no lock of its own and a
 * second process opening the same directory loses committed rows, so we take one. The lock
 * file holds the owner's pid: a lock left by a killed process is taken over at once (no
 * waiting for a stale timeout), which keeps `--resume` after a crash immediate.
 */
export function acquireDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, '.bbj-rag.lock');
  const me = `${process.pid}@${hostname()}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, me, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = readOwner(file);
      if (owner && owner.host === hostname() && isAlive(owner.pid) && owner.pid !== process.pid) {
        throw new BbjError(
          `The embedded database at ${dir} is in use by process ${owner.pid}.`,
          'STORE_LOCKED',
          'Wait for that run to finish, or point [database] path / --data-dir elsewhere.',
        );
      }
      // Stale (owner gone) or unreadable: remove and retry.
      rmSync(file, { force: true });
    }
  }
  throw new BbjError(`Could not lock ${dir}.`, 'STORE_LOCKED', 'Remove the .bbj-rag.lock file if no other bbj process is running.');
}

function readOwner(file: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(file, 'utf8').trim().split('@');
    return { pid: Number(pid), host: host ?? '' };
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
