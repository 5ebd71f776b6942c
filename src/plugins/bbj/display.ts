import { docSlug } from '../../plugin-api.js';
import { joinUrlPath } from '../../plugin-api.js';
import { BBJ_WEBHELP_BASE } from './topic-inputs.js';

/** `source_type` labels by `source_url` prefix, first match wins (reference §4.6, plus Advantage PDFs on the docs host). */
const SOURCE_TYPE_LABELS: ReadonlyArray<readonly [string, string]> = [
  ['flare://', 'BASIS BBj Documentation'],
  ['pdf://', 'PDF Manual'],
  ['file://', 'BBj Source Code'],
  ['mdx-dwc://', 'DWC Tutorial'],
  ['mdx-beginner://', 'BBj Beginner Tutorial'],
  ['mdx-db-modernization://', 'DB Modernization Guide'],
  ['bbj_api://', 'BBj API Reference'],
  ['https://basis.cloud/advantage', 'BASIS Advantage Blog'],
  // The reference labelled these Advantage PDFs as help pages because only the host matched.
  ['https://documentation.basis.cloud/advantage/', 'BASIS Advantage Blog'],
  ['https://basis.cloud/knowledge-base', 'BASIS Knowledge Base'],
  ['https://documentation.basis.cloud/', 'BASIS BBj Documentation'],
];

/** Default label when no prefix matches. */
export const DEFAULT_SOURCE_TYPE = 'Documentation';

/** Published sites of the BBj MDX courses, by `source_url` scheme. */
const MDX_SITES: Record<string, string> = {
  'mdx-dwc': 'https://basishub.github.io/DWC-Course/',
  'mdx-beginner': 'https://basishub.github.io/BBj-Beginner-Tutorial/',
  'mdx-db-modernization': 'https://basishub.github.io/Database-Modernization-Tutorial/',
};

/** The BBj default display label for a `source_url`. */
export function defaultSourceType(sourceUrl: string): string {
  return SOURCE_TYPE_LABELS.find(([prefix]) => sourceUrl.startsWith(prefix))?.[1] ?? DEFAULT_SOURCE_TYPE;
}

/**
 * The BBj default clickable URL for a `source_url`, or '' when there is none (pdf, file,
 * bbj_api, unknown schemes). `baseUrl` (a source's `display_base_url`) replaces the built-in
 * site for Flare and MDX URLs.
 */
export function defaultDisplayUrl(sourceUrl: string, baseUrl?: string): string {
  const flare = /^flare:\/\/Content\/(.+)$/.exec(sourceUrl);
  if (flare) return joinUrlPath(baseUrl ?? BBJ_WEBHELP_BASE, flare[1]);
  const mdx = /^(mdx-[a-z0-9-]+):\/\/(.+)$/i.exec(sourceUrl);
  if (mdx) {
    const site = baseUrl ?? MDX_SITES[mdx[1].toLowerCase()];
    return site ? joinUrlPath(site, docSlug(mdx[2])) : '';
  }
  if (/^https?:\/\//i.test(sourceUrl)) return sourceUrl;
  return '';
}
