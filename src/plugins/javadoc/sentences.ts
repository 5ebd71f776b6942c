const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
// ICU's English rules break after these; in API prose they never end a sentence.
const ABBREVIATION_END = /\b(?:e\.g|i\.e|etc|vs|approx|cf|incl|no|resp)\.\s*$/i;

/** Longest summary kept for a method list entry; longer first sentences are cut at a word. */
export const SUMMARY_MAX = 160;

/** Sentences of a text by Unicode sentence rules (version numbers and dotted names stay whole), abbreviations rejoined. */
export function sentences(text: string): string[] {
  const out: string[] = [];
  for (const { segment } of segmenter.segment(text.replace(/\s+/g, ' ').trim())) {
    if (out.length > 0 && ABBREVIATION_END.test(out[out.length - 1])) out[out.length - 1] += segment;
    else out.push(segment);
  }
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

/** The first sentence of a text, cut at a word boundary with an ellipsis when longer than `max`. */
export function firstSentence(text: string, max = SUMMARY_MAX): string {
  const first = sentences(text)[0] ?? '';
  if (first.length <= max) return first;
  const cut = first.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}
