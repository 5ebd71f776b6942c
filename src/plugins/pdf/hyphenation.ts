import type { TextLine } from './text-lines.js';

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const HYPHEN_END = /([\p{L}]+)[-\u2010\u00ad]$/u;
const LEADING_WORD = /^([\p{L}]+)(-?)/u;

/** Lower-cased words of a document, without the fragments around line-end hyphens. */
export function buildVocabulary(lines: Iterable<TextLine>): Set<string> {
  const vocab = new Set<string>();
  let prevHyphen = false;
  for (const line of lines) {
    const words = line.text.match(WORD) ?? [];
    const endsHyphen = HYPHEN_END.test(line.text);
    const from = prevHyphen ? 1 : 0;
    const to = endsHyphen ? words.length - 1 : words.length;
    for (let i = from; i < to; i++) vocab.add(words[i].toLowerCase());
    prevHyphen = endsHyphen;
  }
  return vocab;
}

/**
 * Joins two lines of a paragraph. A line-end hyphen before a lower-case word is a
 * hyphenation point unless the document spells the hyphenated form elsewhere, or both
 * halves are words of their own and the joined form is not (`high-` `level`).
 */
export function joinLines(left: string, right: string, vocab: Set<string>): string {
  if (left.endsWith('\u00ad')) return left.slice(0, -1) + right;
  // Typesetters break identifiers after an underscore (`asn1_der_` `decoding()`): a space would split one token in two.
  if (/\w_$/.test(left) && /^\w/.test(right)) return left + right;
  // `OCTET SE-` `QUENCE`: a capitalised word broken where the document spells it whole.
  const caps = /([\p{Lu}]+)-$/u.exec(left);
  const capsRight = /^([\p{Lu}]+)\b/u.exec(right);
  if (caps && capsRight && vocab.has((caps[1] + capsRight[1]).toLowerCase())) return left.slice(0, -1) + right;
  const end = HYPHEN_END.exec(left);
  const start = LEADING_WORD.exec(right);
  if (!end || !start || !/^\p{Ll}/u.test(start[1])) return `${left} ${right}`;
  const a = end[1].toLowerCase();
  const b = start[1].toLowerCase();
  const keep = (): string => left.slice(0, -1) + '-' + right;
  const drop = (): string => left.slice(0, -1) + right;
  if (vocab.has(a + b)) return drop();
  if (vocab.has(`${a}-${b}`)) return keep();
  // `quick-` `and-dirty`: the word after the break continues a hyphenated compound.
  if (start[2] === '-') return keep();
  if (a.length > 1 && b.length > 1 && vocab.has(a) && vocab.has(b)) return keep();
  return drop();
}
