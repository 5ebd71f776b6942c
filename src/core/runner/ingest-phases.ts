import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import { ValidationError, errorMessage } from '../errors/bbj-error.js';
import { CHUNKER_VERSION, chunkDocument } from '../chunking/index.js';
import { ingestSource } from '../pipeline/ingest-source.js';
import { emptyStats, type SourceStats } from '../pipeline/source-stats.js';
import { ChunkStore } from '../store/chunk-store.js';
import { dropInvalidIndexes } from '../store/index-repair.js';
import { HEARTBEAT_INTERVAL_MS, currentOwner, markStaleRuns, writeHeartbeat } from '../store/run-records.js';
import type { SqlClient } from '../store/sql-client.js';
import { waitForLock, type LockWait, type StoreLock } from '../store/store-lock.js';
import { embeddingModelId } from './create-embedder.js';
import { preflightChecks, runChecks } from './preflight-checks.js';
import { createEmbedBudget, type EmbedBudget } from '../pipeline/embed-budget.js';
import type { RunListener } from './run-events.js';
import type { SourceOutcome } from './run-summary.js';
import { parseParserOptions } from '../pipeline/parser-context.js';
import { baseContext, sourceHttp, sourceInfo } from './source-context.js';
import type { ParseThreads } from '../pipeline/parse-threads.js';

/** What every phase of a run shares. */
export interface RunContext {
  /** Resolved configuration. */
  config: ResolvedConfig;
  /** The run's services. */
  services: Services;
  /** Where events go. */
  emit: RunListener;
}

/** The outcome of the preflight: a store that passed its checks (still open) and a reachable embedder. */
export interface Checked {
  /** The store the run will use (the embedded one is already locked). */
  sql: SqlClient;
  /** The embedder, reachable and producing the configured dimension. */
  embedder: Embedder;
}

/**
 * Validation: every check at once, every problem reported together (`ValidationError`).
 * The embedded store's directory lock is taken when it is opened, so a second writer waits
 * (`wait`) or is refused here; a server's advisory lock is taken by `openRun`.
 */
export async function preflight(ctx: RunContext, sources: SourceConfig[], signal: AbortSignal, wait: LockWait): Promise<Checked> {
  const { config, services } = ctx;
  let sql: SqlClient | undefined;
  let embedder: Embedder | undefined;
  const checks = preflightChecks(config, sources, services, signal, {
    openStore: () => waitForLock(() => services.openStore({ url: config.database.url, pglitePath: config.database.pglitePath }), wait),
    // Kept open: the run uses the store it checked.
    storeChecked: async (opened) => void (sql = opened),
    embedderChecked: (created) => void (embedder = created),
  });
  try {
    const issues = await runChecks(checks, ctx.emit);
    if (issues.length) throw new ValidationError(issues);
    return { sql: sql!, embedder: embedder! };
  } catch (error) {
    await sql?.close().catch(() => {});
    throw error;
  }
}

/** A run that holds the store lock and has its run record. */
export interface OpenRun extends Checked {
  /** The store. */
  store: ChunkStore;
  /** This run's id. */
  runId: number;
  /** The interrupted or failed run this one resumes. */
  resumedFrom?: number;
  /** Sources that run already completed (skipped now). */
  completedBefore: ReadonlySet<string>;
  /** The embedder's request slots, shared by every source of the run (never more than `embedder.concurrency` in flight). */
  budget: EmbedBudget;
  /** Fires when the store lock is lost (another writer may be running): sources stop. */
  lockLost: AbortSignal;
  /** Records how the run ended, stops the heartbeat, releases the lock and the store. */
  close(status: 'completed' | 'failed' | 'interrupted', error?: string): Promise<void>;
}

/**
 * Takes the store lock (waiting if asked), then under it: migrations, marking runs left
 * `running` by dead processes `interrupted`, and the new run record with its heartbeat.
 */
