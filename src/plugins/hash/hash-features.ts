/** How a text is turned into weighted features before hashing. */
export interface FeatureOptions {
  /** Character n-gram length over each word (0 = words only). */
  ngram: number;
}

// Relative weights: whole words carry the meaning a reader sees; identifier parts and
// character n-grams only add partial credit (getWindow ~ window, windows ~ window).
const WORD_WEIGHT = 1;
const PART_WEIGHT = 0.6;
const NGRAM_WEIGHT = 0.3;

/** Splits an identifier into its camelCase / snake_case / digit parts (`getHTTPWindow2` -> get, http, window, 2). */
export function identifierParts(word: string): string[] {
  return word
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([\p{L}])(\p{N})|(\p{N})([\p{L}])/gu, '$1$3 $2$4')
    .split(/[\s_]+/)
    .filter(Boolean)
    .map((part) => part.toLowerCase());
}

/** Weighted features of a text: lower-cased words, identifier parts and character n-grams. */
export function textFeatures(text: string, options: FeatureOptions): Map<string, number> {
  const features = new Map<string, number>();
  const add = (feature: string, weight: number) => features.set(feature, (features.get(feature) ?? 0) + weight);
  for (const match of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
    const raw = match[0];
    const word = raw.toLowerCase();
    add(`w:${word}`, WORD_WEIGHT);
    // Most words are plain; only split those that can have parts (the regexes are the hot path).
    if (/[_\p{N}]|.\p{Lu}/u.test(raw)) {
      const parts = identifierParts(raw);
      if (parts.length > 1) for (const part of parts) add(`w:${part}`, PART_WEIGHT);
    }
    if (options.ngram > 0 && word.length > options.ngram) {
      // Boundary markers make prefixes and suffixes distinct from word-inner n-grams.
      const padded = `^${word}$`;
      for (let i = 0; i + options.ngram <= padded.length; i++) add(`g:${padded.slice(i, i + options.ngram)}`, NGRAM_WEIGHT);
    }
  }
  return features;
}

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** MurmurHash3's finaliser: spreads FNV's weak low bits before taking a bucket. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Signed feature hashing: each feature adds `±f(weight)` to one of `dimensions`
 * buckets; the sign comes from an independent hash so collisions cancel out on average instead
 * of piling up. The result is L2-normalised; a text without any word gets a fixed unit vector
 * so that cosine distance stays defined.
 */
export function hashEmbed(text: string, dimensions: number, options: FeatureOptions): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const features = textFeatures(text, options);
  if (features.size === 0) features.set('<empty>', 1);
  for (const [feature, weight] of features) {
    const hash = fnv1a(feature);
    const bucket = mix32(hash) % dimensions;
    const sign = mix32(hash ^ 0x9e3779b9) & 1 ? 1 : -1;
    // Sublinear term frequency: a word repeated ten times should not drown the rest.
    vector[bucket] += sign * (weight <= 1 ? weight : 1 + Math.log(weight));
  }
  let norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0));
  if (norm === 0) {
    // Every feature cancelled out in its bucket (rare, tiny dimensions): fall back to the marker.
    vector[mix32(fnv1a('<empty>')) % dimensions] = 1;
    norm = 1;
  }
  return vector.map((v) => v / norm);
}
