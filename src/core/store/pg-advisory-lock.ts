import createDebug from 'debug';
import pg from 'pg';
import { currentOwner, processAlive, runningRunOf } from './run-records.js';
import { StoreLockedError, type LockHolder, type StoreLock } from './store-lock.js';
import { isConnectionError, retryConnection } from './connection-retry.js';

const debug = createDebug('bbj:store:lock');

/** First half of the advisory lock key: "bbjr", so the lock does not collide with other tools' keys. */
const LOCK_NAMESPACE = 0x62626a72;
/** How often the lock connection is checked, so a lost lock is noticed during a quiet phase too. */
const PING_MS = 10_000;

/** `bbj-rag <pid>@<host>`: how this process's connections name themselves in `pg_stat_activity`. */
export function applicationName(kind: 'lock' | 'pool'): string {
  const me = currentOwner();
  return `bbj-rag${kind === 'lock' ? ' lock' : ''} ${me.pid}@${me.host}`.slice(0, 63);
}

function parseApplicationName(name: string): { pid: number; host: string } | undefined {
  const match = /^bbj-rag (?:lock )?(\d+)@(.*)$/.exec(name);
  return match ? { pid: Number(match[1]), host: match[2]! } : undefined;
}

/** Second half of the key: the schema, so two stores in one database lock separately. */
function schemaKey(schema: string): number {
  let hash = 0x811c9dc5;
  for (const ch of schema) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return hash & 0x7fffffff;
}

/**
 * Takes the store's advisory lock on a dedicated connection held for the whole run, or
 * throws `StoreLockedError` naming the holder. A lock still held by the backend of a
 * process that died on this host (the server has not noticed yet) is freed by ending
 * that backend. If the lock connection dies mid-run it reconnects and takes the lock back;
 * when it cannot (budget spent, or another writer took it), `lost` fires.
 */
export async function acquireAdvisoryLock(url: string, description: string, budgetMs: number): Promise<StoreLock> {
  const client = await connect(url);
  try {
    const key2 = schemaKey(await currentSchema(client));
    for (let orphansEnded = 0; ; orphansEnded++) {
      if (await tryLock(client, key2)) return new AdvisoryLock(url, description, client, key2, budgetMs);
      const holder = await findHolder(client, key2);
      if (orphansEnded < 3 && holder.orphanBackend !== undefined) {
        debug('ending backend %d of dead process %d', holder.orphanBackend, holder.pid);
        await endBackends(clientQuery(client), [holder.orphanBackend]);
        continue;
      }
      throw new StoreLockedError(description, holder);
    }
  } catch (error) {
    await client.end().catch(() => {});
    throw error;
  }
}

/**
 * Ends the backends left by bbj-rag processes of this host that are gone (a `kill -9` leaves
 * the server running their last statement, e.g. an index build that would then collide with
 * ours). Called under the lock, before migrations and index builds.
 */
export async function endOrphanBackends(query: Query): Promise<number> {
  const me = currentOwner();
  const rows = await query<{ pid: number; application_name: string }>(
    `SELECT pid, application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'bbj-rag %' AND pid <> pg_backend_pid()`,
  );
  const orphans = rows.filter((r) => {
    const owner = parseApplicationName(r.application_name);
    return owner && owner.pid !== me.pid && me.host.startsWith(owner.host) && owner.host.length > 0 && !processAlive(owner.pid);
  });
  if (orphans.length === 0) return 0;
  await endBackends(query, orphans.map((o) => o.pid));
  return orphans.length;
}

class AdvisoryLock implements StoreLock {
  private readonly controller = new AbortController();
  private readonly ping: NodeJS.Timeout;
  private released = false;
  private recovering?: Promise<void>;

  constructor(
    private readonly url: string,
    private readonly description: string,
    private client: pg.Client,
    private readonly key2: number,
    private readonly budgetMs: number,
  ) {
    this.watch(client);
    this.ping = setInterval(() => void this.check(), PING_MS);
    this.ping.unref();
  }

