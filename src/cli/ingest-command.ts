import { BbjCommand } from './base-command.js';
import { commandContext, interruptSignal, type Interrupt } from './command-context.js';
import { normalizeWaitFlag, waitMs } from './flags.js';
import { createDisplay, displayMode } from './run-display.js';
import { formatSummary } from './summary-format.js';
import { runIngest } from '../core/runner/ingest-runner.js';
import { describeChecks } from '../core/runner/preflight-checks.js';
import type { RunSummary } from '../core/runner/run-summary.js';
import { selectSources } from '../core/runner/select-sources.js';

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

/** Shared body of `ingest all` and `ingest source`: run, show the events, print the summary, set the exit code. */
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
        const sources = selectSources(config, sourceNames);
        const display = await createDisplay(displayMode(flags.json), {
          checks: describeChecks(config, sources),
          sources: sources.map((s) => s.name),
          sourceConcurrency: config.run.sourceConcurrency,
          ingest: true,
        });
        try {
          return await runIngest(config, services, { sourceNames, clean: flags.clean, resume: flags.resume, signal: interrupt.signal, waitMs: wait, onEvent: display.listener });
        } finally {
          await display.close();
        }
      },
      (summary) => (summary.status === 'interrupted' ? (interrupt.exitCode() ?? summary.exitCode) : summary.exitCode),
      formatSummary,
    );
  }
}
