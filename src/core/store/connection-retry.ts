import createDebug from 'debug';
import { sleep } from '../net/retry.js';
import { errorMessage } from '../errors/bbj-error.js';

const debug = createDebug('bbj:store:reconnect');

/** SQLSTATE classes and codes meaning "the connection is gone or the server is not ready", not "the statement is wrong". */
const CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '08007']);
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const CONNECTION_MESSAGES = /connection terminated|terminating connection|server closed the connection|not queryable|Connection terminated unexpectedly|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)/i;

/** True for an error that reconnecting may cure: a restart (57P01), a reset, a refused or timed-out connection. */
export function isConnectionError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_STATES.has(e.code) || CONNECTION_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message)) return true;
  // AggregateError (IPv4 + IPv6 both refused) and wrapped causes.
  if (Array.isArray(e.errors) && e.errors.some(isConnectionError)) return true;
  return e.cause !== undefined && e.cause !== error && isConnectionError(e.cause);
}

/** How long a lost connection is retried before the work fails. */
export interface ReconnectBudget {
  /** Total time to keep trying, in milliseconds. */
  budgetMs: number;
  /** What is being reached, for the final message (with the database masked). */
  what: string;
  /** Stops retrying (Ctrl-C). */
  signal?: AbortSignal;
}

/** The database could not be reached again within the budget. */
export class DatabaseUnreachableError extends Error {
  constructor(what: string, budgetMs: number, cause: unknown) {
    super(`lost the connection to ${what} and could not reconnect within ${Math.round(budgetMs / 1000)} s: ${errorMessage(cause)}`, { cause });
    this.name = 'DatabaseUnreachableError';
  }
}

/**
 * Runs `fn`, and while it fails on a connection error, again with exponential backoff
 * (0.25 s doubling to 5 s) until the budget is spent. Other errors are rethrown at once.
 * `fn` must be safe to repeat: a whole transaction, or an idempotent statement.
 */
export async function retryConnection<T>(fn: () => Promise<T>, budget: ReconnectBudget): Promise<T> {
  const deadline = Date.now() + budget.budgetMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isConnectionError(error) || budget.signal?.aborted) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new DatabaseUnreachableError(budget.what, budget.budgetMs, error);
      const delay = Math.min(5000, 250 * 2 ** (attempt - 1), left);
      debug('%s: %s; retrying in %d ms', budget.what, errorMessage(error), delay);
      await sleep(delay, budget.signal);
    }
  }
}
