import type { ParserProgress } from '../core/contracts/parser.js';
import type { SourceStats } from '../core/pipeline/source-stats.js';

/** What a display remembers about a source's phase label. */
export interface LabelState {
  /** The parser's last label. */
  label?: string;
  /** Documents counted when that label was set. */
  labelDocs?: number;
}

/**
 * The parser's phase label ("reading variables, TOCs and file list") while it is current.
 * Parsers set a label when a phase starts but rarely clear it; once documents flow after
 * it was set, the phase is over and the label is dropped instead of lingering.
 */
export function currentLabel(state: LabelState, stats: SourceStats, parser: ParserProgress): string | undefined {
  if (parser.message !== state.label) {
    state.label = parser.message;
    state.labelDocs = stats.documents;
  }
  return state.label !== undefined && stats.documents === state.labelDocs ? state.label : undefined;
}