export async function openRun(ctx: RunContext, checked: Checked, sources: SourceConfig[], options: { resume?: boolean; wait: LockWait }): Promise<OpenRun> {
  const { config, emit } = ctx;
  const { sql, embedder } = checked;
  let lock: StoreLock | undefined;
  try {
    lock = await waitForLock(() => sql.lock(), options.wait);
    const store = new ChunkStore(sql);
    await store.migrate(config.embedder.dimensions, embeddingModelId(embedder));
    for (const stale of await markStaleRuns(sql)) emit({ type: 'notice', phase: 'prepare', message: `run ${stale.id} marked interrupted: ${stale.reason}` });
    let resumedFrom: number | undefined;
    const completedBefore = new Set<string>();
    if (options.resume) {
      const last = await store.lastRun();
      if (last && last.status !== 'completed') {
        resumedFrom = last.id;
        for (const name of last.completedSources) if (sources.some((s) => s.name === name)) completedBefore.add(name);
        emit({ type: 'notice', phase: 'prepare', message: `resuming run ${last.id}: ${completedBefore.size} source(s) already done` });
      } else {
        emit({ type: 'notice', phase: 'prepare', message: 'nothing to resume: the last run completed' });
      }
    }
    const runId = await store.createRun(sources.map((s) => s.name), resumedFrom, currentOwner());
    await lock.setRun(runId);
    const heartbeat = setInterval(() => void writeHeartbeat(sql, runId).catch(() => {}), HEARTBEAT_INTERVAL_MS);
    heartbeat.unref();
    const held = lock;
    return {
      sql,
      embedder,
      // One budget for every source: never more than `embedder.concurrency` requests in flight in total.
      budget: createEmbedBudget(config.embedder.concurrency),
      store, runId, resumedFrom, completedBefore, lockLost: held.lost,
      close: async (status, error) => {
        clearInterval(heartbeat);
        await store.finishRun(runId, status, error).catch(() => {});
        await held.release().catch(() => {});
        await sql.close().catch(() => {});
      },
    };
  } catch (error) {
    await lock?.release().catch(() => {});
    await sql.close().catch(() => {});
    throw error;
  }
}

/** How one source runs. */
export interface SourceRunOptions {
  /** Re-ingest from scratch. */
  clean?: boolean;
  /** Stops the source at once (a lost lock): embedding in flight is dropped, what is committed stays, nothing is swept. */
  signal: AbortSignal;
  /** Stops the source gracefully (Ctrl-C): no new documents, groups in flight are embedded and written, nothing is swept. */
  stop?: AbortSignal;
  /** True when the stop came from the user (the source is `interrupted`, not `failed`). */
  interrupted(): boolean;
  /** Parse threads of the run (`[run] parse_threads`); without them every source is prepared in this thread. */
  threads?: ParseThreads;
}

