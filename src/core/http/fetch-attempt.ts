import { mediaType } from './charset.js';

/** A failure that retrying will not fix (size, content type, 4xx); its message is the reason. */
export class PermanentFetchError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PermanentFetchError';
  }
}

/** A 429 or 5xx answer: worth another attempt, after `retryAfterMs` when the server said so. */
export class RetryableStatusError extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs?: number,
  ) {
    super(`HTTP ${status}`);
    this.name = 'RetryableStatusError';
  }
}

/** The raw outcome of one request: a redirect (body discarded), a 304, or a 2xx with its body read. */
export interface RawAnswer {
  /** The URL requested. */
  url: URL;
  /** HTTP status. */
  status: number;
  /** Lower-cased headers. */
  headers: Record<string, string>;
  /** Body (empty for redirects and 304). */
  body: Buffer;
}

/** What one attempt needs. */
export interface AttemptRequest {
  /** Where to go. */
  url: URL;
  /** Request headers. */
  headers: Record<string, string>;
  /** Accepted media types (`*\/*` and `type/*` allowed); checked before reading the body. */
  accept: string[];
  /** Body cap in bytes. */
  maxBytes: number;
  /** Aborts on timeout or cancellation. */
  signal: AbortSignal;
  /** Parses `Retry-After` into milliseconds. */
  retryAfter(value: string | undefined): number | undefined;
}

/** True when `type` matches one of the accepted media ranges. */
export function accepts(accept: string[], type: string): boolean {
  return accept.some((a) => a === '*/*' || a === type || (a.endsWith('/*') && type.startsWith(a.slice(0, -1))));
}

/** One HTTP request without following redirects; throws the error classes above for bad answers. */
export async function fetchOnce(req: AttemptRequest): Promise<RawAnswer> {
  const res = await fetch(req.url, { headers: req.headers, redirect: 'manual', signal: req.signal });
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
  const answer = (body: Buffer): RawAnswer => ({ url: req.url, status: res.status, headers, body });
  if (res.status === 429 || res.status >= 500) {
    await res.body?.cancel();
    throw new RetryableStatusError(res.status, req.retryAfter(headers['retry-after']));
  }
  if (res.status >= 300 && res.status < 400) {
    await res.body?.cancel();
    return answer(Buffer.alloc(0));
  }
  if (res.status >= 400) {
    await res.body?.cancel();
    throw new PermanentFetchError(`HTTP ${res.status}`, res.status);
  }
  const type = mediaType(headers['content-type']);
  if (type && !accepts(req.accept, type)) {
    await res.body?.cancel();
    throw new PermanentFetchError(`content type ${type} not accepted (expected ${req.accept.join(', ')})`, res.status);
  }
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > req.maxBytes) {
    await res.body?.cancel();
    throw new PermanentFetchError(`response larger than ${req.maxBytes} bytes`, res.status);
  }
  return answer(await readCapped(res, req.maxBytes));
}

/** Streams the body, cancelling as soon as it passes the cap (a lying or missing Content-Length is not trusted). */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new PermanentFetchError(`response larger than ${maxBytes} bytes`, res.status);
    }
    parts.push(value);
  }
  return Buffer.concat(parts);
}
