/** What `buildReport` should measure; every vocabulary comes from the caller, so the core stays domain-neutral. */
export interface ReportOptions {
  /** Sources to report on (empty or absent = every source in the store). */
  sources?: string[];
  /** Token limit a chunk must fit (context header included). */
  maxTokens: number;
  /** Width of a histogram bucket in tokens (default: an eighth of `maxTokens`, rounded up). */
  bucketWidth?: number;
  /** Allowed `doc_type` values; absent = not checked. */
  docTypes?: readonly string[];
  /** Labels that must never appear in `generations` (lifecycle states); absent = not checked. */
  lifecycleLabels?: readonly string[];
  /** Generation label that means "no rule matched" (counted as untagged, like an empty list). */
  untaggedLabel?: string;
  /**
   * Which chunks the label checks (doc types, lifecycle labels, untagged share) judge: those
   * an enricher that sets the labels shaped. Absent = every chunk.
   */
  labelScope?: LabelScope;
  /** Metadata key and value that mark a chunk as over the limit on purpose (an unsplittable line). */
  unsplittableMarker?: { key: string; value: string };
  /** Examples listed per source and finding (default 10). */
  sampleLimit?: number;
  /** Highest share allowed per source for the share properties (defaults: {@link DEFAULT_SHARE_LIMITS}). */
  shareLimits?: Partial<ShareLimits>;
}

/**
 * The enrichers whose labels the report judges. A chunk records the enrichers that shaped it
 * (`metadata.enrichers`); one without the record was stored before enrichers were chosen per
 * source, when the `unrecorded` enrichers ran.
 */
export interface LabelScope {
  /** Enrichers that set the judged labels. */
  enrichers: readonly string[];
  /** Enrichers assumed for chunks without `metadata.enrichers`. */
  unrecorded: readonly string[];
}

/** Highest share per source of each kind of defective chunk (or document, for lost text). */
export interface ShareLimits {
  /** Tiny chunks (< 50 tokens). */
  tiny: number;
  /** Duplicate chunks. */
  duplicate: number;
  /** Chunks with markup leftovers. */
  leftovers: number;
  /** Chunks with glued words. */
  glued: number;
  /** Documents whose text did not reach the chunks. */
  lostText: number;
  /** Chunks whose context header holds a heading that reads like prose. */
  longHeadings: number;
}

/** Default share limits: what a well-converted source stays under. */
export const DEFAULT_SHARE_LIMITS: ShareLimits = { tiny: 0.1, duplicate: 0.05, leftovers: 0.01, glued: 0.01, lostText: 0.01, longHeadings: 0.01 };

/** Documents and chunks carrying one label (doc type or generation). */
export interface LabelCount {
  /** The label; `''` for an empty doc type, `null` for a chunk without generations. */
  label: string | null;
  /** Documents with at least one such chunk. */
  documents: number;
  /** Chunks. */
  chunks: number;
}

/** Chunks shaped by one list of enrichers. */
export interface EnricherCount {
  /** The enrichers, in the order they ran (`[]`: none); null for chunks stored before the list was recorded. */
  names: string[] | null;
  /** Chunks. */
  chunks: number;
}

/** One histogram bucket: token counts from `min` to `max`, both inclusive (`max` null = above the limit). */
export interface HistogramBucket {
  /** `0-50`, `51-100`, ..., `> 400`. */
  label: string;
  /** Smallest token count in the bucket. */
  min: number;
  /** Largest token count in the bucket; null for the open bucket above the limit. */
  max: number | null;
  /** Chunks in the bucket. */
  chunks: number;
}

/** A chunk named by a finding, so it can be found and fixed. */
export interface ChunkRef {
  /** The document's `source_url`. */
  sourceUrl: string;
  /** The document key. */
  docKey: string;
  /** Ordinal of the chunk in its document. */
  chunkIndex: number;
  /** Stored token count. */
  tokenCount: number;
  /** What is notable about it (the body of a heading-only chunk, the offending labels, the marker). */
  detail: string;
}

/** A count with the first few examples. */
export interface Finding {
  /** How many there are in total. */
  count: number;
  /** The first `sampleLimit` of them. */
  samples: ChunkRef[];
}

/** A document that is in the store or the last run but has no chunk. */
export interface EmptyDocument {
  /** Path, URL or key of the item. */
  item: string;
  /** Why it has no chunk. */
  reason: string;
}

