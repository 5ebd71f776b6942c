import { Listr, type ListrTaskWrapper } from 'listr2';
import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import { ExitCode, ValidationError, errorMessage } from '../errors/bbj-error.js';
import { CHUNKER_VERSION, chunkDocument } from '../chunking/index.js';
import { ingestSource } from '../pipeline/ingest-source.js';
import { emptyStats, type SourceStats } from '../pipeline/source-stats.js';
import { ChunkStore } from '../store/chunk-store.js';
import type { SqlClient } from '../store/sql-client.js';
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
}

// listr2's wrapper generics depend on the renderer chosen at run time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TaskWrapper = ListrTaskWrapper<any, any, any>;

interface RunState {
  issues: string[];
  sql?: SqlClient;
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
  const signal = options.signal ?? new AbortController().signal;
  const state: RunState = { issues: [], skip: new Set(), outcomes: [] };
  const renderer = options.renderer ?? 'default';

  try {
    await new Listr(
      [
        {
          title: 'Validate',
          task: (_ctx, task) =>
            task.newListr(
              preflightTasks(config, sources, services, signal, state.issues, {
                openStore: () => services.openStore({ url: config.database.url, pglitePath: config.database.pglitePath }),
                // Kept open: the run uses the store it checked.
                storeChecked: async (sql) => void (state.sql = sql),
                embedderChecked: (embedder) => void (state.embedder = embedder),
              }),
              { concurrent: true, exitOnError: false },
            ),
        },
        { title: 'Prepare store', task: async (_ctx, task) => prepareStore(task, config, sources, state, options) },
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
        { title: 'Build search indexes', task: async () => state.store!.ensurePostLoadIndexes() },
      ],
      { renderer, fallbackRenderer: 'simple', exitOnError: true, rendererOptions: { collapseSubtasks: false } as never },
    ).run();
  } catch (error) {
    if (state.issues.length) throw new ValidationError(state.issues);
    // A failed source fails its own task only; anything else is the run failing.
    if (!hasFailure(state)) throw error;
  } finally {
    const failed = hasFailure(state);
    if (state.runId !== undefined && !signal.aborted) await state.store!.finishRun(state.runId, failed ? 'failed' : 'completed').catch(() => {});
    await state.sql?.close().catch(() => {});
  }

  const failed = hasFailure(state);
  return {
    runId: state.runId!,
    resumedFrom: state.resumedFrom,
    status: failed ? 'failed' : 'completed',
    config: config.configPath,
    store: state.sql?.description ?? '',
    embedder: state.embedder ? embeddingModelId(state.embedder) : config.embedder.provider,
    sources: state.outcomes,
    durationMs: Date.now() - started,
    exitCode: failed ? ExitCode.sourceFailed : ExitCode.ok,
  };
}

function hasFailure(state: RunState): boolean {
  return state.outcomes.some((o) => o.status === 'failed');
}

async function prepareStore(task: TaskWrapper, config: ResolvedConfig, sources: SourceConfig[], state: RunState, options: IngestOptions) {
  // Validation subtasks run with exitOnError: false so every problem is collected; stop here if any was found.
  if (state.issues.length) throw new ValidationError(state.issues);
  const store = new ChunkStore(state.sql!);
  state.store = store;
  await store.migrate(config.embedder.dimensions, embeddingModelId(state.embedder!));
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
  state.runId = await store.createRun(sources.map((s) => s.name), state.resumedFrom);
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
    const message = errorMessage(error);
    state.outcomes.push({ name: source.name, parser: source.parser, status: 'failed', error: message, durationMs: Date.now() - started, stats });
    await store.recordSource(state.runId!, source.name, 'failed', { ...stats, skipped: stats.skipped.length }, message).catch(() => {});
    throw new Error(`${source.name}: ${message}`, { cause: error });
  }
}
