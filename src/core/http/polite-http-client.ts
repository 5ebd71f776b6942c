import createDebug from 'debug';
import type { HttpClient, HttpFailure, HttpRequestOptions, HttpResponse, HttpValidators } from '../contracts/http.js';
import { parseRetryAfter, withRetry } from '../net/retry.js';
import { decodeBody, mediaType, sniffCharset } from './charset.js';
import type { RawAnswer } from './fetch-attempt.js';
import { PermanentFetchError, RetryableStatusError, fetchOnce } from './fetch-attempt.js';
import { HostGates } from './host-gate.js';
import type { HttpClientSettings } from './http-settings.js';
import { describeScope, isInScope } from './http-settings.js';
import type { RobotsFetchResult } from './robots-cache.js';
import { RobotsCache } from './robots-cache.js';
import { errorMessage } from '../errors/bbj-error.js';

const debug = createDebug('bbj:http');

/** Ends a request with a reason (scope, robots, redirects, limits); never retried. */
class RequestRefused extends Error {
  constructor(
    message: string,
    readonly status?: number,
    /** The URL may exist: the failure came from a server or network problem, not a final answer. */
    readonly transient = false,
  ) {
    super(message);
  }
}

interface FetchPlan {
  accept: string[];
  validators?: HttpValidators;
  signal?: AbortSignal;
  robots: boolean;
}

/**
 * The polite HTTP client: every hop of a redirect chain is checked against the scope and
 * robots.txt before it is requested, each host gets its own rate limit and concurrency, and
 * transient failures are retried with backoff. Failures come back as values, never thrown.
 */
export class PoliteHttpClient implements HttpClient {
  private readonly gates: HostGates;
  private readonly robots: RobotsCache;
  private pages = 0;

  constructor(private readonly settings: HttpClientSettings) {
    this.gates = new HostGates(settings.perHostConcurrency, settings.perHostIntervalMs);
    this.robots = new RobotsCache(settings.userAgent, (url) => this.fetchRobots(url), settings.log);
  }

  /** Number of pages requested so far (robots.txt excluded). */
  get pageCount(): number {
    return this.pages;
  }

  async get(url: string, options: HttpRequestOptions = {}): Promise<HttpResponse | HttpFailure> {
    const failure = (reason: string, status?: number, transient = false): HttpFailure => ({
      ok: false,
      url,
      reason,
      ...(status ? { status } : {}),
      ...(transient ? { transient } : {}),
    });
    let start: URL;
    try {
      start = new URL(url);
    } catch {
      return failure('invalid URL');
    }
    start.hash = '';
    if (!isInScope(start, this.settings.scope)) return failure(`outside the scope (${describeScope(this.settings.scope)})`);
    if (this.settings.maxPages !== undefined && this.pages >= this.settings.maxPages) {
      return failure(`page limit of ${this.settings.maxPages} reached`, undefined, true);
    }
    this.pages++;
    try {
      const validators = options.conditional ? await this.settings.validators?.lookup(url) : undefined;
      const accept = options.accept ?? this.settings.allowedContentTypes;
      const answer = await this.follow(start, { accept, validators, signal: options.signal, robots: this.settings.respectRobots });
      return toResponse(answer);
    } catch (error) {
      if (error instanceof RequestRefused) return failure(error.message, error.status, error.transient);
      if (options.signal?.aborted) return failure('aborted', undefined, true);
      return failure(errorMessage(error), undefined, true);
    }
  }

  async sitemaps(url: string): Promise<string[]> {
    try {
      return await this.robots.sitemaps(new URL(url));
    } catch {
      return [];
    }
  }

  /** Follows redirects by hand so that no hop outside the scope (or disallowed) is ever requested. */
  private async follow(start: URL, plan: FetchPlan): Promise<RawAnswer> {
    const seen = new Set<string>();
    let current = start;
    for (let hop = 0; ; hop++) {
      if (plan.robots) {
        const refusal = await this.robots.check(current);
        if (refusal) throw new RequestRefused(hop === 0 ? refusal.reason : `redirect to ${current.href} ${refusal.reason}`, undefined, refusal.transient);
      }
      seen.add(current.href);
      const answer = await this.attempt(current, plan);
      if (answer.status < 300 || answer.status >= 400 || answer.status === 304) return answer;
      const location = answer.headers.location;
      if (!location) throw new RequestRefused(`HTTP ${answer.status} without a Location header`, answer.status);
      const next = new URL(location, current);
      next.hash = '';
      if (seen.has(next.href)) throw new RequestRefused(`redirect loop at ${next.href}`, answer.status);
      if (hop + 1 > this.settings.maxRedirects) throw new RequestRefused(`more than ${this.settings.maxRedirects} redirects`, answer.status);
      if (!isInScope(next, this.settings.scope, !plan.robots)) {
        throw new RequestRefused(`redirect to ${next.href} outside the scope (${describeScope(this.settings.scope)})`, answer.status);
      }
      debug('redirect %s -> %s', current.href, next.href);
      current = next;
    }
  }

