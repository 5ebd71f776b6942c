import type { HttpSourceSettings } from '../../core/contracts/http.js';
import { ARTICLE_TYPES } from './wordpress-options.js';
import type { WordpressCommonOptions } from './wordpress-options.js';

/** Client settings of a WordPress source: the index's host plus `extra_hosts`, the configured rate limit, concurrency and timeout. */
export function wordpressHttpSettings(options: WordpressCommonOptions): HttpSourceSettings {
  const hosts = [new URL(options.index_url).host, ...options.extra_hosts];
  return {
    scope: { hosts: [...new Set(hosts.map((h) => h.toLowerCase()))] },
    perHostIntervalMs: options.rate_limit_ms,
    perHostConcurrency: options.max_in_flight,
    timeoutMs: options.timeout_ms,
    maxAttempts: options.max_attempts,
    respectRobots: options.respect_robots,
    allowedContentTypes: ARTICLE_TYPES,
    ...(options.max_pages !== undefined ? { maxPages: options.max_pages } : {}),
  };
}
