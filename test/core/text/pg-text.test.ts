import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pgSafe, pgSafeJson } from '../../../src/core/text/pg-text.js';

describe('pgSafe: characters PostgreSQL refuses are removed', () => {
  test('NUL and lone surrogates go; pairs (emoji) and other text stay', () => {
    assert.equal(pgSafe('a\u0000b'), 'ab');
    assert.equal(pgSafe('x\uD800y'), 'xy');
    assert.equal(pgSafe('x\uDC00y'), 'xy');
    assert.equal(pgSafe('end\uD83D'), 'end');
    assert.equal(pgSafe('ok 😀 \u00e9 \uFFFD'), 'ok 😀 \u00e9 \uFFFD');
    const plain = 'plain text';
    assert.equal(pgSafe(plain), plain);
  });

  test('every string and key of a JSON value', () => {
    assert.deepEqual(pgSafeJson({ 'k\u0000': ['a\u0000', { b: '\uD800c' }], n: 1, t: null }), { k: ['a', { b: 'c' }], n: 1, t: null });
    assert.doesNotThrow(() => JSON.parse(JSON.stringify(pgSafeJson({ reason: 'bad \u0000 byte' }))));
  });
});
