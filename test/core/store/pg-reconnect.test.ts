import { createServer, connect, type Server, type Socket } from 'node:net';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PgSqlClient } from '../../../src/core/store/pg-client.js';
import { createTestDatabase } from '../../helpers/test-databases.js';

const url = process.env.TEST_DATABASE_URL;

/** A TCP proxy to the test server that the test can cut (all connections) and restore. */
async function startProxy(target: URL): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const proxied = new URL(target.toString());
  proxied.hostname = '127.0.0.1';
  proxied.port = String((server.address() as { port: number }).port);
  return {
    url: proxied.toString(),
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

describe('database faults (PostgreSQL)', { skip: url ? false : 'TEST_DATABASE_URL is not set: needs a real PostgreSQL' }, () => {
  test('sessions ended by the server (57P01, as in a restart) are reconnected: statements and whole transactions succeed', async () => {
    const dbUrl = await createTestDatabase();
    const client = new PgSqlClient(dbUrl, { reconnectBudgetMs: 20_000 });
    const admin = new PgSqlClient(dbUrl);
    try {
      await client.query('CREATE TABLE t (n int)');
      const endSessions = async () => {
        const ended = await admin.query<{ n: string }>(
          `SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        assert.ok(Number(ended[0]!.n) >= 1, 'the client had a session to end');
      };
      await endSessions();
      assert.deepEqual(await client.query('SELECT 2 AS x'), [{ x: 2 }]);
      await endSessions();
      await client.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES (1), (2)');
      });
      assert.deepEqual(await client.query('SELECT count(*)::int AS c FROM t'), [{ c: 2 }], 'the transaction ran once, whole');
    } finally {
      await client.close();
      await admin.close();
    }
  });

  test('a database that does not come back within the budget fails with a message naming it, password masked', async () => {
    const dbUrl = new URL(await createTestDatabase());
    dbUrl.password = 'secret-pw';
    const proxy = await startProxy(dbUrl);
    const client = new PgSqlClient(proxy.url, { reconnectBudgetMs: 1500, connectTimeoutMs: 1000 });
    try {
      assert.deepEqual(await client.query('SELECT 1 AS one'), [{ one: 1 }]);
      await proxy.close();
      await assert.rejects(client.query('SELECT 1'), (error: Error) => {
        assert.match(error.message, /lost the connection to database postgresql:\/\/postgres:\*\*\*\*@127\.0\.0\.1:\d+\/bbj_test_\w+ and could not reconnect within 2 s/);
        assert.doesNotMatch(error.message, /secret-pw/);
        return true;
      });
    } finally {
      await client.close().catch(() => {});
    }
  });
});
