import type { ParserProgress } from '../contracts/parser.js';
import type { SourceStats } from '../pipeline/source-stats.js';

/** One line of progress for a source's task. */
export function describeProgress(stats: SourceStats, parser: ParserProgress): string {
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
  return parts.join(', ');
}
