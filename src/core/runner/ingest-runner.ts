import { Listr, type ListrTaskWrapper } from 'listr2';
import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import { ExitCode, ValidationError, errorMessage } from '../errors/bbj-error.js';
import { CHUNKER_VERSION, chunkDocument } from '../chunking/index.js';
import { ingestSource } from '../pipeline/ingest-source.js';
import { emptyStats, type SourceStats } from '../pipeline/source-stats.js';
import { ChunkStore } from '../store/chunk-store.js';
import { dropInvalidIndexes } from '../store/index-repair.js';
import { HEARTBEAT_INTERVAL_MS, currentOwner, markStaleRuns, writeHeartbeat } from '../store/run-records.js';
import type { SqlClient } from '../store/sql-client.js';
import { StoreLockedError, waitForLock, type LockHolder, type LockWait, type StoreLock } from '../store/store-lock.js';
import { embeddingModelId } from './create-embedder.js';
import { preflightTasks } from './preflight-tasks.js';
import type { RunSummary, SourceOutcome } from './run-summary.js';
import { selectSources } from './select-sources.js';
import { baseContext, sourceHttp } from './source-context.js';
import { describeProgress } from './progress-text.js';

/** How a run behaves (the `ingest` flags). */
export interface IngestOptions {
  /** `--source` names (empty = every enabled source). */
  sourceNames?: string[];
  /** `--clean`: re-ingest the selected sources from scratch. */
  clean?: boolean;
  /** `--resume`: skip sources the last interrupted run completed. */
  resume?: boolean;
  /** Task tree renderer: `default` on a terminal, `simple` for logs, `silent` for `--json`. */
  renderer?: 'default' | 'simple' | 'silent';
  /** Cancels the run (Ctrl-C). The run stays resumable. */
  signal?: AbortSignal;
  /** `--wait`: how long to wait for another run's store lock, in ms (Infinity = as long as it takes); undefined = refuse at once. */
  waitMs?: number;
  /** Told once when the store is locked by another run and this one starts waiting. */
  onLockWait?(holder: LockHolder): void;
}

// listr2's wrapper generics depend on the renderer chosen at run time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TaskWrapper = ListrTaskWrapper<any, any, any>;

interface RunState {
  issues: string[];
  sql?: SqlClient;
  lock?: StoreLock;
  lockError?: StoreLockedError;
  runError?: string;
  heartbeat?: NodeJS.Timeout;
  store?: ChunkStore;
  embedder?: Embedder;
  runId?: number;
  resumedFrom?: number;
  skip: Set<string>;
  outcomes: SourceOutcome[];
}

/**
 * Runs validation, then one task per source, then the post-load indexes. Validation
 * reports every problem before anything is ingested; a failed source never stops the others.
 */
