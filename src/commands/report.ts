import { existsSync } from 'node:fs';
import { Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { commandContext } from '../cli/command-context.js';
import { configFlags } from '../cli/flags.js';
import { renderTable } from '../cli/table.js';
import { BbjError, ExitCode } from '../core/errors/bbj-error.js';
import { buildReport, type ChunkRef, type LabelCount, type QualityReport, type SourceFigures } from '../core/report/index.js';
import { DOC_TYPES, LIFECYCLES } from '../plugins/bbj/vocabulary.js';

/** Exit code when the store was read but a quality property fails. */
const PROPERTY_FAILED = 1;
/** Items that produced no chunk listed per source in the text output (all are in `--json`). */
const ITEMS_SHOWN = 10;
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
    try {
      const { config, services } = await commandContext(this.config, flags);
      const { url, pglitePath } = config.database;
      if (!url && !existsSync(pglitePath)) {
        throw new BbjError(`There is no store at ${pglitePath} (the embedded store of ${config.configPath}).`, 'REPORT_NO_STORE', 'Run `bbj ingest all` first, or set DATABASE_URL / [database] to the store to report on.');
      }
      const sql = await services.openStore({ url, pglitePath });
      let report: QualityReport;
      try {
        report = await buildReport(sql, {
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
      process.exitCode = report.ok ? ExitCode.ok : PROPERTY_FAILED;
      if (flags.json) this.printJson(report);
      else this.log(formatReport(report));
      return report;
    } catch (error) {
      this.handleError(error, flags.json);
      return undefined;
    }
  }
}

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const labelText = (label: string | null, empty: string) => (label === null ? '(none)' : label === '' ? empty : label);

/** One line of overview facts for a source or the totals. */
function headline(f: SourceFigures): string {
  const l = f.limit;
  return `${f.documents} documents, ${f.chunks} chunks, untagged ${pct(f.untagged.share)} (${f.untagged.chunks} chunks), largest ${l.largest} tokens, ${l.atLimit} at the limit, ${l.overLimit} above (${l.overLimitMarked} marked unsplittable)`;
}

/** Doc types, generations and the histogram side by side: one compact table. */
function figuresTable(f: SourceFigures): string {
  const counts = (list: LabelCount[], empty: string) => list.map((d) => [labelText(d.label, empty), String(d.documents), String(d.chunks)]);
  const columns = [counts(f.byDocType, '(empty)'), counts(f.byGeneration, '(empty)'), f.histogram.map((b) => [b.label, String(b.chunks)])];
  const height = Math.max(...columns.map((c) => c.length));
  const rows = Array.from({ length: height }, (_, i) => [...(columns[0][i] ?? ['', '', '']), ...(columns[1][i] ?? ['', '', '']), ...(columns[2][i] ?? ['', ''])]);
  return renderTable(['doc_type', 'docs', 'chunks', 'generation', 'docs', 'chunks', 'tokens', 'chunks'], rows);
}

function chunkLines(title: string, count: number, samples: ChunkRef[]): string[] {
  if (count === 0) return [];
  const lines = [`  ${title}: ${count}`];
  for (const s of samples) lines.push(`    - ${s.sourceUrl} #${s.chunkIndex} (${s.tokenCount} tokens): ${s.detail.replace(/\s+/g, ' ')}`);
  if (count > samples.length) lines.push(`    ... and ${count - samples.length} more`);
  return lines;
}

/** The human report: a table per source, the totals, then PASS/FAIL per property. */
function formatReport(report: QualityReport): string {
  const out = [``, `Store: ${report.store}   Token limit: ${report.maxTokens} (histogram buckets of ${report.bucketWidth})`];
  for (const s of report.sources) {
    out.push('', `== ${s.name}: ${headline(s)}`, figuresTable(s));
    out.push(...chunkLines('above the limit, not marked unsplittable', s.oversized.count, s.oversized.samples));
    out.push(...chunkLines('heading-only chunks', s.headingOnly.count, s.headingOnly.samples));
    out.push(...chunkLines('lifecycle labels in generations', s.lifecycleInGenerations.count, s.lifecycleInGenerations.samples));
    for (const d of s.unknownDocTypes) out.push(`  doc_type outside the vocabulary: ${labelText(d.label, '(empty)')} (${d.documents} documents, ${d.chunks} chunks)`);
    const none = [...s.emptyDocuments, ...s.skipped.items];
    const noneCount = s.emptyDocuments.length + s.skipped.count;
    if (noneCount) {
      out.push(`  produced no chunks: ${noneCount}${s.skipped.runId !== null ? ` (run ${s.skipped.runId})` : ''}`);
      for (const item of none.slice(0, ITEMS_SHOWN)) out.push(`    - ${item.item}: ${item.reason}`);
      if (noneCount > Math.min(none.length, ITEMS_SHOWN)) out.push(`    ... and ${noneCount - Math.min(none.length, ITEMS_SHOWN)} more${s.skipped.itemsRecorded ? ' (see --json)' : ' (that run recorded only the count)'}`);
    }
  }
  out.push('', `== Totals over ${report.sources.length} source(s): ${headline(report.totals)}`, figuresTable(report.totals), '');
  for (const p of report.properties) {
    const verdict = !p.checked ? 'SKIP' : p.ok ? 'PASS' : 'FAIL';
    out.push(`${verdict}  ${p.description}${p.checked && !p.ok ? ` (${p.violations} chunk(s))` : ''}`);
  }
  out.push('', report.ok ? 'Quality: PASS' : 'Quality: FAIL');
  return out.join('\n');
}
