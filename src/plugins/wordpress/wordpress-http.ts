import type { HttpSourceSettings } from '../../plugin-api.js';
import { politeHttpSettings } from '../../plugin-api.js';
import { ARTICLE_TYPES } from './wordpress-options.js';
import type { WordpressCommonOptions } from './wordpress-options.js';

/** Client settings of a WordPress source: the index's host plus `extra_hosts`, the configured rate limit, concurrency and timeout. */
export function wordpressHttpSettings(options: WordpressCommonOptions): HttpSourceSettings {
  const hosts = [new URL(options.index_url).host, ...options.extra_hosts];
  return {
    scope: { hosts: [...new Set(hosts.map((h) => h.toLowerCase()))] },
    ...politeHttpSettings(options),
    allowedContentTypes: ARTICLE_TYPES,
    ...(options.max_pages !== undefined ? { maxPages: options.max_pages } : {}),
  };
}