export async function runIngest(config: ResolvedConfig, services: Services, options: IngestOptions = {}): Promise<RunSummary> {
  const started = Date.now();
  const sources = selectSources(config, options.sourceNames);
  const userSignal = options.signal ?? new AbortController().signal;
  // Sources stop when the user interrupts or the store lock is lost (then another writer may be running).
  const lockLost = new AbortController();
  const signal = AbortSignal.any([userSignal, lockLost.signal]);
  const state: RunState = { issues: [], skip: new Set(), outcomes: [] };
  const wait: LockWait = { waitMs: options.waitMs, onWaiting: options.onLockWait, signal: userSignal };
  const renderer = options.renderer ?? 'default';

  try {
    await new Listr(
      [
        {
          title: 'Validate',
          task: (_ctx, task) =>
            task.newListr(
              preflightTasks(config, sources, services, signal, state.issues, {
                // The embedded store's directory lock is taken when it is opened: a second writer waits or is refused here.
                openStore: async () => {
                  try {
                    return await waitForLock(() => services.openStore({ url: config.database.url, pglitePath: config.database.pglitePath }), wait);
                  } catch (error) {
                    if (error instanceof StoreLockedError) state.lockError = error;
                    throw error;
                  }
                },
                // Kept open: the run uses the store it checked.
                storeChecked: async (sql) => void (state.sql = sql),
                embedderChecked: (embedder) => void (state.embedder = embedder),
              }),
              { concurrent: true, exitOnError: false },
            ),
        },
        { title: 'Prepare store', task: async (_ctx, task) => prepareStore(task, config, sources, state, options, wait, lockLost) },
        {
          title: 'Ingest',
          task: (_ctx, task) =>
            task.newListr(
              sources.map((source) => ({
                title: source.name,
                task: async (_c: unknown, sub: TaskWrapper) => ingestOne(sub, config, source, services, state, options, signal),
              })),
              { concurrent: false, exitOnError: false },
            ),
        },
        {
          title: 'Build search indexes',
          task: async (_ctx, task) => {
            if (userSignal.aborted) return task.skip('Build search indexes: skipped (interrupted; the next run builds them)');
            signal.throwIfAborted();
            // A build cut short by a kill may have left an invalid index that IF NOT EXISTS would keep.
            await dropInvalidIndexes(state.sql!);
            await state.store!.ensurePostLoadIndexes();
          },
        },
      ],
      // The CLI handles Ctrl-C itself (summary, run marked interrupted); listr2's handler would exit at once with 127.
      { renderer, fallbackRenderer: 'simple', exitOnError: true, registerSignalListeners: false, rendererOptions: { collapseSubtasks: false } as never },
    ).run();
  } catch (error) {
    if (state.lockError) throw state.lockError;
    if (state.issues.length) throw new ValidationError(state.issues);
    if (state.runId === undefined) throw error;
    // A failed source fails its own task only; anything else (index build, lost lock) is the run failing.
    if (!userSignal.aborted && (!hasFailure(state) || lockLost.signal.aborted)) state.runError = errorMessage(lockLost.signal.aborted ? lockLost.signal.reason : error);
  } finally {
    clearInterval(state.heartbeat);
    if (state.runId !== undefined) {
      const status = userSignal.aborted ? 'interrupted' : hasFailure(state) || state.runError ? 'failed' : 'completed';
      await state.store!.finishRun(state.runId, status, state.runError).catch(() => {});
    }
    await state.lock?.release().catch(() => {});
    await state.sql?.close().catch(() => {});
  }

  const failed = hasFailure(state) || state.runError !== undefined;
  const interrupted = userSignal.aborted;
  return {
    runId: state.runId!,
    resumedFrom: state.resumedFrom,
    status: userSignal.aborted ? 'interrupted' : failed ? 'failed' : 'completed',
    error: state.runError,
    config: config.configPath,
    store: state.sql?.description ?? '',
    embedder: state.embedder ? embeddingModelId(state.embedder) : config.embedder.provider,
    sources: state.outcomes,
    durationMs: Date.now() - started,
    exitCode: interrupted ? ExitCode.interrupted : failed ? ExitCode.sourceFailed : ExitCode.ok,
  };
}

function hasFailure(state: RunState): boolean {
  return state.outcomes.some((o) => o.status === 'failed');
}

async function prepareStore(
  task: TaskWrapper,
  config: ResolvedConfig,
  sources: SourceConfig[],
  state: RunState,
  options: IngestOptions,
  wait: LockWait,
  lockLost: AbortController,
) {
  // Validation subtasks run with exitOnError: false so every problem is collected; stop here if any was found.
  if (state.lockError) throw state.lockError;
  if (state.issues.length) throw new ValidationError(state.issues);
  const sql = state.sql!;
  // Everything from here on (migrations, writes, sweeps) happens under the store lock.
  state.lock = await waitForLock(() => sql.lock(), wait).catch((error: unknown) => {
    if (error instanceof StoreLockedError) state.lockError = error;
    throw error;
  });
  state.lock.lost.addEventListener('abort', () => lockLost.abort(state.lock!.lost.reason), { once: true });
  const store = new ChunkStore(sql);
  state.store = store;
  await store.migrate(config.embedder.dimensions, embeddingModelId(state.embedder!));
  const stale = await markStaleRuns(sql);
  if (stale.length) task.output = `marked ${stale.map((r) => `run ${r.id} interrupted (${r.reason})`).join('; ')}`;
  if (options.resume) {
    const last = await store.lastRun();
    if (last && last.status !== 'completed') {
      state.resumedFrom = last.id;
      for (const name of last.completedSources) if (sources.some((s) => s.name === name)) state.skip.add(name);
      task.title = `Prepare store (resuming run ${last.id}: ${state.skip.size} source(s) already done)`;
    } else {
      task.title = 'Prepare store (nothing to resume: the last run completed)';
    }
  }
  state.runId = await store.createRun(sources.map((s) => s.name), state.resumedFrom, currentOwner());
  await state.lock.setRun(state.runId);
  const runId = state.runId;
  state.heartbeat = setInterval(() => void writeHeartbeat(sql, runId).catch(() => {}), HEARTBEAT_INTERVAL_MS);
  state.heartbeat.unref();
}

