import { type Atom, makeAtom } from './atoms.js';
import { countTokens, splitByTokens } from './token-counter.js';

let sentenceSegmenter: Intl.Segmenter | undefined;

/** Splits text into sentences; each keeps its trailing whitespace, so they concatenate to the text. */
export function splitSentences(text: string): string[] {
  sentenceSegmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' });
  return Array.from(sentenceSegmenter.segment(text), (s) => s.segment);
}

/** Splits text into words with their trailing whitespace (concatenating to the text). */
export function splitWords(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

/** Separates a segment into its trimmed text and the whitespace that follows it. */
function trailing(segment: string): [string, string] {
  const text = segment.trimEnd();
  return [text.trimStart(), segment.slice(text.length)];
}

/**
 * Splits prose into atoms of at most `limit` tokens: sentences first, then words, then
 * token pieces as a last resort. Each atom carries the original whitespace before it.
 */
export function splitProse(text: string, limit: number, join: string): Atom[] {
  const atoms: Atom[] = [];
  let nextJoin = join;
  const push = (segment: string, level: number): void => {
    const [body, after] = trailing(segment);
    if (body) {
      const tokens = countTokens(body);
      if (level === 0 && tokens > limit) {
        splitWords(body).forEach((w, i, all) => push(i === all.length - 1 ? w.trimEnd() : w, 1));
      } else if (level === 1 && tokens > limit) {
        splitByTokens(body, limit).forEach((piece) => push(piece, 2));
      } else {
        const before = nextJoin;
        atoms.push(makeAtom(body, 'prose', before, (l) => splitProse(body, l, before), tokens));
        // Pieces of one over-long word follow each other without space.
        nextJoin = '';
      }
    }
    if (after) nextJoin = after;
  };
  for (const sentence of splitSentences(text)) push(sentence, 0);
  return atoms;
}

/**
 * The end of a text to repeat at the start of the next chunk: the last whole sentences
 * that fit in `budget` tokens, or, when even the last sentence is longer, its last words.
 */
export function overlapTail(text: string, budget: number): string {
  if (budget <= 0) return '';
  // Sliced from the text itself, so paragraph breaks inside the overlap are kept.
  const segments = splitSentences(text);
  let offset = text.length;
  let tail = '';
  for (let i = segments.length - 1; i >= 0; i -= 1) {
    offset -= segments[i].length;
    const candidate = text.slice(offset).trim();
    if (!segments[i].trim()) continue;
    if (countTokens(candidate) > budget) break;
    tail = candidate;
  }
  if (tail) return tail;
  const words = splitWords(text.trimEnd());
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const candidate = (words[i] + tail).trim();
    if (countTokens(candidate) > budget) break;
    tail = words[i] + tail;
  }
  return tail.trim();
}
