import type { HttpFailure } from '../contracts/http.js';
import type { ParserContext } from '../contracts/parser.js';

/** True when the answer says the page is gone for good (404, 410): its stored document should go. */
export function isGone(failure: HttpFailure): boolean {
  return failure.status === 404 || failure.status === 410;
}

/**
 * Tells the host how complete a web source's enumeration was. A page that answered 404 or
 * 410 is reported `gone` (deleted even when the run is incomplete); a transient failure (5xx,
 * timeout, network, page limit) makes the run incomplete, so stored documents not seen are
 * kept. Each cause is reported once (the first example is named; later ones are in the skips).
 */
export class Completeness {
  private readonly causes = new Set<string>();

  constructor(private readonly ctx: ParserContext<unknown>) {}

  /** Whether anything made the run incomplete. */
  get incomplete(): boolean {
    return this.causes.size > 0;
  }

  /** Reports the run incomplete for `cause` (once per cause) with a reason naming what was missed. */
  cut(cause: string, reason: string): void {
    if (this.causes.has(cause)) return;
    this.causes.add(cause);
    this.ctx.incomplete?.(reason);
  }

  /**
   * Reports a failed page: skipped with its reason, and gone or a cause of incompleteness
   * depending on the answer. `key` is the page's document key.
   */
  pageFailed(key: string, failure: HttpFailure): void {
    this.ctx.skip(failure.url, failure.reason);
    if (isGone(failure)) this.ctx.gone?.(key, failure.reason);
    else if (failure.transient) this.cut('page', `a page could not be read (${failure.url}: ${failure.reason}); later ones are listed as skipped`);
  }

  /** Reports a failed listing (sitemap, TOC, index page): the pages it would name are unknown. */
  listingFailed(what: string, failure: HttpFailure): void {
    this.ctx.log.warn(`${what} ${failure.url} not readable: ${failure.reason}`);
    this.cut(`listing ${failure.url}`, `${what} ${failure.url} could not be read (${failure.reason})`);
  }
}
