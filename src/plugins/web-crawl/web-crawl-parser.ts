import * as cheerio from 'cheerio';
import createDebug from 'debug';
import { isHttpFailure } from '../../plugin-api.js';
import type { HttpResponse } from '../../plugin-api.js';
import type { DocumentInput, JsonValue } from '../../plugin-api.js';
import type { ParserContext } from '../../plugin-api.js';
import { Completeness } from '../../plugin-api.js';
import { looksLikePdf, validatorsOf } from '../../plugin-api.js';
import { extractLinks } from '../../plugin-api.js';
import { inParallel } from '../../plugin-api.js';
import type { WebParser } from '../../plugin-api.js';
import type { QueuedPage } from './crawl-frontier.js';
import { CrawlFrontier } from './crawl-frontier.js';
import { HTML_TYPES, webCrawlInfo } from './web-crawl-info.js';
import type { WebCrawlOptions } from './crawl-options.js';
import { crawledDocument } from './crawl-page.js';
import type { HelpSystemRef } from './flare-help-system.js';
import { helpSystemOf } from './flare-help-system.js';
import { queueSitemapPages, queueTocPages } from './page-discovery.js';

const debug = createDebug('bbj:web-crawl');

export { webCrawlHttpSettings } from './web-crawl-info.js';
/** What the last run kept with a page. */
interface PageState {
  links?: string[];
  breadcrumb?: string[];
  helpSystem?: HelpSystemRef;
}

/** What visiting a page gave: its document (when new or changed), its links, the help system it declares. */
interface Visit {
  doc?: DocumentInput;
  finalUrl?: string;
  links?: string[];
  helpSystem?: HelpSystemRef;
}

/**
 * One crawl: the start page first (it may declare a Flare help system), then the pages of the
 * help system's TOC, of the sitemaps and of body links, fetched `max_in_flight` at a time.
 */
class Crawl {
  readonly frontier: CrawlFrontier;
  readonly completeness: Completeness;
  /** TOC path of each page the help system's TOC lists, by canonical URL. */
  readonly breadcrumbs = new Map<string, string[]>();
  private fetched = 0;
  private stopped = false;

  constructor(private readonly ctx: ParserContext<WebCrawlOptions>) {
    this.frontier = new CrawlFrontier(ctx.options);
    this.completeness = new Completeness(ctx);
  }

  /** The next page's visit, which queues the page's links; undefined when the frontier is empty or `max_pages` is reached. */
  nextVisit(): (() => Promise<Visit>) | undefined {
    const page = this.take();
    if (!page) return undefined;
    return async () => {
      const visit = await this.visit(page);
      this.offerLinks(visit, page.depth);
      return visit;
    };
  }

  /** Queues the links a visit found, one hop deeper. */
  offerLinks(visit: Visit, depth: number): void {
    for (const link of visit.links ?? []) this.frontier.offer(link, depth + 1);
  }

  /** The next page to fetch, counted against `max_pages`; the run is cut (incomplete) when the cap leaves pages unfetched. */
  take(): QueuedPage | undefined {
    if (this.stopped || this.ctx.signal.aborted) return undefined;
    const page = this.frontier.next();
    if (!page) return undefined;
    const { options } = this.ctx;
    if (this.fetched >= options.max_pages) {
      this.stopped = true;
      const left = this.frontier.pending + 1;
      this.ctx.skip(options.base_url, `max_pages (${options.max_pages}) reached with ${left} pages not fetched`);
      this.completeness.cut('max_pages', `max_pages (${options.max_pages}) reached with ${left} pages not fetched`);
      return undefined;
    }
    this.fetched++;
    this.ctx.progress({ done: this.fetched - 1, total: this.frontier.discovered, message: page.url });
    return page;
  }

  /** Pages fetched so far. */
  get pagesFetched(): number {
    return this.fetched;
  }

  /**
   * Fetches a page conditionally. A 304 is reported unchanged and the links stored with the page
   * last time keep the crawl going; the page is fetched again only when those are missing (and
   * `relink_unchanged` is set) or its TOC breadcrumb changed. Failures are reported to `completeness`.
   */
  async visit(page: QueuedPage): Promise<Visit> {
    const { ctx } = this;
    const { options } = ctx;
    debug('fetching %s (depth %d)', page.url, page.depth);
    const tocBreadcrumb = this.breadcrumbs.get(page.url);
    let res = await ctx.http.get(page.url, { conditional: true, accept: HTML_TYPES, signal: ctx.signal });
    if (isHttpFailure(res)) {
      this.completeness.pageFailed(page.url, res);
      return {};
    }
    let unchanged = res.status === 304;
    if (unchanged) {
      const state = pageState((await ctx.stored?.(page.url))?.parserState);
      const moved = tocBreadcrumb !== undefined && JSON.stringify(tocBreadcrumb) !== JSON.stringify(state.breadcrumb);
      if (state.links && !moved) {
        ctx.unchanged(page.url);
        // As on the first run, the redirect target counts as crawled (else it would come back as a new page).
        if (this.frontier.canonical(res.url) !== page.url) this.frontier.markSeen(res.url);
        return { links: state.links, helpSystem: state.helpSystem };
      }
      if (!moved && !options.relink_unchanged) {
        ctx.unchanged(page.url);
        this.completeness.cut('links', `the links of unchanged pages are not stored and relink_unchanged is off (first: ${page.url})`);
        return {};
      }
      const again = await ctx.http.get(page.url, { accept: HTML_TYPES, signal: ctx.signal });
      if (isHttpFailure(again)) {
        ctx.unchanged(page.url);
        this.completeness.cut('relink', `an unchanged page could not be read again for its links (${page.url}: ${again.reason})`);
        return {};
      }
      res = again;
      // A page whose place in the TOC moved is a changed document.
      unchanged = !moved;
      if (unchanged) ctx.unchanged(page.url);
    }
    return this.read(page, res, unchanged, tocBreadcrumb);
  }

