import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyStats } from '../../src/core/pipeline/source-stats.js';
import { describeProgress } from '../../src/cli/progress-text.js';

test('progress names the counters and, once the parser knows its total, an ETA', () => {
  const stats = { ...emptyStats(), documents: 25, chunksNew: 90, embedCalls: 3 };
  assert.equal(describeProgress(stats, {}), '25 docs, 90 new, 0 unchanged, 0 deleted, 3 embed calls');
  assert.equal(describeProgress(stats, { done: 25, total: 100 }, 10_000), '25/100 docs, 90 new, 0 unchanged, 0 deleted, 3 embed calls, ~30s left');
  assert.match(describeProgress(stats, { done: 10, total: 1000 }, 10_000), /~16m30s left$/);
  assert.doesNotMatch(describeProgress(stats, { done: 100, total: 100 }, 10_000), /left/);
});
