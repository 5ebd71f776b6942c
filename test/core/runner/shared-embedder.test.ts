import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Embedder } from '../../../src/core/contracts/embedder.js';
import { sharedEmbedder } from '../../../src/core/runner/shared-embedder.js';

/** An embedder whose requests finish when the test says so, counting how many are open. */
function gatedEmbedder() {
  let open = 0;
  let maxOpen = 0;
  const gates: (() => void)[] = [];
  const embedder: Embedder = {
    id: 'gated',
    model: 'm',
    validate: async () => [],
    probeDimension: async () => 1,
    embed: async (texts) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      await new Promise<void>((r) => gates.push(r));
      open--;
      return texts.map(() => [1]);
    },
  };
  return { embedder, gates, maxOpen: () => maxOpen };
}

const tick = () => new Promise((r) => setImmediate(r));

test('sources sharing one embedder never have more than `concurrency` requests in flight in total', async () => {
  const inner = gatedEmbedder();
  const shared = sharedEmbedder(inner.embedder, 2);
  const signal = new AbortController().signal;
  // Three "sources", each sending 4 requests at once.
  const all = Array.from({ length: 12 }, (_, i) => shared.embed([`t${i}`], signal));
  let finished = 0;
  while (finished < 12) {
    await tick();
    assert.ok(inner.gates.length <= 2, `${inner.gates.length} requests open`);
    const gate = inner.gates.shift();
    if (gate) {
      gate();
      finished++;
    }
  }
  await Promise.all(all);
  assert.equal(inner.maxOpen(), 2);
  assert.equal(shared.maxInFlight, 2);
});

test('a waiting request gives up its place when its source is stopped', async () => {
  const inner = gatedEmbedder();
  const shared = sharedEmbedder(inner.embedder, 1);
  const first = shared.embed(['a'], new AbortController().signal);
  const stop = new AbortController();
  const waiting = shared.embed(['b'], stop.signal);
  stop.abort(new Error('stopped'));
  await assert.rejects(waiting, /stopped/);
  await tick();
  inner.gates.shift()!();
  await first;
  // The slot is free again: a new request runs.
  const third = shared.embed(['c'], new AbortController().signal);
  await tick();
  assert.equal(inner.gates.length, 1);
  inner.gates.shift()!();
  assert.deepEqual(await third, [[1]]);
});
