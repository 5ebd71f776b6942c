import { describeProgress } from './progress-text.js';
import type { RunEvent, RunPhase } from '../core/runner/run-events.js';
import { describeHolder } from '../core/store/store-lock.js';
import { currentLabel, type LabelState } from './phase-label.js';

/** Phase titles, shared with the task tree. */
export const PHASE_TITLES: Record<RunPhase, string> = {
  validate: 'Validate',
  prepare: 'Prepare store',
  ingest: 'Ingest',
  indexes: 'Build search indexes',
};

/** Least time between two progress lines of one source in a log. */
export const LOG_INTERVAL_MS = 10_000;

interface SourceLog extends LabelState {
  lastLineAt: number;
  committed: boolean;
  pending?: string;
}

/**
 * Run events as plain log lines, for CI logs and pipes (no TTY): a line when a phase or
 * source starts and ends, and at most one progress line per source every 10 s (plus one
 * when its first chunks are stored), instead of a line per tick. Uses the task tree's
 * symbols (❯ started, › progress, ✔ done, ✖ failed, ↓ skipped).
 */
export class LogDisplay {
  private readonly sources = new Map<string, SourceLog>();

  constructor(
    private readonly write: (line: string) => void,
    private readonly now: () => number = Date.now,
  ) {}

  readonly listener = (event: RunEvent): void => {
    switch (event.type) {
      case 'phase-started':
        // Validate lists its checks; Ingest its sources: their own lines say more than the phase's.
        this.write(`❯ ${PHASE_TITLES[event.phase]}`);
        break;
      case 'phase-finished': {
        const mark = event.status === 'ok' ? '✔' : event.status === 'skipped' ? '↓' : '✖';
        // Failures are listed once, at the end; here only that the phase failed.
        const detail = event.status === 'skipped' && event.detail ? ` (${event.detail})` : '';
        this.write(`${mark} ${PHASE_TITLES[event.phase]}${detail}`);
        break;
      }
      case 'check-finished':
        this.write(`${event.issues.length ? '✖' : '✔'} ${event.title}${event.issues.length ? `: ${event.issues.length} problem(s), listed below` : ''}`);
        break;
      case 'lock-waiting':
        this.write(`› the store is being written by ${describeHolder(event.holder)}; waiting`);
        break;
      case 'notice':
        this.write(`› ${event.message}`);
        break;
      case 'source-started':
        this.sources.set(event.source, { lastLineAt: this.now(), committed: false });
        this.write(`❯ ${event.source}`);
        break;
      case 'source-progress': {
        const state = this.sources.get(event.source) ?? { lastLineAt: this.now(), committed: false };
        this.sources.set(event.source, state);
        const text = describeProgress(event.stats, { ...event.parser, message: currentLabel(state, event.stats, event.parser) }, event.elapsedMs);
        const firstCommit = !state.committed && event.stats.chunksNew + event.stats.chunksUnchanged > 0;
        if (firstCommit || this.now() - state.lastLineAt >= LOG_INTERVAL_MS) {
          state.committed ||= firstCommit;
          state.lastLineAt = this.now();
          this.write(`› ${event.source}: ${text}`);
        }
        break;
      }
      case 'source-finished': {
        const o = event.outcome;
        this.sources.delete(o.name);
        const text = describeProgress(o.stats, {});
        if (o.status === 'ok') this.write(`✔ ${o.name}: ${text}`);
        else if (o.status === 'resumed') this.write(`↓ ${o.name}: ${o.error ?? 'completed by the resumed run'}`);
        else if (o.status === 'interrupted') this.write(`↓ ${o.name}: ${o.durationMs ? `interrupted after ${text}` : 'not started (interrupted)'}`);
        else this.write(`✖ ${o.name}: ${o.error}`);
        break;
      }
      default:
        break;
    }
  };
}
