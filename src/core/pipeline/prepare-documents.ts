import type { Chunk } from '../contracts/chunk.js';
import type { Document } from '../contracts/document.js';
import type { Enricher } from '../contracts/enricher.js';
import type { Parser, ParserContext, SourceInfo } from '../contracts/parser.js';
import type { Admission } from './document-gate.js';
import { enrichDocument } from './enrich.js';
import { documentFingerprint } from './fingerprint.js';
import { labelOf, withParseDeadline } from './parse-deadline.js';

/**
 * The CPU-bound half of a source: parse -> check -> enrich -> chunk -> fingerprint. It needs
 * nothing but the parser and its context, so it runs the same in the run's thread or in a
 * parse thread (`parse-thread-worker.ts`); what it yields is plain data either way.
 */

/** A document ready for the writing stage, or one the checks refused. */
export type Prepared =
  | { kind: 'document'; doc: Document; chunks: Chunk[]; fingerprint: string; /** Set when a parse thread prepared it. */ inThread?: boolean }
  | { kind: 'refused'; label: string; reason: string }
  /** Valid, but nothing to chunk: still a document of the source (its key is taken, it counts), skipped with a reason. */
  | { kind: 'empty'; key: string; label: string };

/** How documents are made ready: the same steps in either thread. */
export interface DocumentRecipe {
  /** Schema, sanitising and size checks (`DocumentGate.check`); keys are claimed by the host. */
  check(raw: unknown): Admission;
  /** Enrich, chunk and fingerprint a checked document. */
  prepare(doc: Document): { doc: Document; chunks: Chunk[]; fingerprint: string };
  /** `parse_timeout_s` in milliseconds. */
  timeoutMs: number;
  /** The parser's last status message, to name a stalled document. */
  current(): string | undefined;
}

/** The recipe's `prepare` for a source: its enrichers in order, then the chunker; the chunks record which enrichers ran. */
export function documentPreparer(
  source: SourceInfo,
  enrichers: readonly Enricher[],
  chunk: (doc: Document) => Chunk[],
  shapingKey: string,
): DocumentRecipe['prepare'] {
  const names = enrichers.map((e) => e.name);
  return (checked) => {
    const doc = enrichDocument(checked, source, enrichers);
    const chunks = recordEnrichers(chunk(doc), names);
    const fingerprint = documentFingerprint(doc, shapingKey);
    // The tree was the chunker's; nothing after it reads the tree, and it would cross threads for nothing.
    delete doc.parsedContent;
    return { doc, chunks, fingerprint };
  };
}

/** Runs the parser under its time limit and prepares every document it yields. */
export async function* prepareDocuments(parser: Parser, ctx: ParserContext, recipe: DocumentRecipe): AsyncGenerator<Prepared> {
  const limit = recipe.timeoutMs;
  const documents = withParseDeadline(parser.parse(ctx), {
    timeoutMs: limit,
    current: recipe.current,
    onSlow: (item, ms) => ctx.skip(item, `parsing took ${Math.round(ms / 1000)} s, more than parse_timeout_s (${limit / 1000} s)`),
    onStalled: (item, ms) => {
      ctx.skip(item, `no document within parse_timeout_s (${ms / 1000} s); the rest of the source was not read this run`);
      ctx.incomplete!(`the parser stalled on ${item}`);
    },
  });
  for await (const raw of documents) {
    const label = labelOf(raw);
    const checked = recipe.check(raw);
    if (!checked.ok) {
      yield { kind: 'refused', label, reason: checked.reason };
      continue;
    }
    const ready = recipe.prepare(checked.doc);
    if (ready.chunks.length === 0) {
      yield { kind: 'empty', key: ready.doc.key, label };
      continue;
    }
    yield { kind: 'document', ...ready };
  }
}

/**
 * Records on every chunk which enrichers shaped it, so `bbj report` judges labels only where an
 * enricher that sets them ran, whatever the config says now. Not part of the document
 * fingerprint: the shaping key already holds the enricher list.
 */
function recordEnrichers(chunks: Chunk[], names: string[]): Chunk[] {
  for (const chunk of chunks) chunk.metadata = { ...chunk.metadata, enrichers: names };
  return chunks;
}
