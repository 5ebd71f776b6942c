import { Listr, type ListrTask } from 'listr2';
import type { RunEvent, RunPhase } from '../core/runner/run-events.js';
import { describeHolder } from '../core/store/store-lock.js';
import { PHASE_TITLES } from './log-display.js';
import { currentLabel, type LabelState } from './phase-label.js';
import { describeProgress } from './progress-text.js';

/** How a task of the tree ends. */
type Ending = { status: 'ok'; title?: string } | { status: 'failed'; message: string } | { status: 'skipped'; message: string };

/** A task that waits for the event that ends it and shows the events in between. */
class Slot {
  private resolve!: (ending: Ending) => void;
  readonly ended = new Promise<Ending>((r) => (this.resolve = r));
  output?: (text: string) => void;
  finish(ending: Ending): void {
    this.resolve(ending);
  }
}

/** What the tree shows: the checks of the preflight and the sources, known before the run starts. */
export interface TreePlan {
  /** Preflight checks (id, title). */
  checks: { id: string; title: string }[];
  /** Sources in file order. */
  sources: string[];
  /** Sources at once (the Ingest tasks run side by side). */
  sourceConcurrency: number;
  /** Whether the run has the prepare/ingest/indexes phases (ingest) or only validation. */
  ingest: boolean;
}

/**
 * Run events as a listr2 task tree on a terminal: Validate (checks side by side), Prepare
 * store, Ingest (sources side by side), Build search indexes. Each task waits for the event
 * that ends it; the run itself happens in the core. listr2's own signal handling is off:
 * the CLI handles Ctrl-C.
 */
export class TreeDisplay {
  private readonly slots = new Map<string, Slot>();
  private readonly labels = new Map<string, LabelState>();
  private readonly done: Promise<void>;

  constructor(plan: TreePlan) {
    const slot = (key: string) => {
      const s = new Slot();
      this.slots.set(key, s);
      return s;
    };
    const task = (key: string, title: string): ListrTask => {
      const s = slot(key);
      return {
        title,
        task: async (_ctx, t) => {
          s.output = (text) => (t.output = text);
          const ending = await s.ended;
          if (ending.status === 'skipped') return t.skip(`${title}: ${ending.message}`);
          if (ending.status === 'failed') throw new Error(ending.message);
          if (ending.title) t.title = ending.title;
        },
      };
    };
    const phase = (name: RunPhase, children?: { tasks: ListrTask[]; concurrent: number | boolean }): ListrTask => {
      const own = task(`phase:${name}`, PHASE_TITLES[name]);
      if (!children) return own;
      return {
        title: PHASE_TITLES[name],
        task: (_ctx, t) => {
          const s = this.slots.get(`phase:${name}`)!;
          s.output = (text) => (t.output = text);
          return t.newListr(children.tasks, { concurrent: children.concurrent, exitOnError: false });
        },
      };
    };
    const tasks: ListrTask[] = [phase('validate', { tasks: plan.checks.map((c) => task(`check:${c.id}`, c.title)), concurrent: true })];
    if (plan.ingest) {
      tasks.push(
        phase('prepare'),
        phase('ingest', { tasks: plan.sources.map((name) => task(`source:${name}`, name)), concurrent: plan.sourceConcurrency }),
        phase('indexes'),
      );
    }
    this.done = new Listr(tasks, {
      renderer: 'default',
      exitOnError: true,
      registerSignalListeners: false,
      rendererOptions: { collapseSubtasks: false, collapseSkips: false },
    })
      .run()
      .then(
        () => undefined,
        () => undefined,
      );
  }

  readonly listener = (event: RunEvent): void => {
    switch (event.type) {
      case 'phase-finished':
        // A phase with children ends when they do; one without ends here. Problems are listed once, after the tree.
        if (event.status === 'skipped') this.end(`phase:${event.phase}`, { status: 'skipped', message: event.detail ?? 'skipped' });
        else if (event.status === 'failed') this.end(`phase:${event.phase}`, { status: 'failed', message: event.phase === 'validate' ? 'see the problems below' : (event.detail ?? 'failed') });
        else this.end(`phase:${event.phase}`, { status: 'ok' });
        break;
      case 'check-finished':
        this.end(`check:${event.id}`, event.issues.length ? { status: 'failed', message: `${event.issues.length} problem(s), listed below` } : { status: 'ok' });
        break;
      case 'lock-waiting':
        this.slots.get('phase:validate')?.output?.(`the store is being written by ${describeHolder(event.holder)}; waiting`);
        this.slots.get('phase:prepare')?.output?.(`the store is being written by ${describeHolder(event.holder)}; waiting`);
        break;
      case 'notice':
        this.slots.get(`phase:${event.phase}`)?.output?.(event.message);
        break;
      case 'source-progress': {
        const state = this.labels.get(event.source) ?? {};
        this.labels.set(event.source, state);
        this.slots.get(`source:${event.source}`)?.output?.(describeProgress(event.stats, { ...event.parser, message: currentLabel(state, event.stats, event.parser) }, event.elapsedMs));
        break;
      }
      case 'source-finished': {
        const o = event.outcome;
        const key = `source:${o.name}`;
        if (o.status === 'ok') this.end(key, { status: 'ok', title: `${o.name}: ${describeProgress(o.stats, {})}` });
        else if (o.status === 'failed') this.end(key, { status: 'failed', message: `${o.name}: ${o.error}` });
        else if (o.status === 'resumed') this.end(key, { status: 'skipped', message: o.error ?? 'completed by the resumed run' });
        else this.end(key, { status: 'skipped', message: o.durationMs ? `interrupted after ${describeProgress(o.stats, {})}` : 'not started (interrupted)' });
        break;
      }
      default:
        break;
    }
  };

  /** Ends every task still waiting (the run stopped early) and waits for the renderer to finish. */
  async close(): Promise<void> {
    for (const slot of this.slots.values()) slot.finish({ status: 'skipped', message: 'not reached' });
    await this.done;
  }

  private end(key: string, ending: Ending): void {
    this.slots.get(key)?.finish(ending);
  }
}
