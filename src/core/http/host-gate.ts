import pLimit from 'p-limit';
import type { LimitFunction } from 'p-limit';
import { sleep } from '../net/retry.js';

/** Time as the gate sees it; tests pass a fake one to check the schedule without waiting. */
export interface GateClock {
  /** Milliseconds since some fixed point. */
  now(): number;
  /** Resolves after `ms` milliseconds (rejects when `signal` aborts). */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

const realClock: GateClock = { now: () => Date.now(), sleep };

/**
 * Politeness towards one host: at most `concurrency` requests in flight and starts spaced by
 * `intervalMs`. The start slot is reserved synchronously, so concurrent callers never share one.
 */
export class HostGate {
  private readonly limit: LimitFunction;
  private nextStart = 0;

  constructor(
    concurrency: number,
    private readonly intervalMs: number,
    private readonly clock: GateClock = realClock,
  ) {
    this.limit = pLimit(Math.max(1, Math.floor(concurrency)));
  }

  /** Runs `fn` when the host's concurrency and interval allow it. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.limit(async () => {
      const now = this.clock.now();
      const start = Math.max(now, this.nextStart);
      this.nextStart = start + this.intervalMs;
      if (start > now) await this.clock.sleep(start - now, signal);
      return fn();
    });
  }
}

/** One gate per host, created on first use. */
export class HostGates {
  private readonly gates = new Map<string, HostGate>();

  constructor(
    private readonly concurrency: number,
    private readonly intervalMs: number,
  ) {}

  /** The gate of `host` (as `URL.host`). */
  for(host: string): HostGate {
    const key = host.toLowerCase();
    let gate = this.gates.get(key);
    if (!gate) {
      gate = new HostGate(this.concurrency, this.intervalMs);
      this.gates.set(key, gate);
    }
    return gate;
  }
}
