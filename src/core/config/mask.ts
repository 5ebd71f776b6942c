import { mapStringsDeep } from '../text/map-strings.js';

/**
 * The one masking function for everything shown or stored: replaces secrets in any text with
 * `****`. It knows three forms:
 * - user-info of a URL: `postgresql://user:secret@host/db` -> `postgresql://user:****@host/db`;
 * - password-like query parameters: `?password=secret`, `&sslpassword=...`, `?token=...`;
 * - keyword/value connection strings: `host=h password=secret` or `password='a b'`.
 * Idempotent; text without secrets is returned unchanged.
 */
export function maskSecrets(text: string): string {
  if (!text) return text;
  return text.replace(USER_INFO, '$1:****@').replace(BARE_USER_INFO, '$1$2:****@').replace(KEYWORD_VALUE, (_m, before: string, key: string, eq: string) => `${before}${key}${eq}****`);
}

/** A database URL (or any text holding one) with its secrets masked; kept for existing callers. */
export function maskUrl(url: string): string {
  return maskSecrets(url);
}

// scheme://user:password@ (the password has no `@` or `/`: URLs percent-encode those).
const USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/@?#]*):[^\s@/]*@/gi;

// user:password@host without a scheme (a URL pasted without `postgresql://`).
const BARE_USER_INFO = /(^|[\s'"(=])([^\s:/@'"(=]+):[^\s@/'"]+@/g;

// key=value where the key names a secret; the value is quoted or runs to a separator.
const SECRET_KEYS = String.raw`[a-z_]*pass(?:word|wd)?|pwd|secret|[a-z_]*token|api[_-]?key`;
const KEYWORD_VALUE = new RegExp(
  String.raw`(^|[^a-z0-9_])(${SECRET_KEYS})(\s*=\s*)(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|[^\s&;#'",)]+)`,
  'gi',
);

/** `maskSecrets` applied to every string of a JSON-like value (a `--json` result, run statistics). */
export function maskSecretsDeep<T>(value: T): T {
  return mapStringsDeep(value, maskSecrets) as T;
}
