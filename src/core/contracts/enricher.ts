import type { Document } from './document.js';
import type { SourceInfo } from './parser.js';

/**
 * The enrich extension point: a pure function from a parsed document to the document to
 * chunk. Domain knowledge (BBj generations, document types, display URLs) lives in
 * enrichers, never in the core.
 */
export interface Enricher {
  /** Name for diagnostics. */
  name: string;
  /** Version folded into document fingerprints, so changed rules re-process documents. */
  version: string;
  /** Preflight: problems with a source's settings this enricher reads (for example an unknown `generation_tag`). */
  validateSource?(source: SourceInfo): string[];
  /** Returns the enriched document; must not do I/O. */
  enrich(doc: Document, source: SourceInfo): Document;
}
