import type { Document } from '../contracts/document.js';
import type { Enricher } from '../contracts/enricher.js';
import type { SourceInfo } from '../contracts/parser.js';
import { errorMessage } from '../errors/bbj-error.js';

/**
 * The enrich step: per-source settings first (label, forced generation), then every
 * enricher of the source in order. Values a parser already set are the enrichers' to keep or
 * refine; the core itself adds no domain rules.
 */
export function enrichDocument(doc: Document, source: SourceInfo, enrichers: readonly Enricher[]): Document {
  let result: Document = { ...doc, sourceType: doc.sourceType || source.label || '' };
  for (const enricher of enrichers) {
    try {
      result = enricher.enrich(result, source);
    } catch (error) {
      throw new Error(`enricher "${enricher.name}" failed on ${doc.sourceUrl}: ${errorMessage(error)}`, { cause: error });
    }
  }
  // A source without enrichers (`enrichers = []`) and without `label` is still labelled, by its name.
  return result.sourceType ? result : { ...result, sourceType: source.name };
}
