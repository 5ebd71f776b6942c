import createDebug from 'debug';
import type { EmbedCallOptions, Embedder, EmbedderSettings } from '../contracts/embedder.js';
import type { Logger } from '../contracts/logger.js';
import type { ValidationIssue } from '../contracts/parser.js';
import { errorMessage } from '../errors/bbj-error.js';
import { withRetry } from '../net/retry.js';
import { classifyHttpError, describeHttpError, fetchOk, type FailureHints } from './http-errors.js';
import { checkVectors } from './vectors.js';

/** Attempts and time a preflight call (validate, dimension probe) may take: a server that is down is reported, not waited for. */
export const PREFLIGHT_ATTEMPTS = 2;
export const PREFLIGHT_BUDGET_MS = 5_000;

/** Text embedded to learn the dimension or to check that embedding works. */
export const PROBE_TEXT = 'dimension probe';

/** How one call of an HTTP embedder runs. */
export interface CallOptions {
  /** The host's per-call hooks (retry counter). */
  hooks?: EmbedCallOptions;
  /** A preflight call: at most `PREFLIGHT_ATTEMPTS` attempts within `PREFLIGHT_BUDGET_MS`. */
  preflight?: boolean;
}

/** What the shared HTTP embedder base needs to know. */
export interface HttpEmbedderConfig {
  /** Provider id (`ollama`), also the debug namespace `bbj:embed:<id>`. */
  id: string;
  /** Resolved `[embedder]` settings (model, timeout, attempts, retry budget, dimensions). */
  settings: EmbedderSettings;
  /** Backoff of the provider options: first delay and cap, in milliseconds. */
  retry: { baseDelayMs: number; maxDelayMs: number };
  /** Diagnostics. */
  log: Logger;
  /** How messages name the server (`ollama at http://127.0.0.1:11434`). */
  target: string;
  /** Protocol-specific fixes appended to failure messages. */
  hints: FailureHints;
  /** How to fix a dimension mismatch, after "... but [embedder] dimensions is N: ". */
  dimensionFix?(dimension: number): string;
  /** A configuration problem found before any request (no server URL): validate reports it, calls throw it. */
  configProblem?: string;
}

/** The protocol part an embedder plugin writes: request and response shapes only. */
export interface EmbedderProtocol {
  /** Preflight beyond reachability (model listed, pulled); runs its calls with `{ preflight: true }`. */
  check(signal: AbortSignal): Promise<ValidationIssue[]>;
  /** The dimension from model metadata, when the server tells it; else the base embeds a probe text. */
  dimensionFromMetadata?(signal: AbortSignal): Promise<number | undefined>;
  /** Sends texts and returns the vectors as the server gave them (checked by the base). */
  embed(texts: string[], signal: AbortSignal, options: CallOptions): Promise<unknown>;
}

/**
 * The shared part of every HTTP embedder: per-attempt timeout, retry with backoff, time budget
 * and `Retry-After`, shorter preflight calls, one failure message format, the host's retry hook
 * and the vector checks. A protocol (Ollama, OpenAI-compatible, a third-party server) only
 * shapes requests and reads responses.
 */
export class HttpEmbedderBase {
  private readonly debug: createDebug.Debugger;

  constructor(readonly config: HttpEmbedderConfig) {
    this.debug = createDebug(`bbj:embed:${config.id}`);
  }

  /**
   * Runs one protocol call with the retry policy; `fn` gets a signal that ends at the per-attempt
   * timeout or when the run is cancelled. The final error is rewritten into a clear message
   * (its `cause` keeps the original); a cancelled run rethrows its own abort reason.
   */
  async call<T>(what: string, signal: AbortSignal, fn: (attemptSignal: AbortSignal) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const { settings, retry, log, target, hints } = this.config;
    if (this.config.configProblem) throw new Error(this.config.configProblem);
    let attempts = 0;
    try {
      return await withRetry(
        (attempt) => {
          attempts = attempt;
          return fn(AbortSignal.any([signal, AbortSignal.timeout(settings.timeoutMs)]));
        },
        {
          attempts: options.preflight ? Math.min(settings.maxAttempts, PREFLIGHT_ATTEMPTS) : settings.maxAttempts,
          budgetMs: options.preflight ? Math.min(settings.retryBudgetMs ?? PREFLIGHT_BUDGET_MS, PREFLIGHT_BUDGET_MS) : settings.retryBudgetMs,
          baseDelayMs: retry.baseDelayMs,
          maxDelayMs: retry.maxDelayMs,
          classify: classifyHttpError,
          signal,
          onRetry: (error, attempt, delayMs) => {
            const reason = errorMessage(error);
            this.debug('%s attempt %d failed (%s); retrying in %d ms', what, attempt, reason, Math.round(delayMs));
            log.debug(`${target} ${what}: attempt ${attempt} failed (${reason}); retrying in ${Math.round(delayMs)} ms`);
            options.hooks?.onRetry?.(error, attempt, delayMs);
          },
        },
      );
    } catch (error) {
      // A cancelled run is not an embedder failure: let the caller see its own abort reason.
      if (signal.aborted) throw signal.reason;
      throw describeHttpError(error, { target, attempts, timeoutMs: settings.timeoutMs, hints });
    }
  }

  /** `call` for a JSON request: a non-2xx answer is an `HttpStatusError`, a 2xx one is parsed. */
  json(what: string, url: string, init: { method: 'GET' | 'POST'; headers?: Record<string, string>; body?: unknown }, signal: AbortSignal, options?: CallOptions): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    return this.call(what, signal, async (attemptSignal) => {
      const response = await fetchOk(url, { method: init.method, headers, body, signal: attemptSignal });
      return (await response.json()) as unknown;
    }, options);
  }

  /** Builds the embedder from a protocol: validation issues, the dimension probe and checked vectors come from here. */
  embedder(identity: { id: string; model: string }, protocol: EmbedderProtocol): Embedder {
    const { settings, target, configProblem } = this.config;
    const who = `model "${settings.model}" on ${target}`;
    return {
      ...identity,
      validate: async (signal) => {
        if (configProblem) return [{ message: configProblem }];
        try {
          return await protocol.check(signal);
        } catch (error) {
          if (signal.aborted) throw error;
          return [{ message: errorMessage(error) }];
        }
      },
      probeDimension: async (signal) => {
        const fromMetadata = await protocol.dimensionFromMetadata?.(signal);
        if (fromMetadata !== undefined) return fromMetadata;
        const [vector] = checkVectors(await protocol.embed([PROBE_TEXT], signal, { preflight: true }), { count: 1, who });
        return vector.length;
      },
      embed: async (texts, signal, hooks) => {
        if (texts.length === 0) return [];
        const vectors = await protocol.embed(texts, signal, { hooks });
        return checkVectors(vectors, {
          count: texts.length,
          who,
          dimension: settings.dimensions,
          dimensionSource: '[embedder] dimensions',
          dimensionFix: this.config.dimensionFix?.(vectorDimension(vectors)),
        });
      },
    };
  }
}

/** The length of the first vector of an answer, for the fix in a dimension message (0 when there is none). */
function vectorDimension(vectors: unknown): number {
  const first = Array.isArray(vectors) ? (vectors[0] as unknown) : undefined;
  return Array.isArray(first) ? first.length : 0;
}
