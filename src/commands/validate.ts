import { Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { commandContext } from '../cli/command-context.js';
import { createDisplay, displayMode } from '../cli/run-display.js';
import { configFlags } from '../cli/flags.js';
import { formatValidation } from '../cli/validation-format.js';
import { ExitCode } from '../core/errors/bbj-error.js';
import { describeChecks } from '../core/runner/preflight-checks.js';
import { selectSources } from '../core/runner/select-sources.js';
import { runValidate, type ValidationReport } from '../core/runner/validate-runner.js';

export default class Validate extends BbjCommand {
  static override summary = 'Run every preflight check (config, paths, database and pgvector, embedder and model) and write nothing.';
  static override description = `Reports every problem at once: unknown parser types, invalid options, missing paths, an unreachable database or one without pgvector, a stored vector dimension that differs from the embedder's, an unreachable embedder, a model that is not pulled, and plugins that failed to load. Exit code 0 when all is well, 2 otherwise.`;
  static override examples = ['<%= config.bin %> validate', '<%= config.bin %> validate --config examples/sample/sources.toml --json'];
  static override flags = {
    ...configFlags,
    source: Flags.string({ char: 's', multiple: true, summary: 'Check only this source (repeatable).', helpValue: 'NAME' }),
  };

  async run(): Promise<ValidationReport | undefined> {
    const { flags } = await this.parse(Validate);
    return this.respond(
      flags.json,
      async () => {
        // One pass: problems of the file itself are listed with everything the checks find.
        const { config, services } = await commandContext(this.config, flags, { collectProblems: true });
        const sources = selectSources(config, flags.source);
        const display = await createDisplay(displayMode(flags.json), { checks: describeChecks(config, sources), sources: [], sourceConcurrency: 1, ingest: false });
        try {
          return await runValidate(config, services, { sourceNames: flags.source, onEvent: display.listener });
        } finally {
          await display.close();
        }
      },
      (report) => (report.ok ? ExitCode.ok : ExitCode.invalid),
      formatValidation,
    );
  }
}
