import type { SourceStats } from '../pipeline/source-stats.js';

/** Outcome of one source in a run. */
export interface SourceOutcome {
  /** Source name. */
  name: string;
  /** Parser type. */
  parser: string;
  /** `ok`, `failed`, `interrupted` (Ctrl-C / SIGTERM: stopped or not started), or `resumed` (completed by the run being resumed, not run again). */
  status: 'ok' | 'failed' | 'interrupted' | 'resumed';
  /** Why it failed. */
  error?: string;
  /** Wall time in milliseconds. */
  durationMs: number;
  /** Counters. */
  stats: SourceStats;
}

/** What `bbj ingest` reports, as a table or as `--json` (a documented contract). */
export interface RunSummary {
  /** Run id in the `runs` table. */
  runId: number;
  /** Run id this run resumed, if any. */
  resumedFrom?: number;
  /** `completed` when every source is ok; `failed` when a source or the run failed; `interrupted` after Ctrl-C / SIGTERM. */
  status: 'completed' | 'failed' | 'interrupted';
  /** Why the run itself failed (not a source: e.g. the index build or a lost store lock). */
  error?: string;
  /** Config file used. */
  config: string;
  /** Store, with any password masked. */
  store: string;
  /** `provider:model`. */
  embedder: string;
  /** Per-source outcomes in run order. */
  sources: SourceOutcome[];
  /** Total wall time in milliseconds. */
  durationMs: number;
  /** Process exit code (0 ok, 1 a source or the run failed, 130 / 143 interrupted by SIGINT / SIGTERM). */
  exitCode: number;
}
