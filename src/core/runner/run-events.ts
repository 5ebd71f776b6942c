import type { ParserProgress } from '../contracts/parser.js';
import type { SourceStats } from '../pipeline/source-stats.js';
import type { LockHolder } from '../store/store-lock.js';
import type { SourceOutcome } from './run-summary.js';

/** The phases of a run, in order. */
export type RunPhase = 'validate' | 'prepare' | 'ingest' | 'indexes';

/**
 * What the run engine tells its driver. The core has no terminal code: the CLI turns these
 * into a task tree or log lines, a queue worker could turn them into job updates.
 */
export type RunEvent =
  /** A phase began. */
  | { type: 'phase-started'; phase: RunPhase }
  /** A phase ended: `failed` with the reason, `skipped` (e.g. interrupted) with why. */
  | { type: 'phase-finished'; phase: RunPhase; status: 'ok' | 'failed' | 'skipped'; detail?: string }
  /** One preflight check began (`id` from `preflightChecks`). */
  | { type: 'check-started'; id: string; title: string }
  /** One preflight check ended with the problems it found (empty = fine). */
  | { type: 'check-finished'; id: string; title: string; issues: string[] }
  /** The store is being written by another run and this one waits (`--wait`). */
  | { type: 'lock-waiting'; holder: LockHolder }
  /** Something the user should know that is not a problem (stale runs marked, resuming). */
  | { type: 'notice'; phase: RunPhase; message: string }
  /** A source began. */
  | { type: 'source-started'; source: string; parser: string }
  /** A source's counters changed (after every flush and on parser progress). */
  | { type: 'source-progress'; source: string; stats: SourceStats; parser: ParserProgress; elapsedMs: number }
  /** A source ended (ok, failed, interrupted, or skipped because a resumed run completed it). */
  | { type: 'source-finished'; outcome: SourceOutcome };

/** Receives run events; must not throw or block. */
export type RunListener = (event: RunEvent) => void;
