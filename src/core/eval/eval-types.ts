import type { SearchMode } from '../search/index.js';

/** Result positions recall is measured at. */
export const CUTOFFS = [1, 5, 10] as const;

/** A result that came instead of the expected documents. */
export interface ResultRef {
  rank: number;
  title: string;
  /** Display URL, or source URL when there is none. */
  url: string;
  source_name: string;
  doc_key: string;
}

/** How one question fared in one mode. */
export interface QuestionOutcome {
  /** Line in the question file. */
  line: number;
  question: string;
  expect: string[];
  /** Rank of the first result matching any expected entry (within the top 10), or null. */
  firstRank: number | null;
  /** Expected entries matched within the top 10. */
  found: string[];
  /** The top results, kept for misses (what came instead). */
  top: ResultRef[];
}

/** Metrics of one mode over the question set. */
export interface ModeEvaluation {
  mode: SearchMode;
  /** Mean over questions of (expected entries found in the top k) / (expected entries). */
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  /** Mean reciprocal rank of the first matching result (0 when none in the top 10). */
  mrr: number;
  /** Questions with no expected entry in the top 10. */
  misses: QuestionOutcome[];
  /** Every question's outcome. */
  questions: QuestionOutcome[];
}

/** What `bbj eval` returns. */
export interface EvalReport {
  /** The question file. */
  file: string;
  /** Masked store URL or `pglite:` path. */
  store: string;
  /** Model that embedded the stored chunks. */
  embeddingModel: string | null;
  /** Number of questions. */
  questionCount: number;
  /** Source filter applied to every search, if any. */
  sources: string[];
  /** One entry per mode evaluated. */
  modes: ModeEvaluation[];
}