/** Items of a source's last successful run that produced no chunk (parser skips, empty documents). */
export interface SkippedSummary {
  /** The run they come from; null when the source has no successful run recorded. */
  runId: number | null;
  /** How many items the run skipped. */
  count: number;
  /** Whether the run recorded the items themselves (older runs kept only the count). */
  itemsRecorded: boolean;
  /** The items (all of them; the run's whole list). */
  items: EmptyDocument[];
}

/** Token-limit facts of a set of chunks. */
export interface LimitStats {
  /** The limit measured against. */
  maxTokens: number;
  /** Largest stored token count. */
  largest: number;
  /** Chunks exactly at the limit. */
  atLimit: number;
  /** Chunks above the limit. */
  overLimit: number;
  /** Of those, chunks marked as an unsplittable line. */
  overLimitMarked: number;
}

/** The figures of one source (or of all of them, for the totals). */
export interface SourceFigures {
  /** Documents in the manifest. */
  documents: number;
  /** Chunks stored. */
  chunks: number;
  /** Chunks by `doc_type`, most chunks first. */
  byDocType: LabelCount[];
  /** Chunks by generation label (a chunk counts once per label), most chunks first. */
  byGeneration: LabelCount[];
  /** Chunks an enricher that sets doc types and generations shaped (all chunks without a label scope); 0 = the label checks do not apply. */
  labelledChunks: number;
  /** Of the labelled chunks, those (and their documents) with no generation or the untagged label; `share` is of the labelled chunks. */
  untagged: { documents: number; chunks: number; share: number };
  /** Token-count histogram. */
  histogram: HistogramBucket[];
  /** Token limit facts. */
  limit: LimitStats;
  /** Chunks above the limit without the unsplittable marker (a failure). */
  oversized: Finding;
  /** Chunks whose body is only Markdown heading lines (a failure). */
  headingOnly: Finding;
  /** Doc types outside the vocabulary (a failure when a vocabulary is given). */
  unknownDocTypes: LabelCount[];
  /** Lifecycle labels found inside `generations` (a failure when labels are given). */
  lifecycleInGenerations: Finding;
  /** Chunks below the tiny size (50 tokens): a section too small to retrieve on its own. */
  tinyChunks: Finding;
  /** Chunks whose body repeats an earlier chunk's body in the same source. */
  duplicateChunks: Finding;
  /** Chunks with markup left in their prose (`&#x`, `?>`, `:::`, `<TabItem`, `<MadCap`, `[%=`). */
  markupLeftovers: Finding;
  /** Chunks with words glued where a tag was (`LinkSet Form Data`). */
  gluedWords: Finding;
  /** Documents whose letters and digits did not all reach their chunks (needs the parser's `textChars`). */
  lostText: Finding;
  /** Chunks whose context header has a segment longer than a heading (prose or badges taken for a heading). */
  longHeadings: Finding;
}

/** The figures of one source, with its empty documents. */
export interface SourceReport extends SourceFigures {
  /** Source name. */
  name: string;
  /** Which enrichers shaped its chunks (one entry unless the list changed and not every document was re-processed yet). */
  enrichers: EnricherCount[];
  /** Manifest documents whose chunk count is 0. */
  emptyDocuments: EmptyDocument[];
  /** What the last successful run of the source skipped. */
  skipped: SkippedSummary;
}

/** One quality property and whether it holds over the reported sources. */
export interface PropertyResult {
  /** Stable id (`no-oversized-chunks`, ...). */
  id: string;
  /** What must hold, in words. */
  description: string;
  /** Whether the property was checked (vocabulary checks need a vocabulary). */
  checked: boolean;
  /** Whether it holds (true when not checked). */
  ok: boolean;
  /** Offending items. */
  violations: number;
  /** False when no reported chunk has the labels the property judges (no enricher that sets them ran): shown as n/a. */
  applies: boolean;
  /** Sources with chunks where the property does not apply (judged on the others only). */
  notApplicable?: string[];
  /** For share properties: the sources above the limit, with their share. */
  offenders?: { source: string; share: number }[];
}

/** The whole report (the `--json` shape of `bbj report`). */
export interface QualityReport {
  /** Where the store is (masked). */
  store: string;
  /** The options measured with, after defaults. */
  maxTokens: number;
  /** Histogram bucket width. */
  bucketWidth: number;
  /** One entry per source, by name. */
  sources: SourceReport[];
  /** All reported sources together. */
  totals: SourceFigures;
  /** The quality properties. */
  properties: PropertyResult[];
  /** True when every checked property holds. */
  ok: boolean;
}