  get lost(): AbortSignal {
    return this.controller.signal;
  }

  async setRun(): Promise<void> {
    // The holder is found through pg_locks -> pg_stat_activity (pid@host) -> runs (pid): nothing to record here.
  }

  async release(): Promise<void> {
    this.released = true;
    clearInterval(this.ping);
    await this.client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, this.key2]).catch(() => {});
    await this.client.end().catch(() => {});
  }

  private watch(client: pg.Client): void {
    client.on('error', (error) => {
      debug('lock connection error: %s', error.message);
      void this.recover();
    });
  }

  private async check(): Promise<void> {
    if (this.released || this.recovering) return;
    try {
      await this.client.query('SELECT 1');
    } catch (error) {
      if (isConnectionError(error)) await this.recover();
    }
  }

  /** Reconnects and takes the lock back; another writer may have taken it meanwhile. */
  private recover(): Promise<void> {
    this.recovering ??= (async () => {
      if (this.released) return;
      try {
        const client = await retryConnection(() => connect(this.url), { budgetMs: this.budgetMs, what: `the store lock on ${this.description}` });
        if (!(await tryLock(client, this.key2))) {
          const holder = await findHolder(client, this.key2);
          await client.end().catch(() => {});
          throw new StoreLockedError(this.description, holder);
        }
        this.client.end().catch(() => {});
        this.client = client;
        this.watch(client);
        debug('lock taken back after reconnecting');
      } catch (error) {
        this.controller.abort(error);
      } finally {
        this.recovering = undefined;
      }
    })();
    return this.recovering;
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName('lock'), connectionTimeoutMillis: 10_000 });
  // Until `watch` takes over, an error on the idle connection must not crash the process.
  client.on('error', () => {});
  await client.connect();
  return client;
}

async function currentSchema(client: pg.Client): Promise<string> {
  const result = await client.query<{ s: string }>('SELECT current_schema() AS s');
  return result.rows[0]?.s ?? 'public';
}

async function tryLock(client: pg.Client, key2: number): Promise<boolean> {
  const result = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [LOCK_NAMESPACE, key2]);
  return result.rows[0]?.ok === true;
}

async function findHolder(client: pg.Client, key2: number): Promise<LockHolder & { orphanBackend?: number }> {
  const result = await client.query<{ pid: number; application_name: string; backend_start: Date }>(
    `SELECT a.pid, a.application_name, a.backend_start FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = $1::bigint::oid AND l.objid = $2::bigint::oid AND l.objsubid = 2`,
    [LOCK_NAMESPACE, key2],
  );
  const row = result.rows[0];
  if (!row) return {};
  const owner = parseApplicationName(row.application_name);
  if (!owner) return { startedAt: new Date(row.backend_start).toISOString() };
  const run = await runningRunOf({ query: clientQuery(client) as never }, owner.pid);
  const me = currentOwner();
  const holder: LockHolder & { orphanBackend?: number } = {
    runId: run?.id,
    pid: owner.pid,
    host: run?.host ?? owner.host,
    startedAt: run?.startedAt ?? new Date(row.backend_start).toISOString(),
  };
  if (owner.pid !== me.pid && owner.host.length > 0 && me.host.startsWith(owner.host) && !processAlive(owner.pid)) holder.orphanBackend = row.pid;
  return holder;
}

/** Runs a query and returns its rows, on a pg client or a SqlClient. */
type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

function clientQuery(client: pg.Client): Query {
  return async <T>(text: string, params: unknown[] = []) => (await client.query(text, params)).rows as T[];
}

async function endBackends(query: Query, pids: number[]): Promise<void> {
  await query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [pids]).catch((error: Error) => debug('could not end backends: %s', error.message));
  // pg_terminate_backend only signals: wait (briefly) until they are gone, so their locks and catalog work are over.
  for (let i = 0; i < 50; i++) {
    const rows = await query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])', [pids]);
    if (!rows[0] || rows[0].n === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}
