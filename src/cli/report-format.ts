import type { ChunkRef, LabelCount, QualityReport, SourceFigures } from '../core/report/index.js';
import { renderTable } from './table.js';

/** Items that produced no chunk listed per source in the text output (all are in `--json`). */
const ITEMS_SHOWN = 10;

const pct = (share: number) => `${(share * 100).toFixed(1)}%`;
const labelText = (label: string | null, empty: string) => (label === null ? '(none)' : label === '' ? empty : label);

/** One line of overview facts for a source or the totals. */
function headline(f: SourceFigures): string {
  const l = f.limit;
  const untagged = f.chunks > 0 && f.labelledChunks === 0 ? 'untagged n/a (no enricher set generations)' : `untagged ${pct(f.untagged.share)} (${f.untagged.chunks} chunks)`;
  return `${f.documents} documents, ${f.chunks} chunks, ${untagged}, largest ${l.largest} tokens, ${l.atLimit} at the limit, ${l.overLimit} above (${l.overLimitMarked} marked unsplittable)`;
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

/** The human result of `bbj report`: a table per source, totals, then PASS/FAIL per property. */
export function formatReport(report: QualityReport): string {
  const out = [``, `Store: ${report.store}   Token limit: ${report.maxTokens} (histogram buckets of ${report.bucketWidth})`];
  for (const s of report.sources) {
    out.push('', `== ${s.name}: ${headline(s)}`);
    if (s.enrichers.length) out.push(`  enrichers: ${s.enrichers.map((e) => `${e.names === null ? 'not recorded' : e.names.join(', ') || 'none'}${s.enrichers.length > 1 ? ` (${e.chunks} chunks)` : ''}`).join('; ')}`);
    out.push(figuresTable(s));
    out.push(...chunkLines('above the limit, not marked unsplittable', s.oversized.count, s.oversized.samples));
    out.push(...chunkLines('heading-only chunks', s.headingOnly.count, s.headingOnly.samples));
    out.push(...chunkLines('lifecycle labels in generations', s.lifecycleInGenerations.count, s.lifecycleInGenerations.samples));
    out.push(...chunkLines(`tiny chunks (${pct(s.chunks ? s.tinyChunks.count / s.chunks : 0)})`, s.tinyChunks.count, s.tinyChunks.samples));
    out.push(...chunkLines(`duplicate chunks (${pct(s.chunks ? s.duplicateChunks.count / s.chunks : 0)})`, s.duplicateChunks.count, s.duplicateChunks.samples));
    out.push(...chunkLines('markup leftovers', s.markupLeftovers.count, s.markupLeftovers.samples));
    out.push(...chunkLines('glued words', s.gluedWords.count, s.gluedWords.samples));
    out.push(...chunkLines('documents whose text did not reach their chunks', s.lostText.count, s.lostText.samples));
    out.push(...chunkLines('headings that read like prose', s.longHeadings.count, s.longHeadings.samples));
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
    const verdict = !p.checked ? 'SKIP' : !p.applies ? 'n/a ' : p.ok ? 'PASS' : 'FAIL';
    const where = p.offenders?.length ? `: ${p.offenders.map((o) => `${o.source} ${pct(o.share)}`).join(', ')}` : '';
    const failed = p.checked && !p.ok ? ` (${p.violations} ${p.id === 'no-lost-text' ? 'document(s)' : 'chunk(s)'}${where})` : '';
    // n/a: no enricher that sets these labels shaped the chunks (a source with `enrichers = []`).
    const notApplicable = !p.checked ? '' : !p.applies ? ' (no enricher that sets these labels ran)' : p.notApplicable?.length ? ` (n/a for ${p.notApplicable.join(', ')}: no enricher that sets these labels ran)` : '';
    out.push(`${verdict}  ${p.description}${failed}${notApplicable}`);
  }
  out.push('', report.ok ? 'Quality: PASS' : 'Quality: FAIL');
  return out.join('\n');
}
