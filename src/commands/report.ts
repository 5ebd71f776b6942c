import { existsSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { commandContext } from '../cli/command-context.js';
import { configFlags } from '../cli/flags.js';
import { formatReport } from '../cli/report-format.js';
import { BbjError, ExitCode } from '../core/errors/bbj-error.js';
import { buildReport, type QualityReport } from '../core/report/index.js';
import { DOC_TYPES, LIFECYCLES } from '../plugins/bbj/vocabulary.js';

/** Exit code when the store was read but a quality property fails. */
const PROPERTY_FAILED = 1;
/** Lifecycle states in every spelling a rule or a parser could have used. */
const LIFECYCLE_LABELS = [...new Set(LIFECYCLES.flatMap((l) => [l, l.replace('_', '-'), l.replace('_', ' ')]))];

export default class Report extends BbjCommand {
  static override summary = 'Show what is in the store and whether its chunks meet the quality properties.';
  static override description = `Per source: documents and chunks by document type and by generation, the untagged share, a histogram of chunk token counts, chunks at and above the token limit, and the documents that produced no chunk (from the manifest and the last successful run).

Then PASS/FAIL for each quality property: no chunk above the limit unless marked as an unsplittable line, no heading-only chunk, no doc_type outside the vocabulary, no lifecycle label inside generations. Reads the store only.

Exit codes: 0 every property holds, 1 a property fails, 2 configuration or store error.`;
  static override examples = [
    '<%= config.bin %> report',
    '<%= config.bin %> report --source mdx-dwc --source flare',
    '<%= config.bin %> report --config examples/sample/sources.toml --json',
  ];
  static override flags = {
    ...configFlags,
    source: Flags.string({ char: 's', multiple: true, summary: 'Report only this source (repeatable); unknown names are an error.', helpValue: 'NAME' }),
    'max-tokens': Flags.integer({ min: 1, summary: 'Token limit to check against.', description: 'Default: [chunking] max_tokens of the config.', helpValue: 'N' }),
    samples: Flags.integer({ min: 0, default: 10, summary: 'Example chunks listed per source and finding.', helpValue: 'N' }),
  };

  async run(): Promise<QualityReport | undefined> {
    const { flags } = await this.parse(Report);
    return this.respond(flags.json, async () => {
      const { config, services } = await commandContext(this.config, flags);
      const { url, pglitePath } = config.database;
      if (!url && !existsSync(pglitePath)) {
        throw new BbjError(`There is no store at ${pglitePath} (the embedded store of ${config.configPath}).`, 'REPORT_NO_STORE', 'Run `bbj ingest all` first, or set DATABASE_URL / [database] to the store to report on.');
      }
      const sql = await services.openStore({ url, pglitePath });
      try {
        return await buildReport(sql, {
          sources: flags.source,
          maxTokens: flags['max-tokens'] ?? config.chunking.maxTokens,
          docTypes: DOC_TYPES,
          lifecycleLabels: LIFECYCLE_LABELS,
          untaggedLabel: 'untagged',
          sampleLimit: flags.samples,
        });
      } finally {
        await sql.close();
      }
    }, (report) => (report.ok ? ExitCode.ok : PROPERTY_FAILED), formatReport);
  }
}

