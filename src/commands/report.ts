import { existsSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { commandContext } from '../cli/command-context.js';
import { configFlags } from '../cli/flags.js';
import { formatReport } from '../cli/report-format.js';
import { BbjError, ExitCode } from '../core/errors/bbj-error.js';
import { buildReport, type QualityReport } from '../core/report/index.js';
import type { Enricher } from '../core/contracts/enricher.js';

/** Exit code when the store was read but a quality property fails. */
const PROPERTY_FAILED = 1;

export default class Report extends BbjCommand {
  static override summary = 'Show what is in the store and whether its chunks meet the quality properties.';
  static override description = `Per source: documents and chunks by document type and by generation, the untagged share, a histogram of chunk token counts, chunks at and above the token limit, and the documents that produced no chunk (from the manifest and the last successful run).

Then PASS/FAIL for each quality property: no chunk above the limit unless marked as an unsplittable line, no heading-only chunk, no doc_type outside the vocabulary, no lifecycle label inside generations (these two and the untagged share are judged only on chunks an enricher that sets doc types and generations shaped, such as the default "bbj"; elsewhere they show n/a). Reads the store only.

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
          ...labelChecks(services.registry.enrichers()),
          sampleLimit: flags.samples,
        });
      } finally {
        await sql.close();
      }
    }, (report) => (report.ok ? ExitCode.ok : PROPERTY_FAILED), formatReport);
  }
}

/**
 * The label vocabularies of the registered enrichers that declare them, judged only on chunks
 * those enrichers shaped. Chunks stored before enrichers were recorded per chunk were shaped by
 * the default enrichers.
 */
function labelChecks(enrichers: Enricher[]) {
  const labelling = enrichers.filter((e) => e.labels);
  const union = (pick: (e: Enricher) => readonly string[] | undefined) => {
    const lists = labelling.map(pick).filter((l): l is readonly string[] => l !== undefined);
    return lists.length ? [...new Set(lists.flat())] : undefined;
  };
  return {
    docTypes: union((e) => e.labels?.docTypes),
    lifecycleLabels: union((e) => e.labels?.lifecycleLabels),
    untaggedLabel: labelling.find((e) => e.labels?.untaggedLabel)?.labels?.untaggedLabel,
    labelScope: { enrichers: labelling.map((e) => e.name), unrecorded: enrichers.filter((e) => e.defaultForSources).map((e) => e.name) },
  };
}
