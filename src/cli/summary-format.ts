import type { RunSummary, SourceOutcome } from '../core/runner/run-summary.js';
import { formatDuration, renderTable } from './table.js';

/** Most skipped items listed per source in the table (all are in `--json`). */
const SKIPPED_SHOWN = 10;

function statusText(s: SourceOutcome): string {
  if (s.status === 'failed') return `FAILED: ${s.error}`;
  if (s.status === 'resumed') return 'skipped (done in resumed run)';
  if (s.status === 'interrupted') return s.durationMs ? 'interrupted' : 'not started (interrupted)';
  return 'ok';
}

/**
 * The human summary printed at the end of every ingest run. Documents and chunks have
 * separate columns, and "embedded" counts the texts sent to the embedder, so a re-embed
 * (new model, --clean) is visible even when every chunk's text is unchanged.
 */
export function formatSummary(summary: RunSummary): string {
  const rows = summary.sources.map((s) => [
    s.name,
    s.parser,
    String(s.stats.documents),
    String(s.stats.documentsChanged),
    String(s.stats.documentsUnchanged),
    String(s.stats.documentsDeleted),
    String(s.stats.skipped.length),
    String(s.stats.chunksNew),
    String(s.stats.chunksUnchanged),
    String(s.stats.chunksDeleted),
    String(s.stats.textsEmbedded),
    formatDuration(s.durationMs),
    statusText(s),
  ]);
  const out = [
    '',
    renderTable(['source', 'parser', 'docs', 'docs changed', 'docs unchanged', 'docs deleted', 'skipped', 'chunks new', 'chunks unchanged', 'chunks deleted', 'embedded', 'time', 'status'], rows),
    '',
  ];
  for (const s of summary.sources.filter((x) => x.stats.skipped.length)) {
    out.push(`${s.name}: ${s.stats.skipped.length} item(s) skipped:`);
    for (const item of s.stats.skipped.slice(0, SKIPPED_SHOWN)) out.push(`  - ${item.item}: ${item.reason}`);
    if (s.stats.skipped.length > SKIPPED_SHOWN) out.push(`  ... and ${s.stats.skipped.length - SKIPPED_SHOWN} more (see --json)`);
  }
  // Older run records have no `incomplete` list.
  for (const s of summary.sources.filter((x) => x.stats.incomplete?.length)) {
    out.push(`${s.name}: enumeration incomplete, so documents not seen were kept (only pages answering 404/410 were removed):`);
    for (const reason of s.stats.incomplete) out.push(`  - ${reason}`);
  }
  for (const s of summary.sources.filter((x) => x.stats.failed?.length)) {
    out.push(`${s.name}: ${s.stats.failed.length} document(s) not stored this run (kept as they were; the next run retries them):`);
    for (const item of s.stats.failed.slice(0, SKIPPED_SHOWN)) out.push(`  - ${item.item}: ${item.reason}`);
    if (s.stats.failed.length > SKIPPED_SHOWN) out.push(`  ... and ${s.stats.failed.length - SKIPPED_SHOWN} more (see --json)`);
  }
  const retries = summary.sources.reduce((n, s) => n + (s.stats.embedRetries ?? 0), 0);
  if (retries) out.push(`Embedding requests retried after transient errors: ${retries}.`);
  const failed = summary.sources.filter((s) => s.status === 'failed').length;
  const stopped = summary.sources.filter((s) => s.status === 'interrupted').length;
  out.push(
    `Run ${summary.runId}${summary.resumedFrom ? ` (resumed run ${summary.resumedFrom})` : ''}: ${summary.sources.length - failed - stopped} ok, ${failed} failed${stopped ? `, ${stopped} interrupted` : ''} in ${formatDuration(summary.durationMs)}. Store: ${summary.store}. Embedder: ${summary.embedder}.`,
  );
  if (summary.error) out.push(`The run failed: ${summary.error}`);
  if (summary.status === 'interrupted') out.push('Interrupted: what was stored is kept. Run the same command with --resume to continue.');
  else if (failed) out.push('Fix the failures above and re-run; add --resume to skip the sources that succeeded.');
  return out.join('\n');
}
