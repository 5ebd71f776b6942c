import { BbjError, errorMessage } from '../errors/bbj-error.js';
import { ChunkStore } from '../store/chunk-store.js';
import type { SqlClient } from '../store/sql-client.js';
import { searchChunks } from './search-chunks.js';
import type { SearchFilters, SearchHit, SearchMode } from './search-types.js';

/** Embeds query texts with the configured embedder. */
export interface QueryEmbedder {
  /** Model id as stored with the chunks (`provider:model`). */
  model: string;
  /** Vector size the embedder is configured for. */
  dimension: number;
  /** One vector per text. */
  embed(texts: string[]): Promise<number[][]>;
}

/** What a search needs to know about the store. */
export interface SearchStoreFacts {
  /** Masked URL or `pglite:` path. */
  store: string;
  /** Embedding model recorded by the ingest (`provider:model`). */
  embeddingModel?: string;
  /** Dimension of the stored vectors. */
  dimension?: number;
  /** Sources with documents in the store. */
  sources: string[];
}

/**
 * Searches one store. Checks once that the store holds chunks and, when a mode needs
 * vectors, that the configured embedder is the one that embedded them: vectors of another
 * model or size are not comparable, so that is an error, never a silent mix.
 */
export class Searcher {
  private readonly cache = new Map<string, number[]>();

  private constructor(
    private readonly sql: SqlClient,
    readonly facts: SearchStoreFacts,
    private readonly embedder: QueryEmbedder | undefined,
  ) {}

  /** Opens a searcher; `embedder` is required when dense or hybrid searches will run. */
  static async open(sql: SqlClient, embedder: QueryEmbedder | undefined): Promise<Searcher> {
    const inspection = await new ChunkStore(sql).inspect();
    if (inspection.schemaVersion === 0) {
      throw new BbjError(`The store ${sql.description} has no bbj-rag tables yet.`, 'SEARCH_EMPTY_STORE', 'Run `bbj ingest all` first, or point --config / DATABASE_URL at the store that was ingested.');
    }
    const rows = await sql.query<{ source_name: string }>('SELECT DISTINCT source_name FROM documents ORDER BY source_name');
    const facts: SearchStoreFacts = { store: sql.description, embeddingModel: inspection.embeddingModel, dimension: inspection.dimension, sources: rows.map((r) => r.source_name) };
    if (embedder) assertSameEmbedder(facts, embedder);
    return new Searcher(sql, facts, embedder);
  }

  /** Refuses source names the store does not hold (a typo would otherwise just return nothing). */
  assertKnownSources(sources: string[] | undefined): void {
    const unknown = (sources ?? []).filter((s) => !this.facts.sources.includes(s));
    if (unknown.length === 0) return;
    throw new BbjError(
      `No source named ${unknown.map((n) => `"${n}"`).join(', ')} in the store ${this.facts.store}.`,
      'SEARCH_UNKNOWN_SOURCE',
      this.facts.sources.length ? `Sources in the store: ${this.facts.sources.join(', ')}.` : 'The store holds no source yet: run `bbj ingest all` first.',
    );
  }

  /** Embeds query texts ahead of searching them (one request for many questions). */
  async prepare(queries: string[]): Promise<void> {
    const missing = [...new Set(queries.filter((q) => !this.cache.has(q)))];
    if (missing.length === 0) return;
    if (!this.embedder) throw new BbjError('Dense and hybrid search need the configured embedder.', 'SEARCH_NO_EMBEDDER', 'Use --mode keyword, which needs no embedder.');
    let vectors: number[][];
    try {
      vectors = await this.embedder.embed(missing);
    } catch (error) {
      if (error instanceof BbjError) throw error;
      throw new BbjError(`Embedding the query with ${this.embedder.model} failed: ${errorMessage(error)}`, 'SEARCH_EMBED_FAILED', 'Check the [embedder] settings with `bbj validate`, or use --mode keyword, which needs no embedder.');
    }
    missing.forEach((q, i) => this.cache.set(q, vectors[i]!));
  }

  /** Runs one search. */
  async search(query: string, mode: SearchMode, limit: number, filters: SearchFilters = {}): Promise<SearchHit[]> {
    let vector: number[] | undefined;
    if (mode !== 'keyword') {
      await this.prepare([query]);
      vector = this.cache.get(query);
    }
    return searchChunks(this.sql, { query, mode, limit, filters, vector });
  }
}

/** The configured embedder must be the one that embedded the stored chunks. */
export function assertSameEmbedder(facts: SearchStoreFacts, embedder: QueryEmbedder): void {
  if (facts.dimension !== undefined && facts.dimension !== embedder.dimension) {
    throw new BbjError(
      `The store ${facts.store} holds ${facts.dimension}-dimensional vectors (${facts.embeddingModel ?? 'unknown model'}) but the configured embedder ${embedder.model} produces ${embedder.dimension}.`,
      'SEARCH_DIMENSION',
      `Search with the [embedder] the store was ingested with (${facts.embeddingModel ?? `dimensions = ${facts.dimension}`}), re-ingest with --clean into a new store for the new model, or use --mode keyword.`,
    );
  }
  if (facts.embeddingModel && facts.embeddingModel !== embedder.model) {
    throw new BbjError(
      `The store ${facts.store} was embedded with ${facts.embeddingModel} but the configured embedder is ${embedder.model}: their vectors are not comparable.`,
      'SEARCH_MODEL_MISMATCH',
      `Set [embedder] back to ${facts.embeddingModel}, re-ingest into a new store for the new model, or use --mode keyword.`,
    );
  }
}
