import { Args } from '@oclif/core';
import { ingestFlags } from '../../cli/flags.js';
import { IngestCommand } from '../../cli/ingest-command.js';
import type { RunSummary } from '../../core/runner/run-summary.js';

export default class IngestSource extends IngestCommand {
  static override summary = 'Ingest one source of sources.toml by name (even when it is disabled).';
  static override description = 'Same behaviour and exit codes as `bbj ingest all`, for a single source.';
  static override examples = ['<%= config.bin %> ingest source mdx-dwc', '<%= config.bin %> ingest source flare --clean'];
  static override args = { name: Args.string({ required: true, description: 'Source name from sources.toml.' }) };
  static override flags = ingestFlags;

  async run(): Promise<RunSummary | undefined> {
    const { args, flags } = await this.parse(IngestSource);
    return this.ingest(flags, [args.name]);
  }
}
