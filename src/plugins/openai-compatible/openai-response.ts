import { checkVectors } from '../../plugin-api.js';

/**
 * Vectors from a `/v1/embeddings` answer, ordered by each item's `index` (servers may answer out
 * of order) and checked by the shared vector check. Base64 items (float32, little-endian) are
 * decoded, for servers that send them even unasked.
 */
export function vectorsFromResponse(response: unknown, expectedCount: number, url: string): number[][] {
  const data = (response as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) throw new Error(`${url} answered without a \`data\` array`);
  const vectors = new Array<unknown>(data.length);
  data.forEach((item: unknown, position) => {
    const { index, embedding } = (item ?? {}) as { index?: unknown; embedding?: unknown };
    // Without indexes, the array order is all there is (some servers omit `index` for one input).
    const slot = typeof index === 'number' ? index : position;
    if (!Number.isInteger(slot) || slot < 0 || slot >= data.length || vectors[slot] !== undefined) {
      throw new Error(`${url} returned an invalid or duplicate index ${String(index)}`);
    }
    vectors[slot] = typeof embedding === 'string' ? fromBase64(embedding) : embedding;
  });
  return checkVectors(vectors, { count: expectedCount, who: url });
}

function fromBase64(embedding: string): number[] {
  const bytes = Buffer.from(embedding, 'base64');
  return Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, Math.floor(bytes.byteLength / 4)));
}
