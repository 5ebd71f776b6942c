import type { z } from 'zod';
import type { Logger } from './logger.js';
import type { ValidationIssue } from './parser.js';

/** Turns texts into vectors. One instance per run. */
export interface Embedder {
  /** Provider id (`ollama`, `hash`, `openai-compatible`). */
  id: string;
  /** Model name as the provider knows it. */
  model: string;
  /** Preflight: reachability and model presence, with fixes in the messages. Never embeds the corpus. */
  validate(signal: AbortSignal): Promise<ValidationIssue[]>;
  /** Asks the provider for the vector dimension (by metadata or by embedding a probe text). */
  probeDimension(signal: AbortSignal): Promise<number>;
  /** Embeds texts, one vector per text in the same order. Retries transient failures itself. */
  embed(texts: string[], signal: AbortSignal, options?: EmbedCallOptions): Promise<number[][]>;
}

/** Per-call hooks the host passes to `embed`. */
export interface EmbedCallOptions {
  /** Called before each retry of a transient failure, so the host can count retries. */
  onRetry?(error: unknown, attempt: number, delayMs: number): void;
}

/** The `[embedder]` table of `sources.toml`, resolved with environment overrides. */
export interface EmbedderSettings {
  /** Provider type name. */
  provider: string;
  /** Model name. */
  model: string;
  /** Expected vector dimension; checked against the probe and the store. */
  dimensions: number;
  /** Texts per request. */
  batchSize: number;
  /** Requests in flight at once. */
  concurrency: number;
  /** Provider host URL, when it has one. */
  host?: string;
  /** Request timeout in milliseconds. */
  timeoutMs: number;
  /** Attempts per request before giving up (1 = no retry). */
  maxAttempts: number;
  /** Time a request may spend retrying transient errors (5xx, 429, resets, timeouts), in milliseconds. */
  retryBudgetMs?: number;
  /** Provider-specific options, validated by the provider's schema. */
  options: Record<string, unknown>;
}

/** Everything an embedder factory gets. */
export interface EmbedderContext<Options = unknown> {
  /** Resolved settings. */
  settings: EmbedderSettings;
  /** Provider options validated by `optionsSchema`. */
  options: Options;
  /** Process environment (for API keys and hosts). */
  env: Record<string, string | undefined>;
  /** Diagnostics. */
  log: Logger;
}

/** An embedder type: builds embedders from settings. */
export interface EmbedderProvider<Options = unknown> {
  /** Type name used as `provider = "..."` in `sources.toml`. */
  type: string;
  /** One line for `bbj parsers` and error messages. */
  description: string;
  /** zod schema of `[embedder.options]`. */
  optionsSchema: z.ZodType<Options>;
  /** Creates the embedder; does no I/O. */
  create(ctx: EmbedderContext<Options>): Embedder;
}
