import type { HttpResponse, HttpValidators } from '../contracts/http.js';
import { isHttpFailure } from '../contracts/http.js';
import type { ParserContext } from '../contracts/parser.js';

/**
 * Fetches a page conditionally for a parser. A failure is reported with `ctx.skip`, a 304
 * with `ctx.unchanged(key)`; both return undefined so the parser simply moves on.
 */
export async function fetchForParse(ctx: ParserContext<unknown>, url: string, key: string, accept: string[]): Promise<HttpResponse | undefined> {
  const res = await ctx.http.get(url, { conditional: true, accept, signal: ctx.signal });
  if (isHttpFailure(res)) {
    ctx.skip(url, res.reason);
    return undefined;
  }
  if (res.status === 304) {
    ctx.unchanged(key);
    return undefined;
  }
  return res;
}

/** The cache validators of a response, for `DocumentInput.httpValidators`. */
export function validatorsOf(res: HttpResponse): HttpValidators | undefined {
  const etag = res.headers.etag;
  const lastModified = res.headers['last-modified'];
  if (!etag && !lastModified) return undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

/** True when the bytes are a PDF whatever the server claimed (`%PDF-` near the start). */
export function looksLikePdf(body: Buffer): boolean {
  return body.subarray(0, 1024).toString('latin1').includes('%PDF-');
}

/** True when the bytes start like an HTML document. */
export function looksLikeHtml(body: Buffer): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body)\b/i.test(body.subarray(0, 2048).toString('latin1'));
}
