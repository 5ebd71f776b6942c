import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { GateClock } from '../../../src/core/http/host-gate.js';
import { HostGate } from '../../../src/core/http/host-gate.js';

/** Fake timers: time moves only when the test advances it to the next timer, so the schedule is checked exactly, without waiting. */
function fakeClock() {
  const timers: { until: number; resolve: () => void }[] = [];
  const clock = {
    time: 1_000,
    now: () => clock.time,
    sleep: (ms: number) => new Promise<void>((resolve) => void timers.push({ until: clock.time + ms, resolve })),
    /** Fires timers in time order, letting their continuations run, until `done` settles. */
    async runUntil(done: Promise<unknown>): Promise<void> {
      let settled = false;
      void done.finally(() => (settled = true));
      while (!settled) {
        await new Promise((r) => setImmediate(r));
        timers.sort((a, b) => a.until - b.until);
        const next = timers.shift();
        if (!next) continue;
        clock.time = Math.max(clock.time, next.until);
        next.resolve();
      }
    },
  };
  return clock satisfies GateClock;
}

describe('HostGate', () => {
  test('starts are spaced by the interval, whatever the concurrency', async () => {
    const clock = fakeClock();
    const gate = new HostGate(3, 60, clock);
    const starts: number[] = [];
    const all = Promise.all([1, 2, 3, 4].map(() => gate.run(async () => void starts.push(clock.now()))));
    await clock.runUntil(all);
    starts.sort((a, b) => a - b);
    assert.deepEqual(starts.map((t) => t - starts[0]), [0, 60, 120, 180]);
  });

  test('never more than `concurrency` tasks run at once', async () => {
    const gate = new HostGate(2, 0, fakeClock());
    let running = 0;
    let most = 0;
    const release: (() => void)[] = [];
    const tasks = [1, 2, 3, 4, 5].map(() =>
      gate.run(async () => {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
      }),
    );
    // Let the gate admit what it will, then release tasks one by one.
    for (let done = 0; done < 5; done++) {
      while (release.length === 0) await new Promise((r) => setImmediate(r));
      assert.ok(running <= 2);
      release.shift()!();
    }
    await Promise.all(tasks);
    assert.equal(most, 2);
  });
});
