import type { SkippedItem } from '../contracts/parser.js';

/** Counters of one source's ingestion, shown in the summary and `--json`. */
export interface SourceStats {
  /** Documents the parser yielded (valid or not). */
  documents: number;
  /** Documents whose fingerprint changed (or were new) and were rewritten. */
  documentsChanged: number;
  /** Documents skipped because nothing about them changed. */
  documentsUnchanged: number;
  /** Documents removed because the source no longer has them. */
  documentsDeleted: number;
  /** Chunks with text new to their document. */
  chunksNew: number;
  /** Chunks left as they were (unchanged documents) or rewritten with the same text. */
  chunksUnchanged: number;
  /** Chunks removed (edited away or their document deleted). */
  chunksDeleted: number;
  /** Embedding requests sent. */
  embedCalls: number;
  /** Texts sent to the embedder. */
  textsEmbedded: number;
  /** Vectors reused from the store instead of embedding again. */
  vectorsReused: number;
  /** Files or URLs the parser could not use, with reasons. */
  skipped: SkippedItem[];
  /** Why the parser's enumeration was incomplete (then nothing was swept); empty when complete. */
  incomplete: string[];
  /** Documents that could not be embedded or stored this run (kept as they were, retried next run), with reasons. */
  failed: SkippedItem[];
  /** Embedding requests retried after a transient error (5xx, 429, reset, timeout). */
  embedRetries: number;
  /** Input units (files, topics) recognised unchanged before parsing, so not parsed at all. */
  unitsUnchanged: number;
  /** Documents a parse thread prepared (parsed, enriched, chunked); the rest were prepared in the run's thread (`[run] parse_threads`). */
  preparedInThread: number;
  /** True when the run was stopped (Ctrl-C) before the parser finished: nothing was swept. */
  interrupted: boolean;
}

/** Fresh zeroed counters. */
export function emptyStats(): SourceStats {
  return {
    documents: 0, documentsChanged: 0, documentsUnchanged: 0, documentsDeleted: 0,
    chunksNew: 0, chunksUnchanged: 0, chunksDeleted: 0, embedCalls: 0, textsEmbedded: 0, vectorsReused: 0, skipped: [], incomplete: [],
    failed: [], embedRetries: 0, unitsUnchanged: 0, preparedInThread: 0, interrupted: false,
  };
}
