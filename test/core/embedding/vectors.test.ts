import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkVectors } from '../../../src/core/embedding/vectors.js';
import { classifyHttpError, HttpStatusError, networkErrorCode } from '../../../src/core/embedding/http-errors.js';

const who = 'model "m" on test';

describe('checkVectors (the one vector check of embedders and the pipeline)', () => {
  const bad: Array<[string, unknown, number, RegExp]> = [
    ['no array', { embeddings: [] }, 1, /returned no vectors for 1 texts/],
    ['too few', [[1, 2]], 2, /returned 1 vectors for 2 texts/],
    ['NaN value', [[1, Number.NaN]], 1, /malformed vector at position 0/],
    ['Infinity value', [[1, 2], [Infinity, 2]], 2, /malformed vector at position 1/],
    ['null value (what JSON makes of NaN)', [[null, 1]], 1, /malformed vector at position 0/],
    ['string value', [['1', 2]], 1, /malformed vector at position 0/],
    ['empty vector', [[]], 1, /malformed vector at position 0/],
    ['mixed dimensions', [[1, 2], [1, 2, 3]], 2, /different dimensions \(2 and 3\)/],
  ];
  for (const [name, vectors, count, message] of bad) {
    test(`rejects: ${name}`, () => assert.throws(() => checkVectors(vectors, { count, who }), message));
  }

  test('an expected dimension is enforced with its source and fix', () => {
    assert.throws(
      () => checkVectors([[1, 2]], { count: 1, who, dimension: 3, dimensionSource: '[embedder] dimensions', dimensionFix: 'set dimensions = 2' }),
      /model "m" on test returns 2-dimensional vectors but \[embedder\] dimensions is 3: set dimensions = 2/,
    );
  });

  test('good vectors pass through unchanged; no texts need no vectors', () => {
    const vectors = [[0.5, -1], [0, 2]];
    assert.equal(checkVectors(vectors, { count: 2, who, dimension: 2 }), vectors);
    assert.deepEqual(checkVectors([], { count: 0, who, dimension: 2 }), []);
  });
});

describe('HTTP embedder failure classification', () => {
  test('a connection reset while reading the body is a network error (nested cause), and retried', () => {
    const reset = new TypeError('terminated', { cause: { name: 'SocketError', cause: { code: 'ECONNRESET' } } });
    assert.equal(networkErrorCode(reset), 'ECONNRESET');
    assert.deepEqual(classifyHttpError(reset), { retry: true });
  });

  test('429 keeps Retry-After; other 4xx and an over-long input are final', () => {
    assert.deepEqual(classifyHttpError(new HttpStatusError(429, 'slow down', 1500)), { retry: true, afterMs: 1500 });
    assert.deepEqual(classifyHttpError(new HttpStatusError(400, 'bad')), { retry: false });
    assert.deepEqual(classifyHttpError(new HttpStatusError(500, 'input length exceeds maximum context length')), { retry: false });
    assert.deepEqual(classifyHttpError(new HttpStatusError(502, 'bad gateway')), { retry: true, afterMs: undefined });
  });

  test('a bug in our own code is not mistaken for a network error', () => {
    assert.equal(networkErrorCode(new TypeError('x is not a function')), undefined);
    assert.deepEqual(classifyHttpError(new TypeError('x is not a function')), { retry: false });
  });
});
