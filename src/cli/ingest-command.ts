import { BbjCommand } from './base-command.js';
import { commandContext, interruptSignal, rendererFor } from './command-context.js';
import { formatSummary } from './summary-format.js';
import { runIngest } from '../core/runner/ingest-runner.js';
import type { RunSummary } from '../core/runner/run-summary.js';

/** Flags both ingest commands end up with. */
export interface IngestCommandFlags {
  config?: string;
  'data-dir'?: string;
  json: boolean;
  verbose: boolean;
  clean: boolean;
  resume: boolean;
}

/** Shared body of `ingest all` and `ingest source`: run, print the summary, set the exit code. */
export abstract class IngestCommand extends BbjCommand {
  protected async ingest(flags: IngestCommandFlags, sourceNames: string[]): Promise<RunSummary | undefined> {
    return this.respond(
      flags.json,
      async () => {
        const { config, services } = await commandContext(this.config, flags);
        return runIngest(config, services, { sourceNames, clean: flags.clean, resume: flags.resume, renderer: rendererFor(flags.json), signal: interruptSignal() });
      },
      (summary) => summary.exitCode,
      formatSummary,
    );
  }
}
