import type { JsonValue } from '../contracts/document.js';
import { mapStringsDeep } from './map-strings.js';

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
  return mapStringsDeep(value, pgSafe, { keys: true }) as T;
}

/** Narrowed for documents: a JSON value stays a JSON value. */
export const pgSafeJsonValue: (value: JsonValue) => JsonValue = pgSafeJson;
