import { BbjError, ExitCode } from '../errors/bbj-error.js';
import { sleep } from '../net/retry.js';

/** Who holds the store lock, as far as it can be told. */
export interface LockHolder {
  /** The holder's run id, once it has created its run record. */
  runId?: number;
  /** Host of the holding process. */
  host?: string;
  /** Process id of the holding process. */
  pid?: number;
  /** When the holder started (its run, or its lock connection). */
  startedAt?: string;
}

/**
 * The store-wide writer lock, held for a whole run: a PostgreSQL advisory lock on a
 * dedicated connection, or the embedded store's directory lock. Only its holder migrates,
 * writes and sweeps; readers (validate, report) never take it.
 */
export interface StoreLock {
  /** Fires when the lock was lost (its connection died and it could not be taken back). */
  readonly lost: AbortSignal;
  /** Names the run holding the lock (so a refused writer can name it) and starts its heartbeat. */
  setRun(runId: number): Promise<void>;
  /** Stops the heartbeat and releases the lock. */
  release(): Promise<void>;
}

/** Another run holds the store: exit code 2, with the holder named. */
export class StoreLockedError extends BbjError {
  constructor(
    readonly store: string,
    readonly holder: LockHolder,
    waitedMs?: number,
  ) {
    super(
      `The store ${store} is being written by ${describeHolder(holder)}${waitedMs ? `, still after waiting ${Math.round(waitedMs / 1000)} s` : ''}.`,
      'STORE_LOCKED',
      'Only one run writes a store at a time. Wait for that run to finish, or add --wait (or --wait=SECONDS) to start when it is done.',
      ExitCode.invalid,
    );
    this.name = 'StoreLockedError';
  }
}

/** `run 12 (pid 4711 on host-a, started 2026-11-30T15:00:00.000Z)`. */
export function describeHolder(holder: LockHolder): string {
  const parts: string[] = [];
  if (holder.pid !== undefined) parts.push(`pid ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}`);
  else if (holder.host) parts.push(`host ${holder.host}`);
  if (holder.startedAt) parts.push(`started ${holder.startedAt}`);
  const who = holder.runId !== undefined ? `run ${holder.runId}` : 'another bbj-rag run';
  return parts.length ? `${who} (${parts.join(', ')})` : who;
}

/** A lock that never fires `lost`, for stores whose lock cannot be lost while open. */
export function heldLock(setRun: (runId: number) => Promise<void>, release: () => Promise<void> = async () => {}): StoreLock {
  return { lost: new AbortController().signal, setRun, release };
}

/** How a writer waits for the lock. */
export interface LockWait {
  /** Milliseconds to wait; undefined = refuse at once; Infinity = wait as long as it takes. */
  waitMs?: number;
  /** Told once, when the lock is busy and the writer starts waiting. */
  onWaiting?(holder: LockHolder): void;
  /** Stops waiting (Ctrl-C). */
  signal?: AbortSignal;
  /** Poll interval (tests shorten it). */
  pollMs?: number;
}

/**
 * Takes the lock through `attempt` (which refuses at once with a `StoreLockedError`),
 * retrying until it succeeds or the wait is over.
 */
export async function waitForLock<T>(attempt: () => Promise<T>, wait: LockWait): Promise<T> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof StoreLockedError) || wait.waitMs === undefined) throw error;
      const waited = Date.now() - started;
      if (waited >= wait.waitMs) throw new StoreLockedError(error.store, error.holder, waited);
      if (!told) wait.onWaiting?.(error.holder);
      told = true;
      wait.signal?.throwIfAborted();
      await sleep(Math.min(wait.pollMs ?? 1000, Math.max(wait.waitMs - waited, 0)), wait.signal);
    }
  }
}
