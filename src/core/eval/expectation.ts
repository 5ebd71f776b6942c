import type { SearchHit } from '../search/index.js';

/**
 * Whether a result is what an `expect` entry names. An entry is compared with the chunk's
 * document key, source URL and display URL: equal, or, when the entry ends in `/` or `*`,
 * a prefix of one of them (`*` itself is dropped), so one entry can name a whole section.
 */
export function matchesExpectation(entry: string, hit: Pick<SearchHit, 'doc_key' | 'source_url' | 'display_url'>): boolean {
  const candidates = [hit.doc_key, hit.source_url, hit.display_url].filter(Boolean);
  if (entry.endsWith('*') || entry.endsWith('/')) {
    const prefix = entry.endsWith('*') ? entry.slice(0, -1) : entry;
    return candidates.some((c) => c.startsWith(prefix));
  }
  return candidates.includes(entry);
}
