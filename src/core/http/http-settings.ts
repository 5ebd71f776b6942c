import type { HttpValidatorLookup } from '../contracts/http.js';
import type { Logger } from '../contracts/logger.js';
import { silentLogger } from '../contracts/logger.js';

/** Hosts and path prefix a client may request; everything else (redirect targets included) is refused. */
export interface HttpScope {
  /** Allowed hosts as `URL.host` spells them (`basis.cloud`, `127.0.0.1:8080`), compared case-insensitively. */
  hosts: string[];
  /** When set, request paths must start with it (robots.txt of an allowed host is always allowed). */
  pathPrefix?: string;
}

/** Everything that makes a polite HTTP client. */
export interface HttpClientSettings {
  /** Descriptive `User-Agent`, also the agent name matched against robots.txt groups. */
  userAgent: string;
  /** Limit for one attempt (connect, headers and body), in milliseconds. */
  timeoutMs: number;
  /** Attempts per request, at least 1; retries only network errors, timeouts, 429 and 5xx. */
  maxAttempts: number;
  /** Delay before the first retry (doubles, with jitter). */
  retryBaseDelayMs: number;
  /** Cap on any one retry delay, `Retry-After` included. */
  retryMaxDelayMs: number;
  /** Requests in flight at once per host. */
  perHostConcurrency: number;
  /** Minimum time between the starts of two requests to the same host. */
  perHostIntervalMs: number;
  /** Largest accepted response body; bigger bodies are a failure. */
  maxBytes: number;
  /** Most pages fetched by this client (robots.txt not counted); later requests fail. */
  maxPages?: number;
  /** Redirect hops followed per request. */
  maxRedirects: number;
  /** Media types accepted when a request names none. */
  allowedContentTypes: string[];
  /** Where requests may go. */
  scope: HttpScope;
  /** Whether to obey robots.txt. */
  respectRobots: boolean;
  /** Validators of stored copies, for conditional requests. */
  validators?: HttpValidatorLookup;
  /** Diagnostics (retries, robots problems). */
  log: Logger;
}

/** Defaults suitable for crawling someone else's site: one request per second per host, 4 attempts, 30 s timeout. */
export const defaultHttpSettings: HttpClientSettings = {
  userAgent: 'bbj-rag/0.1 (+https://www.npmjs.com/package/bbj-rag; documentation ingestion for retrieval-augmented generation)',
  timeoutMs: 30_000,
  maxAttempts: 4,
  retryBaseDelayMs: 1_000,
  retryMaxDelayMs: 60_000,
  perHostConcurrency: 2,
  perHostIntervalMs: 1_000,
  maxBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  allowedContentTypes: ['text/html', 'application/xhtml+xml'],
  scope: { hosts: [] },
  respectRobots: true,
  log: silentLogger,
};

/** True when `url` is http(s), on an allowed host and under the path prefix. */
export function isInScope(url: URL, scope: HttpScope, isRobots = false): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.host.toLowerCase();
  if (!scope.hosts.some((h) => h.toLowerCase() === host)) return false;
  if (isRobots || !scope.pathPrefix) return true;
  return url.pathname.startsWith(scope.pathPrefix);
}

/** Human description of a scope for failure reasons. */
export function describeScope(scope: HttpScope): string {
  const hosts = scope.hosts.join(', ') || '(none)';
  return scope.pathPrefix ? `hosts ${hosts} under ${scope.pathPrefix}` : `hosts ${hosts}`;
}
