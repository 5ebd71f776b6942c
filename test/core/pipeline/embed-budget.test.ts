import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createEmbedBudget } from '../../../src/core/pipeline/embed-budget.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('createEmbedBudget', () => {
  test('never runs more than `concurrency` requests at once, across owners', async () => {
    const budget = createEmbedBudget(2);
    let open = 0;
    let most = 0;
    const work = async () => {
      open++;
      most = Math.max(most, open);
      await tick();
      await tick();
      open--;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => budget.run(i % 3 === 0 ? 'a' : 'b', work)));
    assert.equal(most, 2);
    assert.equal(budget.inFlight, 0);
  });

  test('serves waiting owners in turn, so a deep queue does not starve another source', async () => {
    const budget = createEmbedBudget(1);
    const order: string[] = [];
    let release!: () => void;
    const first = budget.run('a', () => new Promise<void>((r) => (release = r)));
    const queued = [
      ...Array.from({ length: 4 }, () => budget.run('a', async () => void order.push('a'))),
      ...Array.from({ length: 2 }, () => budget.run('b', async () => void order.push('b'))),
    ];
    await tick();
    release();
    await Promise.all([first, ...queued]);
    assert.deepEqual(order, ['a', 'b', 'a', 'b', 'a', 'a']);
  });

  test('an aborted wait leaves the line and frees nothing it did not hold', async () => {
    const budget = createEmbedBudget(1);
    let release!: () => void;
    const held = budget.run('a', () => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    const waiting = budget.run('b', async () => 'ran', controller.signal);
    controller.abort(new Error('stopped'));
    await assert.rejects(waiting, /stopped/);
    await tick();
    release();
    await held;
    assert.equal(await budget.run('c', async () => 'next'), 'next');
    assert.equal(budget.inFlight, 0);
  });
});
