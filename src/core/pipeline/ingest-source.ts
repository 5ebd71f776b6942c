import createDebug from 'debug';
import type { Document, JsonValue } from '../contracts/document.js';
import type { Chunk, EmbeddedChunk } from '../contracts/chunk.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Enricher } from '../contracts/enricher.js';
import type { Parser, ParserContext, ParserProgress } from '../contracts/parser.js';
import type { ChunkStore, DocumentWrite } from '../store/chunk-store.js';
import { embedInBatches } from './embed-batches.js';
import { enrichDocument } from './enrich.js';
import { DocumentGate } from './document-gate.js';
import { withParseDeadline } from './parse-deadline.js';
import { maskSecrets } from '../config/mask.js';
import { pgSafe } from '../text/pg-text.js';
import { documentFingerprint } from './fingerprint.js';
import { emptyStats, type SourceStats } from './source-stats.js';

const debug = createDebug('bbj:pipeline');

/** Everything one source's ingestion needs; built by the runner. */
export interface IngestSourceParams {
  /** The parser, already resolved from the registry. */
  parser: Parser;
  /** The parser context (source, options, http, logger, signal); `skip`, `unchanged`, `progress` are wrapped here. */
  context: Omit<ParserContext, 'skip' | 'unchanged' | 'progress' | 'incomplete' | 'gone'>;
  /** The store. */
  store: ChunkStore;
  /** The embedder. */
  embedder: Embedder;
  /** `provider:model`, stored with every chunk. */
  embeddingModel: string;
  /** Vector dimension the store expects. */
  dimension: number;
  /** Enrichers, in order. */
  enrichers: readonly Enricher[];
  /** Splits an enriched document into chunks. */
  chunk(doc: Document): Chunk[];
  /** Everything besides the document that shapes its rows (chunk settings, model, rule versions). */
  shapingKey: string;
  /** Texts per embedding request. */
  batchSize: number;
  /** Embedding requests in flight. */
  concurrency: number;
  /** Re-ingest from scratch: ignore fingerprints and stored vectors. */
  clean: boolean;
  /** Id of this run (documents seen are stamped with it). */
  runId: number;
  /** Called after every flush and on parser progress, for the task tree. */
  onProgress?(stats: SourceStats, parser: ParserProgress): void;
}

interface Pending {
  doc: Document;
  chunks: Chunk[];
  fingerprint: string;
}

/**
 * Streams one source: parse -> enrich -> chunk -> skip unchanged -> embed -> store.
 * Memory is bounded by one flush group; each group's documents are written in one
 * transaction with their manifest rows, so a crash never leaves half a document.
 * Documents the source no longer has are swept only after a complete parse.
 */
