import type { Document } from '../../plugin-api.js';

/** Where the published BBj help lives; its path below this prefix mirrors the Flare `Content/` tree. */
export const BBJ_WEBHELP_BASE = 'https://documentation.basis.cloud/BASISHelp/WebHelp/';
const FLARE_CONTENT = 'flare://Content/';

/**
 * The Content-relative topic path rules match against: `metadata.topic_path` when a parser set
 * it (Flare, web crawl), else derived from a `flare://Content/` source URL, else from a WebHelp
 * URL in the source or display URL (web pages, javadoc classes linking their help topic).
 * Empty when none applies.
 */
export function topicPathOf(doc: Pick<Document, 'sourceUrl' | 'displayUrl' | 'metadata'>): string {
  const given = doc.metadata.topic_path;
  if (typeof given === 'string' && given.trim() !== '') return stripSlashes(given.trim());
  for (const url of [doc.sourceUrl, doc.displayUrl]) {
    if (url.startsWith(FLARE_CONTENT)) return stripSlashes(url.slice(FLARE_CONTENT.length));
    if (url.startsWith(BBJ_WEBHELP_BASE)) return stripSlashes(url.slice(BBJ_WEBHELP_BASE.length).replace(/[?#].*$/, ''));
  }
  return '';
}

/** Topic-level Flare conditions from `metadata.conditions`, given as an array or a comma-separated string. */
export function conditionsOf(doc: Pick<Document, 'metadata'>): string[] {
  const raw = doc.metadata.conditions;
  const parts = Array.isArray(raw) ? raw.filter((v): v is string => typeof v === 'string') : typeof raw === 'string' ? raw.split(/[,;]/) : [];
  return parts.map((c) => c.trim()).filter((c) => c !== '');
}

function stripSlashes(p: string): string {
  return p.replace(/\\/g, '/').replace(/^\/+/, '');
}
