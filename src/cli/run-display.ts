import type { RunListener } from '../core/runner/run-events.js';
import { describeHolder } from '../core/store/store-lock.js';
import { LogDisplay } from './log-display.js';
import type { TreePlan } from './tree-display.js';

/** How run events are shown: a task tree on a terminal, log lines in pipes and CI, nothing with `--json`. */
export type DisplayMode = 'tree' | 'log' | 'silent';

/** A display of one run's events. */
export interface RunDisplay {
  /** Pass as `onEvent` to the core. */
  listener: RunListener;
  /** Ends the display (before the summary is printed). */
  close(): Promise<void>;
}

/** Silent for JSON, log lines when stdout is not a terminal (CI logs), the animated tree otherwise. */
export function displayMode(json: boolean): DisplayMode {
  if (json) return 'silent';
  return process.stdout.isTTY ? 'tree' : 'log';
}

/**
 * Creates the display for a mode. Waiting for another run's lock is told on stderr even with `--json`.
 * The task tree (listr2) is imported only for a terminal: pipes, CI and `--json` never load it.
 */
export async function createDisplay(mode: DisplayMode, plan: TreePlan): Promise<RunDisplay> {
  if (mode === 'tree') {
    const { TreeDisplay } = await import('./tree-display.js');
    const tree = new TreeDisplay(plan);
    return { listener: tree.listener, close: () => tree.close() };
  }
  if (mode === 'log') {
    const log = new LogDisplay((line) => process.stdout.write(`${line}\n`));
    return { listener: log.listener, close: async () => {} };
  }
  return {
    listener: (event) => {
      if (event.type === 'lock-waiting') process.stderr.write(`The store is being written by ${describeHolder(event.holder)}; waiting...\n`);
    },
    close: async () => {},
  };
}
