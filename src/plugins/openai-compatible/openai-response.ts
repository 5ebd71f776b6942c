/**
 * Vectors from a `/v1/embeddings` answer, ordered by each item's `index` (servers may answer out
 * of order), checked to be one per input and all of one dimension. Base64 items (float32,
 * little-endian) are decoded, for servers that send them even unasked.
 */
export function vectorsFromResponse(response: unknown, expectedCount: number, url: string): number[][] {
  const data = (response as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error(`${url} answered without a \`data\` array`);
  if (data.length !== expectedCount) throw new Error(`${url} returned ${data.length} vectors for ${expectedCount} texts`);
  const vectors = new Array<number[] | undefined>(expectedCount);
  data.forEach((item: unknown, position) => {
    const { index, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    // Without indexes, the array order is all there is (some servers omit `index` for one input).
    const slot = typeof index === 'number' ? index : position;
    if (!Number.isInteger(slot) || slot < 0 || slot >= expectedCount || vectors[slot]) {
      throw new Error(`${url} returned an invalid or duplicate index ${String(index)}`);
    }
    vectors[slot] = toVector(embedding, slot, url);
  });
  const result = vectors as number[][];
  const dimension = result[0].length;
  const odd = result.findIndex((v) => v.length !== dimension);
  if (odd >= 0) throw new Error(`${url} returned vectors of different dimensions (${dimension} and ${result[odd].length})`);
  return result;
}

function toVector(embedding: unknown, index: number, url: string): number[] {
  if (typeof embedding === 'string') {
    const bytes = Buffer.from(embedding, 'base64');
    const floats = new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4));
    if (floats.length > 0) return Array.from(floats);
  } else if (Array.isArray(embedding) && embedding.length > 0 && embedding.every((v) => typeof v === 'number')) {
    return embedding as number[];
  }
  throw new Error(`${url} returned a malformed embedding at index ${index}`);
}
