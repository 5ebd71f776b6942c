import type { ResolvedConfig } from '../config/resolved-config.js';
import type { Services } from '../container.js';
import { ExitCode, errorMessage } from '../errors/bbj-error.js';
import type { LockWait } from '../store/store-lock.js';
import { embeddingModelId } from './create-embedder.js';
import { buildIndexes, ingestSourcePhase, openRun, preflight, threadable, type OpenRun, type RunContext } from './ingest-phases.js';
import type { RunListener } from './run-events.js';
import type { RunSummary, SourceOutcome } from './run-summary.js';
import { selectSources } from './select-sources.js';
import { ParseThreads } from '../pipeline/parse-threads.js';

/** How a run behaves (the `ingest` flags). */
export interface IngestOptions {
  /** `--source` names (empty = every enabled source). */
  sourceNames?: string[];
  /** `--clean`: re-ingest the selected sources from scratch. */
  clean?: boolean;
  /** `--resume`: skip sources the last interrupted run completed. */
  resume?: boolean;
  /** Stops the run (Ctrl-C): no new documents, the open transaction finishes, the run is recorded `interrupted`. */
  signal?: AbortSignal;
  /** `--wait`: how long to wait for another run's store lock, in ms (Infinity = as long as it takes); undefined = refuse at once. */
  waitMs?: number;
  /** Receives the run's events (phases, checks, source progress); the CLI displays them. */
  onEvent?: RunListener;
  /** @deprecated Ignored: the core has no display; pass `onEvent` and render in the caller. Kept so older callers compile. */
  renderer?: string;
}

/**
 * A whole run, phase by phase: `preflight` (every problem at once) -> `openRun` (lock,
 * migrations, run record) -> each source (`[run] source_concurrency` at once; a failed
 * source never stops the others) -> indexes. The phases are plain functions returning what
 * the next needs, so another driver (a queue worker) can run them without this function.
 */
export async function runIngest(config: ResolvedConfig, services: Services, options: IngestOptions = {}): Promise<RunSummary> {
  const started = Date.now();
  const sources = selectSources(config, options.sourceNames);
  const userSignal = options.signal ?? new AbortController().signal;
  const emit: RunListener = options.onEvent ?? (() => {});
  const ctx: RunContext = { config, services, emit };
  const wait: LockWait = { waitMs: options.waitMs, onWaiting: (holder) => emit({ type: 'lock-waiting', holder }), signal: userSignal };

  const checked = await phase(emit, 'validate', () => preflight(ctx, sources, userSignal, wait));
  const run = await phase(emit, 'prepare', () => openRun(ctx, checked, sources, { resume: options.resume, wait }));
  // Parse threads start when a source needs them (see ParseThreads); an unchanged re-run starts none.
  const threaded = sources.filter((s) => threadable(services, s.parser));
  const threads = ParseThreads.wanted(config.run.parseThreads) && services.parseWorker && threaded.length > 0
    ? new ParseThreads(services.parseWorker, ParseThreads.sizeFor(Math.min(threaded.length, config.run.sourceConcurrency)), [...new Set(threaded.map((s) => s.parser))])
    : undefined;

  // Sources stop when the user interrupts or the store lock is lost (then another writer may be running).
  const signal = AbortSignal.any([userSignal, run.lockLost]);
  let runError: string | undefined;
  let outcomes: SourceOutcome[] = [];
  try {
    emit({ type: 'phase-started', phase: 'ingest' });
    outcomes = await runSources(sources.length, config.run.sourceConcurrency, (i) =>
      // Ctrl-C stops gracefully (groups in flight are written); a lost lock stops at once.
      ingestSourcePhase(ctx, run, sources[i]!, { clean: options.clean, signal: run.lockLost, stop: userSignal, interrupted: () => userSignal.aborted, threads }),
    );
    emit({ type: 'phase-finished', phase: 'ingest', status: outcomes.some((o) => o.status === 'failed') ? 'failed' : 'ok' });
    if (run.lockLost.aborted) runError = errorMessage(run.lockLost.reason);
    await indexes(emit, run, signal, userSignal).catch((error: unknown) => (runError = errorMessage(error)));
  } catch (error) {
    runError = errorMessage(error);
  } finally {
    await threads?.close();
    const failed = runError !== undefined || outcomes.some((o) => o.status === 'failed');
    await run.close(userSignal.aborted ? 'interrupted' : failed ? 'failed' : 'completed', runError);
  }
  return summarize(config, run, outcomes, runError, userSignal.aborted, started);
}

/** Runs `count` sources, at most `concurrency` at once, starting them in file order; outcomes in file order. */
async function runSources(count: number, concurrency: number, runOne: (index: number) => Promise<SourceOutcome>): Promise<SourceOutcome[]> {
  const outcomes: SourceOutcome[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      outcomes[index] = await runOne(index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, worker));
  return outcomes;
}

async function indexes(emit: RunListener, run: OpenRun, signal: AbortSignal, userSignal: AbortSignal): Promise<void> {
  if (userSignal.aborted) {
    emit({ type: 'phase-finished', phase: 'indexes', status: 'skipped', detail: 'interrupted; the next run builds them' });
    return;
  }
  await phase(emit, 'indexes', async () => {
    signal.throwIfAborted();
    await buildIndexes(run);
  });
}

/** Runs a phase between its started/finished events. */
async function phase<T>(emit: RunListener, name: 'validate' | 'prepare' | 'indexes', work: () => Promise<T>): Promise<T> {
  emit({ type: 'phase-started', phase: name });
  try {
    const result = await work();
    emit({ type: 'phase-finished', phase: name, status: 'ok' });
    return result;
  } catch (error) {
    emit({ type: 'phase-finished', phase: name, status: 'failed', detail: errorMessage(error) });
    throw error;
  }
}

function summarize(config: ResolvedConfig, run: OpenRun, outcomes: SourceOutcome[], runError: string | undefined, interrupted: boolean, started: number): RunSummary {
  const failed = runError !== undefined || outcomes.some((o) => o.status === 'failed');
  return {
    runId: run.runId,
    resumedFrom: run.resumedFrom,
    status: interrupted ? 'interrupted' : failed ? 'failed' : 'completed',
    ...(runError ? { error: runError } : {}),
    config: config.configPath,
    store: run.sql.description,
    embedder: embeddingModelId(run.embedder),
    sources: outcomes,
    durationMs: Date.now() - started,
    exitCode: interrupted ? ExitCode.interrupted : failed ? ExitCode.sourceFailed : ExitCode.ok,
  };
}
