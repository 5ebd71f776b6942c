import { BbjCommand } from './base-command.js';
import { commandContext, interruptSignal, rendererFor, type Interrupt } from './command-context.js';
import { normalizeWaitFlag, waitMs } from './flags.js';
import { formatSummary } from './summary-format.js';
import { runIngest } from '../core/runner/ingest-runner.js';
import type { RunSummary } from '../core/runner/run-summary.js';
import { describeHolder } from '../core/store/store-lock.js';

/** Flags both ingest commands end up with. */
export interface IngestCommandFlags {
  config?: string;
  'data-dir'?: string;
  json: boolean;
  verbose: boolean;
  clean: boolean;
  resume: boolean;
  wait?: string;
}

/** Shared body of `ingest all` and `ingest source`: run, print the summary, set the exit code. */
export abstract class IngestCommand extends BbjCommand {
  override async init(): Promise<void> {
    this.argv = normalizeWaitFlag(this.argv);
    await super.init();
  }

  protected async ingest(flags: IngestCommandFlags, sourceNames: string[]): Promise<RunSummary | undefined> {
    const interrupt = interruptSignal();
    try {
      return await this.runWith(flags, sourceNames, interrupt);
    } finally {
      interrupt.dispose();
    }
  }

  private async runWith(flags: IngestCommandFlags, sourceNames: string[], interrupt: Interrupt): Promise<RunSummary | undefined> {
    return this.respond(
      flags.json,
      async () => {
        const wait = waitMs(flags.wait);
        const { config, services } = await commandContext(this.config, flags);
        return runIngest(config, services, {
          sourceNames,
          clean: flags.clean,
          resume: flags.resume,
          renderer: rendererFor(flags.json),
          signal: interrupt.signal,
          waitMs: wait,
          onLockWait: (holder) => process.stderr.write(`The store is being written by ${describeHolder(holder)}; waiting${wait === Infinity ? '' : ` up to ${Math.round(wait! / 1000)} s`}...\n`),
        });
      },
      (summary) => (summary.status === 'interrupted' ? (interrupt.exitCode() ?? summary.exitCode) : summary.exitCode),
      formatSummary,
    );
  }
}
