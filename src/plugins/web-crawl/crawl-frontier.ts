import { canonicalUrl } from '../../plugin-api.js';
import type { WebCrawlOptions } from './crawl-options.js';
import { crawlRoot } from './crawl-options.js';

/** A page waiting to be fetched. */
export interface QueuedPage {
  /** Canonical URL (also the document key). */
  url: string;
  /** Link hops from the base URL. */
  depth: number;
}

/** Breadth-first frontier: FIFO queue, visited set of canonical URLs, scope and depth rules. */
export class CrawlFrontier {
  private readonly queue: QueuedPage[] = [];
  private head = 0;
  private readonly seen = new Set<string>();
  private readonly root: URL;

  constructor(private readonly options: WebCrawlOptions) {
    this.root = crawlRoot(options.base_url);
    this.offer(options.base_url, 0);
  }

  /** Canonical form of a URL under this crawl's rules. */
  canonical(url: string): string {
    return canonicalUrl(url, this.options.ignore_query_params);
  }

  /** Queues a link when it is a page under the crawl root not seen before and not too deep; returns its canonical URL when queued. */
  offer(link: string, depth: number): string | undefined {
    if (depth > this.options.max_depth) return undefined;
    let url: URL;
    try {
      url = new URL(this.canonical(link));
    } catch {
      return undefined;
    }
    if (!this.inScope(url)) return undefined;
    const path = url.pathname.toLowerCase();
    if (!path.endsWith('/') && !this.options.page_extensions.some((ext) => path.endsWith(ext.toLowerCase()))) return undefined;
    if (this.seen.has(url.href)) return undefined;
    this.seen.add(url.href);
    this.queue.push({ url: url.href, depth });
    return url.href;
  }

  /** True when `url` lies under the crawl root (same origin, path prefix). */
  inScope(url: URL): boolean {
    return url.origin === this.root.origin && url.pathname.startsWith(this.root.pathname);
  }

  /** Marks a URL (a redirect target) as visited so it is not fetched again; false when it already was. */
  markSeen(url: string): boolean {
    const canonical = this.canonical(url);
    if (this.seen.has(canonical)) return false;
    this.seen.add(canonical);
    return true;
  }

  /** The next page, or undefined when the crawl is complete. */
  next(): QueuedPage | undefined {
    return this.head < this.queue.length ? this.queue[this.head++] : undefined;
  }

  /** Pages discovered so far (fetched or queued). */
  get discovered(): number {
    return this.queue.length;
  }

  /** Pages still queued. */
  get pending(): number {
    return this.queue.length - this.head;
  }
}