  private read(page: QueuedPage, res: HttpResponse, unchanged: boolean, tocBreadcrumb: string[] | undefined): Visit {
    const { ctx } = this;
    // A redirect to a page already crawled under its own URL would be a duplicate document.
    if (this.frontier.canonical(res.url) !== page.url && !this.frontier.markSeen(res.url)) {
      debug('%s redirects to the already crawled %s', page.url, res.url);
      return {};
    }
    if (looksLikePdf(res.body)) {
      if (!unchanged) ctx.skip(page.url, `a PDF served as ${res.contentType}; the crawl reads HTML pages only`);
      return {};
    }
    const $ = cheerio.load(res.text());
    const links = extractLinks($, res.url);
    const helpSystem = this.ctx.options.help_system ? helpSystemOf($, res.url) : undefined;
    if (unchanged) return { links, helpSystem };
    const doc = crawledDocument($, page.url, res.url, page.depth, ctx.options, validatorsOf(res), tocBreadcrumb);
    if (!doc) {
      // A Flare start page is often a shell whose content loads by script: nothing to store, but no fault either.
      if (page.depth > 0 || !helpSystem) ctx.skip(page.url, 'no content left after removing the page chrome');
      return { links, helpSystem };
    }
    const state: Record<string, JsonValue> = { links };
    if (tocBreadcrumb) state.breadcrumb = tocBreadcrumb;
    if (page.depth === 0 && helpSystem) state.helpSystem = { file: helpSystem.file, root: helpSystem.root };
    return { doc: { ...doc, parserState: state }, links, helpSystem, finalUrl: res.url };
  }
}

/**
 * Crawl of a published help site: the start page, then the pages its Flare help system's TOC
 * lists (with their TOC breadcrumbs), the pages sitemaps list, and the pages body links reach,
 * all within the base URL's directory, robots.txt, `max_depth` and `max_pages`. A run cut short
 * (page limit, 5xx, timeout, unreadable listing) is reported incomplete so nothing is swept;
 * a page answering 404 or 410 is reported gone.
 */
async function* crawl(ctx: ParserContext<WebCrawlOptions>): AsyncGenerator<DocumentInput> {
  const { options } = ctx;
  const run = new Crawl(ctx);
  // The start page alone: its HTML says whether a help system describes the site.
  const first = run.take();
  if (!first) return;
  const start = await run.visit(first);
  // Pages are queued in this order: the TOC's, the sitemaps', then the start page's links.
  if (start.helpSystem && options.help_system) await queueTocPages(ctx, start.helpSystem, run.frontier, run.breadcrumbs, run.completeness);
  // The start page was read before the TOC: when the TOC lists it (or the topic it redirects to), it gets its TOC path now.
  if (start.doc) yield withTocPlace(start.doc, run.breadcrumbs.get(first.url) ?? run.breadcrumbs.get(run.frontier.canonical(start.finalUrl ?? first.url)));
  if (options.sitemaps) await queueSitemapPages(ctx, run.frontier, run.completeness);
  run.offerLinks(start, first.depth);
  for await (const visit of inParallel(() => run.nextVisit(), options.max_in_flight, ctx.signal)) {
    if (visit.doc) yield visit.doc;
  }
  ctx.progress({ done: run.pagesFetched, total: run.pagesFetched });
}

/** The document with its TOC breadcrumb, when it has one. */
function withTocPlace(doc: DocumentInput, breadcrumb: string[] | undefined): DocumentInput {
  if (!breadcrumb) return doc;
  return {
    ...doc,
    breadcrumb,
    metadata: { ...doc.metadata, section_path: breadcrumb.join(' > '), toc: true },
    parserState: { ...(doc.parserState as Record<string, JsonValue>), breadcrumb },
  };
}

/** A page's stored parser state, checked. */
function pageState(value: JsonValue | undefined): PageState {
  const state = (value ?? {}) as { links?: unknown; breadcrumb?: unknown; helpSystem?: unknown };
  const strings = (v: unknown): string[] | undefined => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : undefined);
  const help = state.helpSystem as { file?: unknown; root?: unknown } | undefined;
  return {
    links: strings(state.links),
    breadcrumb: strings(state.breadcrumb),
    helpSystem: help && typeof help.file === 'string' && typeof help.root === 'string' ? { file: help.file, root: help.root } : undefined,
  };
}

/** The `web-crawl` parser. */
export const webCrawlParser: WebParser<WebCrawlOptions> = {
  ...webCrawlInfo,
  parse: crawl,
};