  /** One request with retries; each try waits for the host's gate and has its own timeout. */
  private async attempt(url: URL, plan: FetchPlan): Promise<RawAnswer> {
    const s = this.settings;
    const headers: Record<string, string> = { 'user-agent': s.userAgent, accept: plan.accept.join(', ') };
    if (plan.validators?.etag) headers['if-none-match'] = plan.validators.etag;
    if (plan.validators?.lastModified) headers['if-modified-since'] = plan.validators.lastModified;
    let attempts = 0;
    const gate = this.gates.for(url.host);
    try {
      return await withRetry(
        () =>
          gate.run(async () => {
            attempts++;
            const timeout = AbortSignal.timeout(s.timeoutMs);
            const signal = plan.signal ? AbortSignal.any([plan.signal, timeout]) : timeout;
            try {
              return await fetchOnce({ url, headers, accept: plan.accept, maxBytes: s.maxBytes, signal, retryAfter: (v) => parseRetryAfter(v) });
            } catch (error) {
              if (timeout.aborted && !plan.signal?.aborted) throw new TimeoutError(s.timeoutMs);
              throw error;
            }
          }, plan.signal),
        {
          attempts: s.maxAttempts,
          baseDelayMs: s.retryBaseDelayMs,
          maxDelayMs: s.retryMaxDelayMs,
          signal: plan.signal,
          classify: (error) => {
            if (error instanceof RetryableStatusError) return { retry: true, afterMs: error.retryAfterMs };
            if (error instanceof PermanentFetchError || plan.signal?.aborted) return { retry: false };
            return { retry: true };
          },
          onRetry: (error, attempt, delayMs) => {
            debug('retry %s after attempt %d (%s) in %d ms', url.href, attempt, describe(error), Math.round(delayMs));
            s.log.debug(`retrying ${url.href} in ${Math.round(delayMs)} ms after ${describe(error)}`);
          },
        },
      );
    } catch (error) {
      if (error instanceof PermanentFetchError) throw new RequestRefused(error.message, error.status);
      if (plan.signal?.aborted) throw error;
      const status = error instanceof RetryableStatusError ? error.status : undefined;
      throw new RequestRefused(`${describe(error)} (gave up after ${attempts} attempt${attempts === 1 ? '' : 's'})`, status, true);
    }
  }

  private async fetchRobots(url: URL): Promise<RobotsFetchResult> {
    try {
      const answer = await this.follow(url, { accept: ['*/*'], robots: false });
      if (answer.status !== 200) return { reason: `HTTP ${answer.status}`, status: answer.status };
      return { text: decodeBody(answer.body, answer.headers['content-type']) };
    } catch (error) {
      const status = error instanceof RequestRefused ? error.status : undefined;
      return { reason: errorMessage(error), status };
    }
  }
}

/** A timeout of one attempt (retryable). */
class TimeoutError extends Error {
  constructor(ms: number) {
    super(`timed out after ${ms} ms`);
  }
}

function describe(error: unknown): string {
  if (error instanceof RetryableStatusError || error instanceof TimeoutError || error instanceof PermanentFetchError) return error.message;
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return `network error: ${cause?.code ?? cause?.message ?? error.message}`;
  }
  return String(error);
}

function toResponse(answer: RawAnswer): HttpResponse {
  const header = answer.headers['content-type'];
  let type = mediaType(header);
  // Servers that send no Content-Type still send recognisable bytes.
  if (!type && answer.body.length > 0) type = sniffType(answer.body);
  let decoded: string | undefined;
  return {
    url: answer.url.href,
    status: answer.status,
    headers: answer.headers,
    body: answer.body,
    contentType: type,
    text: () => (decoded ??= decodeBody(answer.body, header)),
  };
}

function sniffType(body: Buffer): string {
  const head = body.subarray(0, 512).toString('latin1').trimStart();
  if (head.startsWith('%PDF-')) return 'application/pdf';
  if (/^<\?xml/i.test(head)) return 'application/xml';
  if (/^<(!doctype html|html|head|body)/i.test(head) || sniffCharset(body)) return 'text/html';
  return 'application/octet-stream';
}