async function ingestOne(
  task: TaskWrapper,
  config: ResolvedConfig,
  source: SourceConfig,
  services: Services,
  state: RunState,
  options: IngestOptions,
  signal: AbortSignal,
) {
  const started = Date.now();
  const store = state.store!;
  if (signal.aborted) {
    state.outcomes.push({ name: source.name, parser: source.parser, status: 'interrupted', error: 'not started: the run was interrupted', durationMs: 0, stats: emptyStats() });
    task.skip(`${source.name}: not started (interrupted)`);
    return;
  }
  if (state.skip.has(source.name)) {
    await store.recordSource(state.runId!, source.name, 'resumed', {});
    state.outcomes.push({ name: source.name, parser: source.parser, status: 'resumed', durationMs: 0, stats: emptyStats() });
    task.skip(`${source.name}: completed by run ${state.resumedFrom}`);
    return;
  }
  const parser = services.registry.parser(source.parser)!.value;
  const parsedOptions = parser.optionsSchema.parse(source.options);
  const log = services.logger;
  const http = sourceHttp(parser, parsedOptions, source, services, store, log);
  let stats: SourceStats = emptyStats();
  try {
    const embedder = state.embedder!;
    const shapingKey = [
      `chunker:${CHUNKER_VERSION}`, config.chunking.maxTokens, config.chunking.overlapTokens, embeddingModelId(embedder),
      ...services.registry.enrichers().map((e) => `${e.name}@${e.version}`),
    ].join('|');
    stats = await ingestSource({
      parser,
      context: baseContext(source, parser, parsedOptions, config.dataDir, http, log, signal),
      store,
      embedder,
      embeddingModel: embeddingModelId(embedder),
      dimension: config.embedder.dimensions,
      enrichers: services.registry.enrichers(),
      chunk: (doc) => chunkDocument(doc, config.chunking, source.name),
      shapingKey,
      batchSize: config.embedder.batchSize,
      concurrency: config.embedder.concurrency,
      clean: options.clean ?? false,
      runId: state.runId!,
      onProgress: (s, p) => {
        stats = s;
        task.output = describeProgress(s, p, Date.now() - started);
      },
    });
    await store.recordSource(state.runId!, source.name, 'ok', { ...stats, skipped: stats.skipped.length, skipped_items: stats.skipped });
    state.outcomes.push({ name: source.name, parser: source.parser, status: 'ok', durationMs: Date.now() - started, stats });
    task.title = `${source.name}: ${describeProgress(stats, {})}`;
  } catch (error) {
    if (options.signal?.aborted) {
      // Ctrl-C: what was committed stays; the source is not complete, so `--resume` runs it again (unchanged documents are skipped).
      state.outcomes.push({ name: source.name, parser: source.parser, status: 'interrupted', error: 'interrupted', durationMs: Date.now() - started, stats });
      await store.recordSource(state.runId!, source.name, 'interrupted', { ...stats, skipped: stats.skipped.length }).catch(() => {});
      task.title = `${source.name}: interrupted after ${describeProgress(stats, {})}`;
      return;
    }
    const message = errorMessage(error);
    state.outcomes.push({ name: source.name, parser: source.parser, status: 'failed', error: message, durationMs: Date.now() - started, stats });
    await store.recordSource(state.runId!, source.name, 'failed', { ...stats, skipped: stats.skipped.length }, message).catch(() => {});
    throw new Error(`${source.name}: ${message}`, { cause: error });
  }
}
