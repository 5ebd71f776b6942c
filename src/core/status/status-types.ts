import type { SourceStats } from '../pipeline/source-stats.js';
import type { SkippedSummary } from '../report/report-types.js';

/** Counters of one source in one run (from the run's recorded stats, where skipped items are a count). */
export type RunCounts = Pick<
  SourceStats,
  'documents' | 'documentsChanged' | 'documentsUnchanged' | 'documentsDeleted' | 'chunksNew' | 'chunksUnchanged' | 'chunksDeleted' | 'embedCalls'
> & { skipped: number };

/** The latest run that included a source. */
export interface SourceRunStatus {
  /** Run id. */
  runId: number;
  /** The source's outcome: `ok`, `failed`, `resumed` (done by an earlier run), or `unfinished` (no outcome recorded). */
  status: string;
  /** The whole run's status (`running`, `completed`, `failed`, `interrupted`, ...). */
  runStatus: string;
  /** When the run started (ISO). */
  startedAt: string;
  /** When the source finished (ISO), if it did. */
  finishedAt: string | null;
  /** From the source's own start (or the run's start when not recorded) to its end. */
  durationMs: number | null;
  /** Counters, when the run recorded them. */
  counts: RunCounts | null;
  /** Failure message, if it failed. */
  error: string | null;
}

/** One source as the store and the config know it. */
export interface SourceStatus {
  /** Source name. */
  name: string;
  /** Whether the config lists it (a stored source may have been removed from the config). */
  configured: boolean;
  /** Documents in the manifest. */
  documents: number;
  /** Chunks stored. */
  chunks: number;
  /** The latest run that included it. */
  lastRun: SourceRunStatus | null;
  /** What that run skipped, with reasons. */
  skipped: SkippedSummary;
}

/** A run whose record still says `running`. */
export interface OpenRun {
  /** Run id. */
  id: number;
  /** When it started (ISO). */
  startedAt: string;
  /** Sources it was asked to ingest. */
  sources: string[];
  /** Host and pid of its process, when the store records them. */
  host: string | null;
  pid: number | null;
  /** Last sign of life (ISO), when the store records heartbeats. */
  heartbeatAt: string | null;
  /** `crashed` when its process is known to be gone, `active` when known alive, else `unknown`. */
  state: 'crashed' | 'active' | 'unknown';
}

/** What `bbj status` shows. */
export interface StoreStatus {
  /** Masked URL or `pglite:` path. */
  store: string;
  /** Backend kind. */
  backend: 'postgres' | 'pglite';
  /** Applied schema version (0 = nothing ingested yet). */
  schemaVersion: number;
  /** Schema version this bbj-rag writes. */
  latestSchemaVersion: number;
  /** Model and vector size of the stored embeddings. */
  embedding: { model: string | null; dimension: number | null };
  /** Documents and chunks over every source. */
  totals: { documents: number; chunks: number };
  /** Per source, in name order. */
  sources: SourceStatus[];
  /** Runs still marked `running`: crashed ones, or one in progress on a server store. */
  openRuns: OpenRun[];
}

/** How `readStatus` decides whether the process of an open run is alive. */
export interface StatusEnvironment {
  /** This machine's host name. */
  hostname: string;
  /** Whether a pid on this machine is alive. */
  isAlive: (pid: number) => boolean;
  /** A heartbeat older than this means the run's process is gone. */
  heartbeatStaleMs: number;
}
