import type { ParserProgress } from '../core/contracts/parser.js';
import type { SourceStats } from '../core/pipeline/source-stats.js';

/** One line of progress for a source's task; with the elapsed time, an ETA once the parser knows its total. */
export function describeProgress(stats: SourceStats, parser: ParserProgress, elapsedMs?: number): string {
  const of = parser.total ? `/${parser.total}` : '';
  const parts = [
    `${stats.documents}${of} docs`,
    `${stats.chunksNew} new`,
    `${stats.chunksUnchanged} unchanged`,
    `${stats.chunksDeleted} deleted`,
    `${stats.embedCalls} embed calls`,
  ];
  if (stats.skipped.length) parts.push(`${stats.skipped.length} skipped`);
  if (parser.message) parts.push(parser.message);
  const eta = estimateRemaining(parser, elapsedMs);
  if (eta) parts.push(`~${eta} left`);
  return parts.join(', ');
}

/** Remaining time from the parser's own done/total, or undefined while unknown. */
function estimateRemaining(parser: ParserProgress, elapsedMs: number | undefined): string | undefined {
  if (!elapsedMs || !parser.total || !parser.done || parser.done >= parser.total) return undefined;
  const seconds = Math.round(((elapsedMs / parser.done) * (parser.total - parser.done)) / 1000);
  return seconds < 60 ? `${seconds}s` : `${Math.floor(seconds / 60)}m${String(seconds % 60).padStart(2, '0')}s`;
}
