/** What `checkVectors` compares an embedder's answer against. */
export interface VectorExpectation {
  /** Texts sent: one vector per text is expected. */
  count: number;
  /** Who answered, for messages (`model "m" on ollama at http://...`). */
  who: string;
  /** The dimension every vector must have; 0 or absent means "any, but all equal". */
  dimension?: number;
  /** What fixed the dimension, for messages (`[embedder] dimensions`, `the store`). */
  dimensionSource?: string;
  /** How to fix a dimension mismatch. */
  dimensionFix?: string;
}

/**
 * The one vector check of the host and every embedder: one vector per text, each a non-empty
 * array of finite numbers, all of one dimension, equal to the expected one when there is one.
 * A wrong vector must never reach the store, where it would poison every later search.
 */
export function checkVectors(vectors: unknown, expect: VectorExpectation): number[][] {
  const { count, who } = expect;
  if (!Array.isArray(vectors)) throw new Error(`${who} returned no vectors for ${count} texts`);
  if (vectors.length !== count) throw new Error(`${who} returned ${vectors.length} vectors for ${count} texts`);
  let dimension = 0;
  for (const [i, vector] of (vectors as unknown[]).entries()) {
    if (!Array.isArray(vector) || vector.length === 0 || !vector.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      throw new Error(`${who} returned a malformed vector at position ${i} (not a non-empty list of finite numbers)`);
    }
    if (i === 0) dimension = vector.length;
    else if (vector.length !== dimension) {
      throw new Error(`${who} returned vectors of different dimensions (${dimension} and ${vector.length})`);
    }
  }
  const expected = expect.dimension ?? 0;
  if (count > 0 && expected > 0 && dimension !== expected) {
    const fix = expect.dimensionFix ? `: ${expect.dimensionFix}` : '';
    throw new Error(`${who} returns ${dimension}-dimensional vectors but ${expect.dimensionSource ?? 'the expected dimension'} is ${expected}${fix}`);
  }
  return vectors as number[][];
}
