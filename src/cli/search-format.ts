import { renderSnippet, type SearchHit, type SearchMode, type Snippet } from '../core/search/index.js';

/** What `bbj search` returns (and prints with `--json`). */
export interface SearchResult {
  /** The query text. */
  query: string;
  /** Retrieval function used. */
  mode: SearchMode;
  /** Rows asked for. */
  limit: number;
  /** Filters applied. */
  filters: { sources: string[]; generation: string | null; docTypes: string[] };
  /** Masked store URL or `pglite:` path. */
  store: string;
  /** Model that embedded the stored chunks. */
  embeddingModel: string | null;
  /** Result records, best first. */
  results: SearchHit[];
}

/** Bold on a colour terminal, `**word**` elsewhere (logs, pipes, NO_COLOR). */
export function highlighter(stream: NodeJS.WriteStream = process.stdout): (snippet: Snippet) => string {
  const colour = Boolean(stream.isTTY) && !process.env.NO_COLOR;
  return (snippet) => (colour ? renderSnippet(snippet, '\u001b[1m', '\u001b[22m') : renderSnippet(snippet, '**', '**'));
}

/** Score digits per mode: RRF scores differ in the third decimal. */
export function formatScore(mode: SearchMode, score: number): string {
  return score.toFixed(mode === 'hybrid' ? 4 : 3);
}

/** Where a reader should go: the display URL, or the source URL when there is none. */
export const linkOf = (hit: Pick<SearchHit, 'display_url' | 'source_url'>): string => hit.display_url || hit.source_url;

/** The human result of `bbj search`: rank, score and title, then breadcrumb, link and snippet. */
export function formatSearch(result: SearchResult, highlight = highlighter()): string {
  const filters = [
    ...result.filters.sources.map((s) => `source=${s}`),
    ...(result.filters.generation ? [`generation=${result.filters.generation}`] : []),
    ...result.filters.docTypes.map((d) => `doc_type=${d}`),
  ];
  const head = `${result.mode} search for "${result.query}" in ${result.store}${filters.length ? ` (${filters.join(', ')})` : ''}: ${result.results.length} result(s)`;
  if (result.results.length === 0) return `${head}\n\nNothing matched. Try another --mode, fewer words, or fewer filters.`;
  const width = String(result.results.length).length;
  const lines = [head, ''];
  for (const hit of result.results) {
    const pad = ' '.repeat(width + 2);
    const ranks = hit.ranks ? `  [dense ${hit.ranks.dense ?? '-'}, keyword ${hit.ranks.keyword ?? '-'}]` : '';
    lines.push(`${String(hit.rank).padStart(width)}. ${formatScore(result.mode, hit.score)}  ${hit.title || '(untitled)'}${ranks}`);
    if (hit.context_header) lines.push(`${pad}${hit.context_header}`);
    lines.push(`${pad}${linkOf(hit)}`);
    if (hit.snippet.text) lines.push(`${pad}${highlight(hit.snippet)}`);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}