/** One source: parse, chunk, embed, store, sweep; its outcome (never throws: a failed source never stops the others). */
export async function ingestSourcePhase(ctx: RunContext, run: OpenRun, source: SourceConfig, options: SourceRunOptions): Promise<SourceOutcome> {
  const { config, services, emit } = ctx;
  const started = Date.now();
  const outcome = (status: SourceOutcome['status'], stats: SourceStats, error?: string): SourceOutcome => {
    const result: SourceOutcome = { name: source.name, parser: source.parser, status, durationMs: status === 'resumed' ? 0 : Date.now() - started, stats, ...(error ? { error } : {}) };
    emit({ type: 'source-finished', outcome: result });
    return result;
  };
  if (options.signal.aborted || options.stop?.aborted) return outcome('interrupted', emptyStats(), 'not started: the run was interrupted');
  emit({ type: 'source-started', source: source.name, parser: source.parser });
  const { store, runId } = run;
  if (run.completedBefore.has(source.name)) {
    await store.recordSource(runId, source.name, 'resumed', {});
    return outcome('resumed', emptyStats(), `completed by run ${run.resumedFrom}`);
  }
  let stats: SourceStats = emptyStats();
  try {
    const parser = services.registry.parser(source.parser)!.value;
    // Preflight checked the options already; this only keeps the one message format if they changed meanwhile.
    const checked = parseParserOptions(parser, source.options);
    if (!checked.ok) throw new Error(`source "${source.name}": ${checked.issues.join('; ')}`);
    const parsedOptions = checked.options;
    const log = services.logger;
    const http = sourceHttp(parser, parsedOptions, source, services, store, log);
    const model = embeddingModelId(run.embedder);
    const { enrichers, unknown } = services.registry.enrichersFor(source.enrichers);
    if (unknown.length) throw new Error(`enrichers: unknown enricher(s) ${unknown.join(', ')}`);
    // The source's own enricher list: changing it (even to []) re-processes the source's documents.
    const shapingKey = [
      `chunker:${CHUNKER_VERSION}`, config.chunking.maxTokens, config.chunking.overlapTokens, model,
      ...enrichers.map((e) => `${e.name}@${e.version}`),
    ].join('|');
    const chunking = config.chunking;
    stats = await ingestSource({
      parser,
      context: baseContext(source, parser, parsedOptions, config.dataDir, http, log, options.signal),
      store,
      embedder: run.embedder,
      embeddingModel: model,
      dimension: config.embedder.dimensions,
      enrichers,
      chunk: (doc) => chunkDocument(doc, chunking, source.name),
      shapingKey,
      parseThread: options.threads && threadable(services, source.parser)
        ? {
            threads: options.threads,
            job: {
              parser: source.parser, parserVersion: parser.version ?? '', options: source.options, source: sourceInfo(source), dataDir: config.dataDir,
              enrichers: enrichers.map((e) => ({ name: e.name, version: e.version })), chunking, shapingKey,
              maxFileBytes: source.maxFileBytes, timeoutMs: source.parseTimeoutMs, window: PARSE_AHEAD,
            },
          }
        : undefined,
      batchSize: config.embedder.batchSize,
      concurrency: config.embedder.concurrency,
      budget: run.budget,
      clean: options.clean ?? false,
      stop: options.stop,
      runId,
      onProgress: (s, p) => {
        stats = s;
        emit({ type: 'source-progress', source: source.name, stats: s, parser: p, elapsedMs: Date.now() - started });
      },
    });
    if (stats.interrupted) {
      // Ctrl-C: the groups in flight were written; the source is not complete, so `--resume` runs it again.
      await store.recordSource(runId, source.name, 'interrupted', { ...stats, skipped: stats.skipped.length });
      return outcome('interrupted', stats, 'interrupted');
    }
    await store.recordSource(runId, source.name, 'ok', { ...stats, skipped: stats.skipped.length, skipped_items: stats.skipped });
    return outcome('ok', stats);
  } catch (error) {
    if (options.interrupted()) {
      // Ctrl-C: what was committed stays; the source is not complete, so `--resume` runs it again (unchanged documents are skipped).
      await store.recordSource(runId, source.name, 'interrupted', { ...stats, skipped: stats.skipped.length }).catch(() => {});
      return outcome('interrupted', stats, 'interrupted');
    }
    const message = errorMessage(options.signal.aborted && !options.interrupted() ? options.signal.reason : error);
    await store.recordSource(runId, source.name, 'failed', { ...stats, skipped: stats.skipped.length }, message).catch(() => {});
    return outcome('failed', stats, message);
  }
}

/** The vector and full-text indexes, built once after the load (dropping any a killed build left invalid). */
export async function buildIndexes(run: OpenRun): Promise<void> {
  await dropInvalidIndexes(run.sql);
  await run.store.ensurePostLoadIndexes();
}

/** Documents a parse thread may prepare ahead of the writing stage: enough to parse while a group is embedded, few enough to bound memory. */
const PARSE_AHEAD = 64;

/**
 * Sources a parse thread can prepare: a built-in parser that reads files (no HTTP client: that,
 * with its rate limits and validators, lives in the run's thread). The thread checks the rest
 * (same parser and enricher versions) and declines what it cannot do.
 */
export function threadable(services: Services, type: string): boolean {
  const registered = services.registry.parser(type);
  return registered?.origin.kind === 'core' && registered.value.requiresPaths && registered.value.http === undefined;
}
