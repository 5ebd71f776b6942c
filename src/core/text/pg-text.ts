import type { JsonValue } from '../contracts/document.js';

// NUL (PostgreSQL text and jsonb refuse it: `invalid byte sequence ... 0x00`, `unsupported Unicode
// escape sequence`) and UTF-16 surrogates without their partner (jsonb refuses their `\ud800`
// escapes; in text they would become U+FFFD anyway).
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const REFUSED = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex -- matching NUL is the point
const HAS_REFUSED = /\u0000|[\uD800-\uDFFF]/;

/** Removes the characters PostgreSQL refuses in text and jsonb (NUL, lone surrogates); other text is returned as is. */
export function pgSafe(text: string): string {
  // Surrogates are common in valid text (emoji); only run the full scan when one might be lone.
  return HAS_REFUSED.test(text) ? text.replace(REFUSED, '') : text;
}

/** `pgSafe` applied to every string and key of a JSON-like value (metadata, run statistics). */
export function pgSafeJson<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (typeof value === 'string') return pgSafe(value);
  if (Array.isArray(value)) return value.map(clean);
  if (value && typeof value === 'object' && (value.constructor === Object || Object.getPrototypeOf(value) === null)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[pgSafe(k)] = clean(v);
    return out;
  }
  return value;
}

/** Narrowed for documents: a JSON value stays a JSON value. */
export const pgSafeJsonValue: (value: JsonValue) => JsonValue = pgSafeJson;
