import type { Document } from './document.js';
import type { SourceInfo } from './parser.js';

/**
 * The labels an enricher sets and the vocabulary they come from. `bbj report` checks these
 * only on chunks this enricher shaped; on other sources it reports the checks as not applicable.
 */
export interface EnricherLabels {
  /** Every `doc_type` the enricher stores. */
  docTypes?: readonly string[];
  /** Labels that must never appear in `generations` (lifecycle states). */
  lifecycleLabels?: readonly string[];
  /** The generation label meaning "no rule matched" (counted as untagged, like an empty list). */
  untaggedLabel?: string;
  /** A generation label as a user types it, in the stored spelling (`bbj search --generation bbj-gui`). */
  normaliseGeneration?(label: string): string;
}

/**
 * The enrich extension point: a pure function from a parsed document to the document to
 * chunk. Domain knowledge (BBj generations, document types, display URLs) lives in
 * enrichers, never in the core. A source runs the enrichers its `enrichers` key names.
 */
export interface Enricher {
  /** Name a source's `enrichers` key uses (unique among registered enrichers). */
  name: string;
  /** Version folded into document fingerprints, so changed rules re-process documents. */
  version: string;
  /** Runs on sources whose config has no `enrichers` key (the built-in `bbj` does). Default false. */
  defaultForSources?: boolean;
  /** The labels it sets, for `bbj report`; absent = it sets no label the report judges. */
  labels?: EnricherLabels;
  /** Preflight: problems with a source's settings this enricher reads (for example an unknown `generation_tag`). */
  validateSource?(source: SourceInfo): string[];
  /** Returns the enriched document; must not do I/O. */
  enrich(doc: Document, source: SourceInfo): Document;
}
