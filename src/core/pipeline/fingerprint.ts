import { createHash } from 'node:crypto';
import type { Document } from '../contracts/document.js';

/**
 * Fingerprint of a document as it will be chunked and embedded: the enriched document plus
 * everything else that shapes its rows (chunk settings, embedding model, rule versions).
 * Equal fingerprints mean nothing needs to be written, so the document is skipped.
 */
export function documentFingerprint(doc: Document, shapingKey: string): string {
  const hash = createHash('sha256');
  hash.update(shapingKey);
  hash.update('\u0000');
  // The parsed tree is a cache of `content`, not part of what the document says.
  const { parsedContent: _tree, ...said } = doc;
  hash.update(stableJson(said));
  return hash.digest('hex');
}

/** JSON with object keys sorted, so key order never changes a fingerprint. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
