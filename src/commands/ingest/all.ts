import { Flags } from '@oclif/core';
import { ingestFlags } from '../../cli/flags.js';
import { IngestCommand } from '../../cli/ingest-command.js';
import type { RunSummary } from '../../core/runner/run-summary.js';

export default class IngestAll extends IngestCommand {
  static override summary = 'Ingest every enabled source of sources.toml: parse, chunk, embed, store.';
  static override description = `Validation runs first and reports every problem before anything is written. Then each source runs as its own task; a failed source never stops the others. Unchanged documents are skipped before embedding, edited documents replace their chunks, and documents gone from a source are deleted at the end of its run.

Exit codes: 0 every source succeeded, 1 a source failed, 2 configuration or validation error.`;
  static override examples = [
    '<%= config.bin %> ingest all',
    '<%= config.bin %> ingest all --config examples/sample/sources.toml',
    '<%= config.bin %> ingest all --source mdx-dwc --source flare --resume',
    'DATABASE_URL=postgresql://user:pass@db/rag OLLAMA_HOST=http://gpu:11434 <%= config.bin %> ingest all --json',
  ];
  static override flags = {
    ...ingestFlags,
    source: Flags.string({ char: 's', multiple: true, summary: 'Ingest only this source (repeatable); unknown names are an error.', helpValue: 'NAME' }),
  };

  async run(): Promise<RunSummary | undefined> {
    const { flags } = await this.parse(IngestAll);
    return this.ingest(flags, flags.source ?? []);
  }
}
