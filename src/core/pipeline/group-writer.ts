import type { Document } from '../contracts/document.js';
import type { Chunk, EmbeddedChunk } from '../contracts/chunk.js';
import type { ChunkStore, DocumentWrite } from '../store/chunk-store.js';
import type { VectorSource } from './embed-batches.js';
import type { SourceStats } from './source-stats.js';
import { maskSecrets } from '../config/mask.js';
import { pgSafe } from '../text/pg-text.js';
import { errorMessage } from '../errors/bbj-error.js';

/** An input unit (file, topic) being parsed this run, and what became of its documents. */
export interface InputUnit {
  /** The parser's id for the unit. */
  id: string;
  /** Fingerprint of its files now, stored once all its documents are committed. */
  fingerprint: string;
  /** Keys of the documents it yielded. */
  keys: string[];
  /** Its documents not yet committed. */
  outstanding: number;
  /** The parser moved on to another unit (or finished). */
  ended: boolean;
  /** One of its documents failed: its fingerprint is not stored, so the next run parses it again. */
  failed: boolean;
}

/** A chunked document waiting to be compared, embedded and written. */
export interface PendingDocument {
  doc: Document;
  chunks: Chunk[];
  fingerprint: string;
  /** The input unit it came from, when the parser declared units. */
  unit?: InputUnit;
}

/** Documents handed from the parsing stage to the writing stage together. */
export interface DocumentGroup {
  /** Chunked documents, compared with the manifest as one lookup. */
  pending: PendingDocument[];
  /** Keys the parser reported unchanged (HTTP 304, unchanged input units): only stamped with the run id. */
  unchangedKeys: string[];
  /** Chunks in `pending`. */
  chunkCount: number;
}

/** What a group's processing needs from its source. */
export interface GroupWriterOptions {
  store: ChunkStore;
  source: string;
  runId: number;
  embeddingModel: string;
  /** Ignore fingerprints and stored vectors (`--clean`). */
  clean: boolean;
  vectors: VectorSource;
  stats: SourceStats;
  /** Aborted when the run is cancelled or stopped: an embedding failure then is not the documents' fault. */
  signal: AbortSignal;
}

/** What became of a group's documents. */
export interface GroupOutcome {
  /** Keys now stored as parsed this run (written or unchanged). */
  stored: string[];
  /** Keys whose embedding failed even after retries: kept as they were, retried next run. */
  failed: string[];
  /** Why they failed. */
  error?: unknown;
}

/** An empty group. */
export function newGroup(): DocumentGroup {
  return { pending: [], unchangedKeys: [], chunkCount: 0 };
}

/**
 * The writing stage for one group: stamp unchanged documents, compare the rest with the
 * manifest, embed only texts with no stored vector, then write every changed document with its
 * chunks and manifest row in one transaction (a crash never leaves half a document).
 */
export async function processGroup(group: DocumentGroup, o: GroupWriterOptions): Promise<GroupOutcome> {
  const { store, source, runId, stats } = o;
  const stored: string[] = [];
  if (group.unchangedKeys.length) {
    stats.chunksUnchanged += await store.touch(source, group.unchangedKeys, runId);
    stats.documentsUnchanged += group.unchangedKeys.length;
    stored.push(...group.unchangedKeys);
  }
  if (group.pending.length === 0) return { stored, failed: [] };

  const known = o.clean ? new Map<string, string>() : await store.manifest(source, group.pending.map((p) => p.doc.key));
  const changed = group.pending.filter((p) => known.get(p.doc.key) !== p.fingerprint);
  const same = group.pending.filter((p) => known.get(p.doc.key) === p.fingerprint).map((p) => p.doc.key);
  if (same.length) {
    stats.chunksUnchanged += await store.touch(source, same, runId);
    stats.documentsUnchanged += same.length;
    stored.push(...same);
  }
  if (changed.length === 0) return { stored, failed: [] };

  const allChunks = changed.flatMap((p) => p.chunks);
  const hashes = [...new Set(allChunks.map((c) => c.contentHash))];
  const found = o.clean ? new Map<string, number[]>() : await store.findVectors(hashes, o.embeddingModel);
  stats.vectorsReused += allChunks.filter((c) => found.has(c.contentHash)).length;
  const missing = new Map<string, string>();
  for (const c of allChunks) if (!found.has(c.contentHash)) missing.set(c.contentHash, c.content);
  const requested = o.vectors.vectors(missing);
  const failed: string[] = [];
  let error: unknown;
  try {
    const settled = await Promise.all([...requested].map(async ([hash, vector]) => [hash, await vector.then((v) => ({ v }), (e: unknown) => ({ e }))] as const));
    const failedHashes = new Set<string>();
    for (const [hash, r] of settled) {
      if ('v' in r) found.set(hash, r.v);
      else {
        failedHashes.add(hash);
        error ??= r.e;
      }
    }
    if (failedHashes.size && o.signal.aborted) throw error;
    // Only documents with a text whose batch failed (after retries) fail; the rest of the group is written.
    const ok = changed.filter((p) => !p.chunks.some((c) => failedHashes.has(c.contentHash)));
    const bad = changed.filter((p) => p.chunks.some((c) => failedHashes.has(c.contentHash)));
    if (bad.length) {
      // Their stored rows (if any) stay and are stamped so no sweep takes them; their input
      // fingerprints are cleared so the next run parses and embeds them again.
      failed.push(...bad.map((p) => p.doc.key));
      await store.touchFailed(source, failed, runId);
      const reason = pgSafe(maskSecrets(errorMessage(error)));
      for (const p of bad) stats.failed.push({ item: p.doc.sourceUrl, reason });
    }
    if (ok.length) {
      const writes: DocumentWrite[] = ok.map((p) => ({
        key: p.doc.key,
        sourceUrl: p.doc.sourceUrl,
        fingerprint: p.fingerprint,
        httpValidators: p.doc.httpValidators,
        parserState: p.doc.parserState,
        chunks: p.chunks.map((c): EmbeddedChunk => ({ ...c, embedding: found.get(c.contentHash)!, embeddingModel: o.embeddingModel })),
      }));
      const result = await store.writeDocuments(source, runId, writes);
      stats.documentsChanged += ok.length;
      stats.chunksNew += result.chunksNew;
      stats.chunksUnchanged += result.chunksKept;
      stats.chunksDeleted += result.chunksDeleted;
      stored.push(...ok.map((p) => p.doc.key));
    }
  } finally {
    o.vectors.release(requested.keys());
  }
  return { stored, failed, error };
}
