import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultBucketWidth, histogramBuckets, skippedFromStats } from '../../../src/core/report/index.js';

describe('histogram buckets', () => {
  test('about eight buckets whatever the limit', () => {
    assert.equal(defaultBucketWidth(400), 50);
    assert.equal(defaultBucketWidth(8192), 1024);
    assert.equal(defaultBucketWidth(5), 1);
  });

  test('a limit that is not a multiple of the width ends the last bucket at the limit', () => {
    const buckets = histogramBuckets(new Map([[3, 7], [0, 2]]), 130, 50);
    assert.deepEqual(buckets, [
      { label: '0-50', min: 0, max: 50, chunks: 0 },
      { label: '51-100', min: 51, max: 100, chunks: 0 },
      { label: '101-130', min: 101, max: 130, chunks: 7 },
      { label: '> 130', min: 131, max: null, chunks: 2 },
    ]);
  });
});

describe('skipped items from run stats', () => {
  test('reads the recorded list, a JSON string, and old count-only stats', () => {
    const items = [{ item: 'a.htm', reason: 'produced no chunks' }];
    assert.deepEqual(skippedFromStats(3, { skipped: 1, skipped_items: items }), { runId: 3, count: 1, itemsRecorded: true, items });
    assert.deepEqual(skippedFromStats(4, JSON.stringify({ skipped: 1, skipped_items: items })).items, items);
    assert.deepEqual(skippedFromStats(5, { skipped: 9 }), { runId: 5, count: 9, itemsRecorded: false, items: [] });
  });
});
