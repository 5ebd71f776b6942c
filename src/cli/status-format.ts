import type { SourceStatus, StoreStatus } from '../core/status/index.js';
import { formatDuration, renderTable } from './table.js';

/** Skipped items listed per source in the text output (all are in `--json`). */
const SKIPS_SHOWN = 5;

const when = (iso: string) => iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z');

function runCell(s: SourceStatus): string[] {
  const r = s.lastRun;
  if (!r) return ['-', 'never ingested', '', ''];
  const counts = r.counts
    ? `${r.counts.documents} docs (${r.counts.documentsChanged} changed, ${r.counts.documentsDeleted} deleted), chunks +${r.counts.chunksNew} =${r.counts.chunksUnchanged} -${r.counts.chunksDeleted}, ${r.counts.embedCalls} embed calls`
    : '';
  return [`${r.runId} ${when(r.startedAt)}`, r.status === r.runStatus || r.status === 'unfinished' ? r.status : `${r.status} (run ${r.runStatus})`, r.durationMs === null ? '' : formatDuration(r.durationMs), counts];
}

/** The human result of `bbj status`. */
export function formatStatus(status: StoreStatus): string {
  const out = [
    `Store:     ${status.store}`,
    `Schema:    version ${status.schemaVersion}${status.schemaVersion < status.latestSchemaVersion ? ` (this bbj-rag writes ${status.latestSchemaVersion}; the next ingest migrates)` : ''}`,
    `Embedding: ${status.embedding.model ?? '(none yet)'}${status.embedding.dimension ? `, ${status.embedding.dimension} dimensions` : ''}`,
    `Content:   ${status.totals.documents} documents, ${status.totals.chunks} chunks in ${status.sources.filter((s) => s.documents > 0).length} source(s)`,
    '',
  ];
  if (status.sources.length === 0) out.push('No sources configured or stored.');
  else {
    const rows = status.sources.map((s) => [s.name + (s.configured ? '' : ' (not in config)'), String(s.documents), String(s.chunks), ...runCell(s)]);
    out.push(renderTable(['source', 'docs', 'chunks', 'last run', 'status', 'time', 'counts'], rows));
  }
  for (const s of status.sources) {
    if (s.lastRun?.error) out.push('', `${s.name}: run ${s.lastRun.runId} failed: ${s.lastRun.error}`);
    if (s.skipped.count === 0) continue;
    out.push('', `${s.name}: ${s.skipped.count} item(s) skipped in run ${s.skipped.runId}:`);
    for (const item of s.skipped.items.slice(0, SKIPS_SHOWN)) out.push(`  - ${item.item}: ${item.reason}`);
    if (s.skipped.count > SKIPS_SHOWN) out.push(`  ... and ${s.skipped.count - Math.min(s.skipped.items.length, SKIPS_SHOWN)} more${s.skipped.itemsRecorded ? ' (see --json)' : ''}`);
  }
  for (const run of status.openRuns) {
    const who = run.host ? ` by pid ${run.pid ?? '?'} on ${run.host}` : '';
    const beat = run.heartbeatAt ? `, last heartbeat ${when(run.heartbeatAt)}` : '';
    const verdict = run.state === 'crashed' ? 'left running by a crash or kill: `bbj ingest all --resume` continues it' : run.state === 'active' ? 'still in progress' : 'still marked running (in progress elsewhere, or crashed)';
    out.push('', `Run ${run.id} started ${when(run.startedAt)}${who}${beat} (${run.sources.join(', ')}): ${verdict}.`);
  }
  return out.join('\n');
}
