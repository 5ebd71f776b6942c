/** One HTTP answer as parsers see it: body already read (and capped), redirects already followed in scope. */
export interface HttpResponse {
  /** Final URL after redirects. */
  url: string;
  /** HTTP status (200, or 304 when a conditional request found the page unchanged). */
  status: number;
  /** Lower-cased response headers. */
  headers: Record<string, string>;
  /** Raw body bytes (empty for 304). */
  body: Buffer;
  /** The `Content-Type` media type without parameters, lower-cased (`text/html`). */
  contentType: string;
  /** Body decoded with the charset from the headers or the document, for text types. */
  text(): string;
}

/** Options of one request. */
export interface HttpRequestOptions {
  /** Send `If-None-Match`/`If-Modified-Since` from what the store remembered for this URL. */
  conditional?: boolean;
  /** Media types accepted for this request; others are a failure with a reason. */
  accept?: string[];
  /** Cancels the request. */
  signal?: AbortSignal;
}

/**
 * The polite HTTP client given to parsers: per-host rate limit and concurrency, timeouts,
 * retries with backoff, robots.txt, scope and size limits. It never throws for an HTTP
 * status: failures come back as `HttpFailure` so the parser can report and go on.
 */
export interface HttpClient {
  /** Fetches a URL; resolves to a response or a failure with a reason. */
  get(url: string, options?: HttpRequestOptions): Promise<HttpResponse | HttpFailure>;
  /** Sitemap URLs listed by the `Sitemap:` lines of the robots.txt of `url`'s host (cached). Clients may omit this. */
  sitemaps?(url: string): Promise<string[]>;
}

/** Why a URL could not be fetched. */
export interface HttpFailure {
  /** Always `false`, to tell a failure from a response. */
  ok: false;
  /** The URL requested. */
  url: string;
  /** Human-readable reason (`HTTP 500 after 3 attempts`, `disallowed by robots.txt`). */
  reason: string;
  /** Last HTTP status seen, when there was one. */
  status?: number;
  /**
   * True when the failure says nothing about whether the URL exists: 5xx or 429 after the
   * retries, a timeout, a network error, an unreachable robots.txt, the client's page limit.
   * A parser that meets one has not enumerated its source completely. False or absent for
   * answers that are final (404, 410, other 4xx, refused by scope or robots.txt, wrong type, too big).
   */
  transient?: boolean;
}

/** True when the value is an `HttpFailure`. */
export function isHttpFailure(value: HttpResponse | HttpFailure): value is HttpFailure {
  return (value as HttpFailure).ok === false;
}

/** Validators remembered for a URL from the last stored fetch. */
export interface HttpValidators {
  /** `ETag` response header. */
  etag?: string;
  /** `Last-Modified` response header. */
  lastModified?: string;
}

/** Where the HTTP client finds the validators of the stored copy of a URL (the documents manifest). */
export interface HttpValidatorLookup {
  /** Validators saved with the stored document whose key is this URL, if any. */
  lookup(url: string): Promise<HttpValidators | undefined>;
}

/** HTTP client settings a parser asks for its source; unset fields take the host's defaults. */
export interface HttpSourceSettings {
  /** Hosts and path prefix requests may go to; anything else, redirects included, is refused. */
  scope: { hosts: string[]; pathPrefix?: string };
  /** Minimum milliseconds between two requests to one host. */
  perHostIntervalMs?: number;
  /** Requests in flight per host. */
  perHostConcurrency?: number;
  /** Most pages fetched in one run. */
  maxPages?: number;
  /** Largest accepted response body in bytes. */
  maxBytes?: number;
  /** Timeout of one attempt in milliseconds. */
  timeoutMs?: number;
  /** Attempts per request. */
  maxAttempts?: number;
  /** Media types accepted by default. */
  allowedContentTypes?: string[];
  /** Whether robots.txt is obeyed (default true). */
  respectRobots?: boolean;
}
