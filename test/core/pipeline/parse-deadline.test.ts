import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { withParseDeadline } from '../../../src/core/pipeline/parse-deadline.js';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // synchronous CPU work, as a parser stuck in a regex or a conversion would do
  }
}

async function run<T>(items: AsyncIterable<T>, timeoutMs: number) {
  const slow: string[] = [];
  const stalled: string[] = [];
  const out: T[] = [];
  for await (const item of withParseDeadline(items, { timeoutMs, current: () => 'reading c.md', onSlow: (i) => slow.push(i), onStalled: (i) => stalled.push(i) })) out.push(item);
  return { out, slow, stalled };
}

describe('per-document parse time limit', () => {
  test('a parser that waits forever is left after the limit: the source ends there, the stalled document is named', async () => {
    async function* parser() {
      yield { key: 'a.md' };
      yield { key: 'b.md' };
      await new Promise(() => {}); // a read that never answers
      yield { key: 'never.md' };
    }
    const { out, slow, stalled } = await run(parser(), 1500);
    assert.deepEqual(out.map((d) => d.key), ['a.md', 'b.md']);
    assert.deepEqual(slow, []);
    assert.deepEqual(stalled, ['the document after b.md (parser status: reading c.md)']);
  });

  test('synchronous work cannot be interrupted: the document that took too long is skipped afterwards and named, the rest go on', async () => {
    async function* parser() {
      yield { sourceUrl: 'x://fast-1' };
      busy(1500);
      yield { sourceUrl: 'x://slow' };
      yield { sourceUrl: 'x://fast-2' };
    }
    const { out, slow, stalled } = await run(parser(), 500);
    assert.deepEqual(out.map((d) => d.sourceUrl), ['x://fast-1', 'x://fast-2']);
    assert.deepEqual(slow, ['x://slow']);
    assert.deepEqual(stalled, []);
  });

  test('errors of the parser pass through; an empty parse ends', async () => {
    async function* failing() {
      yield { key: 'a' };
      throw new Error('boom');
    }
    await assert.rejects(run(failing(), 1000), /boom/);
    async function* empty() {}
    assert.deepEqual((await run(empty(), 1000)).out, []);
  });
});
