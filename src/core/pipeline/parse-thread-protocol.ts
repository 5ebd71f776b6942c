import type { ChunkOptions } from '../chunking/chunker.js';
import type { JsonValue } from '../contracts/document.js';
import type { ParserProgress, SourceInfo } from '../contracts/parser.js';
import type { Prepared } from './prepare-documents.js';

/**
 * Messages between the run's thread (the host) and a parse thread. A parse thread prepares one
 * source at a time; everything it says about the source (reports, documents, questions) comes
 * in one ordered stream, so the host handles a unit's documents before the next unit starts,
 * exactly as when the parser runs in the host's own thread.
 */

/** What a parse thread needs to prepare a source: plain data, rebuilt into a parser context there. */
export interface ParseJob {
  /** The parser's type (resolved in the thread's own registry). */
  parser: string;
  /** `parser.version` the host resolved: a thread whose parser differs refuses the job. */
  parserVersion: string;
  /** The source's `options` table as written (the thread validates it with the same schema). */
  options: unknown;
  source: SourceInfo;
  dataDir: string;
  /** Enricher names and versions, in order. */
  enrichers: Array<{ name: string; version: string }>;
  chunking: ChunkOptions;
  shapingKey: string;
  maxFileBytes: number;
  timeoutMs: number;
  /** Documents the thread may send ahead of the host's reading (back-pressure). */
  window: number;
}

/** Host -> thread; `job` numbers the job (a thread serves several sources at once, interleaved). */
export type HostMessage = { job: number } & (
  | { type: 'job'; spec: ParseJob }
  /** Load these parsers' implementations now (sent at start; `job` is unused). */
  | { type: 'warm'; parsers: string[] }
  /** The host read `count` more documents: the thread may send that many more. */
  | { type: 'credit'; count: number }
  | { type: 'answer'; id: number; value?: unknown; error?: string }
  /** The host stopped reading: the thread drops the job. */
  | { type: 'abort'; reason: string }
);

/** Thread -> host, numbered by job. Reports and questions keep their order relative to documents. */
export type ThreadMessage = { job: number } & ThreadEvent;

/** What a thread says about one job. */
export type ThreadEvent =
  /** The thread cannot take the job (parser or enricher not built in, or a different version): the host parses itself. */
  | { type: 'declined'; reason: string }
  | { type: 'accepted' }
  /** The thread has loaded its modules and the warmed parsers (sent once, `job` -1). */
  | { type: 'ready' }
  | { type: 'prepared'; item: Prepared }
  | { type: 'skip'; item: string; reason: string }
  | { type: 'unchanged'; key: string }
  | { type: 'incomplete'; reason: string }
  | { type: 'gone'; key: string; reason: string }
  | { type: 'ask'; id: number; question: 'stored'; key: string }
  | { type: 'ask'; id: number; question: 'inputUnchanged'; unit: string; files: string[] }
  | { type: 'progress'; update: ParserProgress }
  | { type: 'log'; level: 'debug' | 'info' | 'warn'; message: string }
  | { type: 'done' }
  | { type: 'failed'; message: string; stack?: string };

/** The answer to `stored(key)`. */
export type StoredAnswer = { parserState?: JsonValue } | undefined;
