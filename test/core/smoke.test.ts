import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSchema } from '../../src/core/contracts/index.js';

test('DocumentSchema rejects whitespace-only content', () => {
  const result = DocumentSchema.safeParse({ key: 'a', sourceUrl: 'x://a', content: '   ' });
  assert.equal(result.success, false);
});
