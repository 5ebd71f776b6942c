import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BbjError, errorMessage } from '../../../src/core/errors/bbj-error.js';
import { dbTarget, explainDbError } from '../../../src/core/store/db-errors.js';
import { openSqlClient } from '../../../src/core/store/open-store.js';
import { closedPort } from '../../helpers/ports.js';

async function openError(url: string): Promise<BbjError> {
  try {
    const client = await openSqlClient({ url });
    await client.close();
  } catch (error) {
    assert.ok(error instanceof BbjError, `expected a BbjError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the store not to open');
}

describe('database errors with a way forward', () => {
  test('connection refused (a closed port): not reachable at host:port, start it or check DATABASE_URL; password masked', async () => {
    const port = await closedPort();
    const error = await openError(`postgresql://bbj:s3cret@127.0.0.1:${port}/rag?password=s3cret`);
    assert.equal(error.code, 'STORE_UNREACHABLE');
    assert.match(error.message, new RegExp(`not reachable at 127\\.0\\.0\\.1:${port} \\(connection refused`));
    assert.match(error.suggestion!, /Start the PostgreSQL server.*DATABASE_URL/);
    assert.ok(!errorMessage(error).includes('s3cret'));
    assert.match(errorMessage(error), /Fix: Start the PostgreSQL server/, 'one-line form keeps the fix');
  });

  test('`localhost` refusing on ::1 and 127.0.0.1 (an AggregateError without a message) is the same case', () => {
    const aggregate = Object.assign(new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5999'), { code: 'ECONNREFUSED' })], ''), { code: 'ECONNREFUSED' });
    const error = explainDbError(aggregate, 'postgresql://localhost:5999/rag');
    assert.match(error.message, /not reachable at localhost:5999/);
  });

  test('server shutting down / restarted, authentication failed, missing pgvector', () => {
    const url = 'postgresql://bbj:pw@db.example:6543/rag';
    const down = explainDbError(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }), url);
    assert.equal(down.code, 'STORE_UNAVAILABLE');
    assert.match(down.message, /db\.example:6543 is shutting down/);
    assert.match(down.suggestion!, /pg_isready.*--resume/);
    const restarted = explainDbError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }), url);
    assert.match(restarted.message, /shut down or restarted/);
    const auth = explainDbError(Object.assign(new Error('password authentication failed for user "bbj"'), { code: '28P01' }), url);
    assert.equal(auth.code, 'STORE_AUTH');
    assert.match(auth.message, /refused the login of user "bbj"/);
    assert.match(auth.suggestion!, /Check the user and password in DATABASE_URL/);
    const vector = explainDbError(Object.assign(new Error('could not open extension control file "/usr/share/postgresql/15/extension/vector.control": No such file or directory'), { code: '58P01' }), url);
    assert.equal(vector.code, 'STORE_NO_VECTOR');
    assert.match(vector.suggestion!, /apt install postgresql-<major>-pgvector.*CREATE EXTENSION vector/);
  });

  test('keyword/value connection strings: target read, password never shown', () => {
    assert.deepEqual(dbTarget("host=db port=6000 user=bbj password='x y' dbname=rag"), { host: 'db', port: '6000', user: 'bbj', database: 'rag' });
    const error = explainDbError(Object.assign(new Error('boom'), { code: 'XX000' }), 'host=db password=s3cret dbname=rag');
    assert.ok(!error.message.includes('s3cret'));
  });

  test('unknown database on the real server: createdb NAME', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = '/bbj_no_such_db_here';
    const error = await openError(url.toString());
    assert.equal(error.code, 'STORE_NO_DATABASE');
    assert.match(error.message, /Database "bbj_no_such_db_here" does not exist on the PostgreSQL server at 127\.0\.0\.1:\d+/);
    assert.match(error.suggestion!, new RegExp(`createdb -h 127\\.0\\.0\\.1 -p ${url.port}( -U \\w+)? bbj_no_such_db_here`));
  });

  test('a connection terminated by the server (57P01) on the real server', { skip: process.env.TEST_DATABASE_URL ? false : 'TEST_DATABASE_URL is not set' }, async () => {
    const pg = (await import('pg')).default;
    const victim = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    let reported: unknown;
    const lost = new Promise<void>((resolve) => victim.on('error', (e) => {
      reported = e;
      resolve();
    }));
    await victim.connect();
    const pid = (await victim.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await admin.end();
    await lost;
    const later = await victim.query('SELECT 1').then(() => undefined, (e: unknown) => e);
    await victim.end().catch(() => {});
    assert.ok(later, 'the terminated connection fails');
    // The error event carries the server's 57P01; a later query only says the client is broken.
    assert.match(explainDbError(reported, process.env.TEST_DATABASE_URL!).message, /shut down or restarted|was lost/);
    const error = explainDbError(later, process.env.TEST_DATABASE_URL!);
    assert.equal(error.code, 'STORE_UNAVAILABLE');
    assert.match(error.message, /connection to PostgreSQL at 127\.0\.0\.1:\d+ was lost/);
    assert.match(error.suggestion!, /--resume/);
  });
});