export async function ingestSource(params: IngestSourceParams): Promise<SourceStats> {
  const { parser, context, store, runId } = params;
  const sourceName = context.source.name;
  const stats = emptyStats();
  const gate = new DocumentGate({ maxBytes: context.source.maxFileBytes });
  let pending: Pending[] = [];
  let pendingChunks = 0;
  let unchangedKeys: string[] = [];
  const goneKeys = new Set<string>();
  let lastProgress: ParserProgress = {};
  // Enough chunks to keep every embedding slot busy, small enough to keep memory flat.
  const flushAt = Math.max(params.batchSize * params.concurrency * 2, 1);
  const report = () => params.onProgress?.(stats, lastProgress);

  const ctx: ParserContext = {
    ...context,
    skip: (item, reason) => {
      // NUL in a reason would break the run record's jsonb; a secret in a URL must not be stored.
      [item, reason] = [pgSafe(maskSecrets(item)), pgSafe(maskSecrets(reason))];
      stats.skipped.push({ item, reason });
      context.log.warn(`${sourceName}: skipped ${item}: ${reason}`);
    },
    unchanged: (key) => {
      if (!gate.claim(key)) return;
      stats.documents++;
      unchangedKeys.push(key);
    },
    incomplete: (reason) => {
      reason = pgSafe(maskSecrets(reason));
      stats.incomplete.push(reason);
      context.log.warn(`${sourceName}: enumeration incomplete (${reason}); documents not seen are kept`);
    },
    gone: (key) => void goneKeys.add(key),
    stored: async (key) => (await store.parserState(sourceName, key)) as { parserState?: JsonValue } | undefined,
    progress: (update) => {
      lastProgress = { ...lastProgress, ...update };
      report();
    },
  };

  const flush = async () => {
    const group = pending;
    const touched = unchangedKeys;
    pending = [];
    pendingChunks = 0;
    unchangedKeys = [];
    if (touched.length) {
      stats.chunksUnchanged += await store.touch(sourceName, touched, runId);
      stats.documentsUnchanged += touched.length;
    }
    if (group.length === 0) return report();

    const known = params.clean ? new Map<string, string>() : await store.manifest(sourceName, group.map((p) => p.doc.key));
    const changed = group.filter((p) => known.get(p.doc.key) !== p.fingerprint);
    const same = group.filter((p) => known.get(p.doc.key) === p.fingerprint).map((p) => p.doc.key);
    if (same.length) {
      stats.chunksUnchanged += await store.touch(sourceName, same, runId);
      stats.documentsUnchanged += same.length;
    }
    if (changed.length) await writeChanged(changed);
    report();
  };

  const writeChanged = async (changed: Pending[]) => {
    const allChunks = changed.flatMap((p) => p.chunks);
    const hashes = [...new Set(allChunks.map((c) => c.contentHash))];
    const vectors = params.clean ? new Map<string, number[]>() : await store.findVectors(hashes, params.embeddingModel);
    stats.vectorsReused += allChunks.filter((c) => vectors.has(c.contentHash)).length;
    const missing = hashes.filter((h) => !vectors.has(h));
    if (missing.length) {
      const textByHash = new Map(allChunks.map((c) => [c.contentHash, c.content]));
      const counters = { calls: 0, texts: 0 };
      const embedded = await embedInBatches(
        params.embedder,
        missing.map((h) => textByHash.get(h)!),
        { batchSize: params.batchSize, concurrency: params.concurrency, dimension: params.dimension, signal: context.signal },
        counters,
      );
      stats.embedCalls += counters.calls;
      stats.textsEmbedded += counters.texts;
      missing.forEach((h, i) => vectors.set(h, embedded[i]!));
    }
    const writes: DocumentWrite[] = changed.map((p) => ({
      key: p.doc.key,
      sourceUrl: p.doc.sourceUrl,
      fingerprint: p.fingerprint,
      httpValidators: p.doc.httpValidators,
      parserState: p.doc.parserState,
      chunks: p.chunks.map((c): EmbeddedChunk => ({ ...c, embedding: vectors.get(c.contentHash)!, embeddingModel: params.embeddingModel })),
    }));
    const result = await store.writeDocuments(sourceName, runId, writes);
    stats.documentsChanged += changed.length;
    stats.chunksNew += result.chunksNew;
    stats.chunksUnchanged += result.chunksKept;
    stats.chunksDeleted += result.chunksDeleted;
  };

  try {
    const limit = context.source.parseTimeoutMs ?? 60_000;
    const documents = withParseDeadline(parser.parse(ctx), {
      timeoutMs: limit,
      current: () => lastProgress.message,
      onSlow: (item, ms) => ctx.skip(item, `parsing took ${Math.round(ms / 1000)} s, more than parse_timeout_s (${limit / 1000} s)`),
      onStalled: (item, ms) => {
        ctx.skip(item, `no document within parse_timeout_s (${ms / 1000} s); the rest of the source was not read this run`);
        ctx.incomplete!(`the parser stalled on ${item}`);
      },
    });
    for await (const raw of documents) {
      context.signal.throwIfAborted();
      const label = (raw as { sourceUrl?: string; key?: string }).sourceUrl ?? (raw as { key?: string }).key ?? '(document without key)';
      const admitted = gate.admit(raw);
      if (!admitted.ok) {
        ctx.skip(label, admitted.reason);
        continue;
      }
      stats.documents++;
      const doc = enrichDocument(admitted.doc, context.source, params.enrichers);
      const chunks = params.chunk(doc);
      if (chunks.length === 0) {
        ctx.skip(label, 'produced no chunks');
        continue;
      }
      pending.push({ doc, chunks, fingerprint: documentFingerprint(doc, params.shapingKey) });
      pendingChunks += chunks.length;
      if (pendingChunks >= flushAt || pending.length >= 256 || unchangedKeys.length >= 1000) await flush();
    }
  } catch (error) {
    // Keep what was parsed before the failure: those documents are complete and valid.
    if (!context.signal.aborted) await flush();
    throw error;
  }
  await flush();

  if (stats.documents === 0) {
    // A source that yields nothing is almost always misconfigured; never sweep it empty.
    const reasons = stats.skipped.length ? ` (${stats.skipped.length} item(s) skipped, first: ${stats.skipped[0]!.item}: ${stats.skipped[0]!.reason})` : '';
    throw new Error(`the parser yielded no documents${reasons}; nothing was deleted`);
  }
  // Only a complete enumeration proves that an unseen document is gone from the source.
  // An incomplete one still removes what the parser saw gone (a page answering 404 or 410).
  if (stats.incomplete.length === 0 || goneKeys.size > 0) {
    const swept = await store.sweep(sourceName, runId, stats.incomplete.length === 0 ? undefined : [...goneKeys]);
    stats.documentsDeleted += swept.documents;
    stats.chunksDeleted += swept.chunks;
  }
  debug('%s: %o', sourceName, { ...stats, skipped: stats.skipped.length });
  report();
  return stats;
}
