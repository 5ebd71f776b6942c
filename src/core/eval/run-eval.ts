import type { SearchFilters, SearchHit, SearchMode, Searcher } from '../search/index.js';
import { matchesExpectation } from './expectation.js';
import { CUTOFFS, type ModeEvaluation, type QuestionOutcome, type ResultRef } from './eval-types.js';
import type { Question } from './question-set.js';

/** Results kept per miss to show what came instead. */
const INSTEAD_SHOWN = 3;
const DEPTH = Math.max(...CUTOFFS);

/**
 * Runs every question through `search` in each mode and measures recall@1/5/10 and MRR.
 * Recall counts expected entries (an entry may be a prefix naming several documents);
 * MRR uses the first result that matches any entry.
 */
export async function evaluate(searcher: Searcher, questions: Question[], modes: SearchMode[], filters: SearchFilters = {}): Promise<ModeEvaluation[]> {
  // One embedding request for the whole set instead of one per question and mode.
  if (modes.some((m) => m !== 'keyword')) await searcher.prepare(questions.map((q) => q.question));
  const result: ModeEvaluation[] = [];
  for (const mode of modes) {
    const outcomes: QuestionOutcome[] = [];
    const recall = new Map<number, number>(CUTOFFS.map((k) => [k, 0]));
    let reciprocal = 0;
    for (const q of questions) {
      const hits = await searcher.search(q.question, mode, DEPTH, filters);
      const firstIndex = hits.findIndex((h) => q.expect.some((e) => matchesExpectation(e, h)));
      for (const k of CUTOFFS) recall.set(k, recall.get(k)! + foundWithin(q.expect, hits.slice(0, k)).length / q.expect.length);
      if (firstIndex >= 0) reciprocal += 1 / (firstIndex + 1);
      outcomes.push({ line: q.line, question: q.question, expect: q.expect, firstRank: firstIndex >= 0 ? firstIndex + 1 : null, found: foundWithin(q.expect, hits), top: hits.slice(0, INSTEAD_SHOWN).map(refOf) });
    }
    const n = questions.length;
    result.push({
      mode,
      recallAt1: recall.get(1)! / n,
      recallAt5: recall.get(5)! / n,
      recallAt10: recall.get(10)! / n,
      mrr: reciprocal / n,
      misses: outcomes.filter((o) => o.firstRank === null),
      questions: outcomes,
    });
  }
  return result;
}

function foundWithin(expect: string[], hits: SearchHit[]): string[] {
  return expect.filter((e) => hits.some((h) => matchesExpectation(e, h)));
}

function refOf(hit: SearchHit): ResultRef {
  return { rank: hit.rank, title: hit.title, url: hit.display_url || hit.source_url, source_name: hit.source_name, doc_key: hit.doc_key };
}
