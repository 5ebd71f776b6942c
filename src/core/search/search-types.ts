/** How candidates are found and ranked (the downstream API's three retrieval functions). */
export type SearchMode = 'hybrid' | 'dense' | 'keyword';

/** Every search mode, in the order reports list them. */
export const SEARCH_MODES: readonly SearchMode[] = ['hybrid', 'dense', 'keyword'];

/** Rows each list contributes to a hybrid search before fusion (the reference uses 20). */
export const HYBRID_CANDIDATES = 20;

/** The `k` of reciprocal rank fusion: a row at rank r scores 1 / (r + k) (the reference uses 50). */
export const RRF_K = 50;

/** Narrows the rows a search considers; every given filter must hold. */
export interface SearchFilters {
  /** Only chunks of these sources (`source_name`). */
  sources?: string[];
  /** Only chunks whose `generations` array contains this label. */
  generation?: string;
  /** Only chunks of these document types. */
  docTypes?: string[];
}

/** One search. */
export interface SearchRequest {
  /** The user's text. */
  query: string;
  /** Retrieval function. */
  mode: SearchMode;
  /** Rows to return at most. */
  limit: number;
  /** Row filters. */
  filters: SearchFilters;
  /** The query's embedding, needed by `dense` and `hybrid`. */
  vector?: number[];
}

/** A highlighted extract of a chunk's body. */
export interface Snippet {
  /** Extract with whitespace collapsed. */
  text: string;
  /** `[start, end)` offsets into `text` of the words that matched the query. */
  highlights: Array<[number, number]>;
}

/**
 * One result: the reference result record (§2.6: id, source_url, title, content, doc_type,
 * generations, context_header, deprecated, display_url, source_type, score) with its column
 * names, plus where the chunk comes from and a snippet.
 */
export interface SearchHit {
  /** 1-based position in the result list. */
  rank: number;
  /** Mode-specific score: 1 - cosine distance, ts_rank_cd, or the summed RRF score. */
  score: number;
  id: number;
  source_url: string;
  title: string;
  content: string;
  doc_type: string;
  generations: string[];
  context_header: string;
  deprecated: boolean;
  display_url: string;
  source_type: string;
  /** Source name of the chunk (`[[sources]] name`). */
  source_name: string;
  /** Document key inside its source. */
  doc_key: string;
  /** Position of the chunk in its document. */
  chunk_index: number;
  /** Chunk metadata. */
  metadata: Record<string, unknown>;
  /** Hybrid only: rank in the dense and keyword lists (`null` when absent from one). */
  ranks?: { dense: number | null; keyword: number | null };
  /** Body extract around the query's words. */
  snippet: Snippet;
}
