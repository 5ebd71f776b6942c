import { BbjError } from '../errors/bbj-error.js';
import { maskSecrets } from '../config/mask.js';

/** Host, port, user and database of a connection string, for messages (never the password). */
export interface DbTarget {
  host: string;
  port: string;
  user?: string;
  database?: string;
}

/** Reads the target of a `postgresql://` URL or a keyword/value string (`host=... dbname=...`). */
export function dbTarget(connection: string): DbTarget {
  try {
    const url = new URL(connection);
    return {
      host: decodeURIComponent(url.hostname) || 'localhost',
      port: url.port || '5432',
      user: url.username ? decodeURIComponent(url.username) : undefined,
      database: url.pathname.length > 1 ? decodeURIComponent(url.pathname.slice(1)) : undefined,
    };
  } catch {
    const get = (key: string) => new RegExp(`(?:^|\\s)${key}\\s*=\\s*'?([^'\\s]*)`, 'i').exec(connection)?.[1];
    return { host: get('host') ?? 'localhost', port: get('port') ?? '5432', user: get('user'), database: get('dbname') };
  }
}

interface PgLikeError {
  code?: string;
  message?: string;
  address?: string;
  port?: number;
  errors?: PgLikeError[];
}

/** A pgvector package name for a server major version (Debian/Ubuntu and the PGDG repositories). */
export function pgvectorInstallHint(serverMajor?: number): string {
  const pkg = serverMajor ? `postgresql-${serverMajor}-pgvector` : 'postgresql-<major>-pgvector';
  return `install pgvector on the database server (Debian/Ubuntu: apt install ${pkg}; macOS: brew install pgvector; or build it: https://github.com/pgvector/pgvector#installation), then run CREATE EXTENSION vector; in the database as a superuser`;
}

/**
 * Turns a connection or server error into a message that says what is wrong and how to fix
 * it (start the server, `createdb`, check the password, install pgvector). `where` is the
 * masked description of the store. Unknown errors keep their own message.
 */
export function explainDbError(error: unknown, connection: string): BbjError {
  if (error instanceof BbjError) return error;
  const e = (error ?? {}) as PgLikeError;
  // Node reports `localhost` refusing on ::1 and 127.0.0.1 as one AggregateError without a message.
  const inner = e.errors?.[0] ?? e;
  const code = e.code ?? inner.code;
  const target = dbTarget(connection);
  const at = `${target.host}:${target.port}`;
  const where = maskSecrets(connection);
  const raw = maskSecrets(e.message || inner.message || String(error));
  const fromUrl = 'DATABASE_URL (or [database] url in sources.toml)';
  switch (code) {
    case 'ECONNREFUSED':
      return new BbjError(
        `PostgreSQL is not reachable at ${at} (connection refused; database ${where}).`,
        'STORE_UNREACHABLE',
        `Start the PostgreSQL server, or check the host and port in ${fromUrl}. Without a URL the embedded store is used.`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new BbjError(`PostgreSQL host "${target.host}" cannot be resolved (database ${where}).`, 'STORE_UNREACHABLE', `Check the host name in ${fromUrl}.`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new BbjError(`PostgreSQL at ${at} does not answer (${code}; database ${where}).`, 'STORE_UNREACHABLE', `Check that the server runs and that ${at} is reachable from here (firewall, VPN), or fix ${fromUrl}.`);
    case '57P03':
      return new BbjError(
        `PostgreSQL at ${at} is ${/shutting down/i.test(raw) ? 'shutting down' : 'starting up or not accepting connections'} (${raw}).`,
        'STORE_UNAVAILABLE',
        'Wait until the server is up again (pg_isready shows it), then re-run; an interrupted ingest continues with --resume.',
      );
    case '57P01':
    case '57P02':
      return new BbjError(
        `PostgreSQL at ${at} closed the connection: the server was shut down or restarted (${raw}).`,
        'STORE_UNAVAILABLE',
        'Start the server again (pg_isready shows when it is up), then re-run; an interrupted ingest continues with --resume.',
      );
    case '3D000':
      return new BbjError(
        `Database "${target.database ?? '?'}" does not exist on the PostgreSQL server at ${at}.`,
        'STORE_NO_DATABASE',
        `Create it: createdb -h ${target.host} -p ${target.port}${target.user ? ` -U ${target.user}` : ''} ${target.database ?? 'NAME'} (or CREATE DATABASE ${target.database ?? 'name'};), or fix the database name in ${fromUrl}.`,
      );
    case '28P01':
    case '28000':
      return new BbjError(
        `PostgreSQL at ${at} refused the login of user "${target.user ?? '(default)'}": ${raw}.`,
        'STORE_AUTH',
        `Check the user and password in ${fromUrl} (postgresql://USER:PASSWORD@${at}/DB; percent-encode special characters) and the server's pg_hba.conf.`,
      );
    case '58P01':
    case '0A000':
      if (/vector/i.test(raw)) {
        return new BbjError(`The pgvector extension is not installed on the PostgreSQL server at ${at} (${raw}).`, 'STORE_NO_VECTOR', `${pgvectorInstallHint()}.`);
      }
      break;
    case '42501':
      if (/extension/i.test(raw)) {
        return new BbjError(`The database user may not create the pgvector extension at ${at} (${raw}).`, 'STORE_NO_VECTOR', 'Ask a superuser to run CREATE EXTENSION vector; in that database once.');
      }
      break;
  }
  if (code === 'ECONNRESET' || code === 'EPIPE' || /Connection terminated unexpectedly|not queryable/i.test(raw)) {
    return new BbjError(
      `The connection to PostgreSQL at ${at} was lost (${raw}): the server stopped, restarted or dropped the connection.`,
      'STORE_UNAVAILABLE',
      'Check that the server is up (pg_isready), then re-run; an interrupted ingest continues with --resume.',
    );
  }
  if (/timeout/i.test(raw)) {
    return new BbjError(`PostgreSQL at ${at} did not answer in time (${raw}; database ${where}).`, 'STORE_UNREACHABLE', `Check that the server runs and is reachable, or fix ${fromUrl}.`);
  }
  return new BbjError(`database ${where}: ${raw}`, 'STORE_ERROR', undefined);
}
