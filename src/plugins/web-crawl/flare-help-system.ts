import type { CheerioAPI } from 'cheerio';
import * as cheerio from 'cheerio';
import { isHttpFailure } from '../../plugin-api.js';
import type { HttpClient, HttpFailure } from '../../plugin-api.js';
import type { FlareTocChunk } from './flare-toc.js';
import { readFlareToc, readFlareTocChunk, tocTopics } from './flare-toc.js';
import { errorMessage } from '../../plugin-api.js';

const XML_TYPES = ['application/xml', 'text/xml', 'text/plain', 'application/octet-stream'];
const SCRIPT_TYPES = ['application/javascript', 'text/javascript', 'application/x-javascript', 'text/plain', 'application/octet-stream'];

/** Where a Flare HTML5 page says its help system is. */
export interface HelpSystemRef {
  /** The help-system file (`Default.xml`). */
  file: string;
  /** The output root the TOC and topic paths are relative to. */
  root: string;
}

/** A topic page listed in the TOC: absolute URL and TOC breadcrumb. */
export interface TocPage {
  /** Absolute URL (may carry a fragment). */
  url: string;
  /** Book titles, then the entry's own title. */
  breadcrumb: string[];
}

/** What reading the help system gave: pages in TOC order, and listings that could not be read. */
export interface HelpSystemPages {
  /** Linked TOC entries. */
  pages: TocPage[];
  /** Listings (help-system file, TOC, chunks) that failed, with why. */
  failures: { what: string; failure: HttpFailure }[];
}

/**
 * The help system a page declares with `data-mc-help-system-file-name` and
 * `data-mc-path-to-help-system` on its `<html>` element (Flare HTML5 output), or undefined.
 */
export function helpSystemOf($: CheerioAPI, pageUrl: string): HelpSystemRef | undefined {
  const html = $('html').first();
  const name = html.attr('data-mc-help-system-file-name')?.trim();
  if (!name) return undefined;
  const up = html.attr('data-mc-path-to-help-system')?.trim() ?? '';
  try {
    const root = new URL(up || './', pageUrl);
    root.search = '';
    root.hash = '';
    return { file: new URL(name, root).href, root: root.href };
  } catch {
    return undefined;
  }
}

/**
 * Reads the help-system file, its TOC module and every chunk, and lists the TOC's topics in
 * navigation order. Nothing is evaluated: the modules are read as object literals.
 */
export async function readHelpSystem(http: HttpClient, ref: HelpSystemRef, signal: AbortSignal): Promise<HelpSystemPages> {
  const failures: HelpSystemPages['failures'] = [];
  const fail = (what: string, url: string, reason: string): HelpSystemPages => {
    failures.push({ what, failure: { ok: false, url, reason } });
    return { pages: [], failures };
  };
  const system = await http.get(ref.file, { accept: XML_TYPES, signal });
  if (isHttpFailure(system)) return { pages: [], failures: [{ what: 'Flare help-system file', failure: system }] };
  const $ = cheerio.load(system.text(), { xml: true });
  const tocAttr = $('WebHelpSystem').first().attr('Toc')?.trim();
  if (!tocAttr) return fail('Flare help-system file', ref.file, 'no Toc attribute on <WebHelpSystem>');
  const tocUrl = new URL(tocAttr, ref.root).href;
  const tocRes = await http.get(tocUrl, { accept: SCRIPT_TYPES, signal });
  if (isHttpFailure(tocRes)) return { pages: [], failures: [{ what: 'Flare TOC', failure: tocRes }] };
  let toc;
  try {
    toc = readFlareToc(tocRes.text());
  } catch (error) {
    return fail('Flare TOC', tocUrl, `not a Flare TOC module: ${errorMessage(error)}`);
  }
  const chunks: FlareTocChunk[] = [];
  for (let n = 0; n < toc.numchunks; n++) {
    const chunkUrl = new URL(`${toc.prefix}${n}.js`, tocUrl).href;
    const res = await http.get(chunkUrl, { accept: SCRIPT_TYPES, signal });
    if (isHttpFailure(res)) {
      failures.push({ what: 'Flare TOC chunk', failure: res });
      chunks.push({});
      continue;
    }
    try {
      chunks.push(readFlareTocChunk(res.text()));
    } catch (error) {
      failures.push({ what: 'Flare TOC chunk', failure: { ok: false, url: chunkUrl, reason: `not a TOC chunk module: ${errorMessage(error)}` } });
      chunks.push({});
    }
  }
  const pages: TocPage[] = [];
  for (const topic of tocTopics(toc, chunks)) {
    try {
      // Chunk paths start with `/` but are relative to the output root, not to the host.
      pages.push({ url: new URL(topic.path.replace(/^\/+/, ''), ref.root).href, breadcrumb: topic.breadcrumb });
    } catch {
      // A path no URL can be made of is not a page.
    }
  }
  return { pages, failures };
}
