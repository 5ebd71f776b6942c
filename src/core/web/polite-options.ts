import { z } from 'zod';
import type { HttpSourceSettings } from '../contracts/http.js';

/** The request-pacing options every web parser has (zod shape); `rateLimitMs` is the source's default pace. */
export function politeOptions(defaults: { rateLimitMs: number }) {
  return {
    rate_limit_ms: z.number().int().min(0).default(defaults.rateLimitMs).describe('Minimum milliseconds between the starts of two requests to one host.'),
    max_in_flight: z.number().int().min(1).max(16).default(2).describe('Requests in flight at once per host (each start still waits for `rate_limit_ms`).'),
    timeout_ms: z.number().int().min(100).max(600_000).default(30_000).describe('Milliseconds one attempt at a page may take (connect, headers and body) before it counts as timed out.'),
    max_attempts: z.number().int().min(1).max(10).default(4).describe('Attempts per page for timeouts, network errors, 429 and 5xx (backoff between them).'),
  };
}

/** The validated pacing options, plus `respect_robots`. */
export interface PoliteOptions {
  rate_limit_ms: number;
  max_in_flight: number;
  timeout_ms: number;
  max_attempts: number;
  respect_robots: boolean;
}

/** The polite client settings those options mean; the parser adds its scope, content types and page cap. */
export function politeHttpSettings(options: PoliteOptions): Pick<HttpSourceSettings, 'perHostIntervalMs' | 'perHostConcurrency' | 'timeoutMs' | 'maxAttempts' | 'respectRobots'> {
  return {
    perHostIntervalMs: options.rate_limit_ms,
    perHostConcurrency: options.max_in_flight,
    timeoutMs: options.timeout_ms,
    maxAttempts: options.max_attempts,
    respectRobots: options.respect_robots,
  };
}
