import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbedderSettings } from '../../../src/core/contracts/embedder.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import { hashOptionsSchema, hashProvider, identifierParts } from '../../../src/plugins/hash/index.js';

const signal = new AbortController().signal;

function makeEmbedder(dimensions = 256, options: object = {}) {
  const settings: EmbedderSettings = {
    provider: 'hash', model: '', dimensions, batchSize: 64, concurrency: 1, timeoutMs: 1000, maxAttempts: 1, options: {},
  };
  return hashProvider.create({ settings, options: hashOptionsSchema.parse(options), env: {}, log: silentLogger });
}

const cosine = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * b[i], 0);
const norm = (a: number[]) => Math.sqrt(cosine(a, a));

describe('hash embedder', () => {
  test('is deterministic across instances', async () => {
    const texts = ['Open a BBj window with SYSGUI', 'PRINT "hello"'];
    assert.deepEqual(await makeEmbedder().embed(texts, signal), await makeEmbedder().embed(texts, signal));
  });

  test('has the configured dimension, reported by the probe', async () => {
    const embedder = makeEmbedder(96);
    const [vector] = await embedder.embed(['some text'], signal);
    assert.equal(vector.length, 96);
    assert.equal(await embedder.probeDimension(signal), 96);
    assert.deepEqual(await embedder.validate(signal), []);
  });

  test('vectors are L2-normalised, also for text without words', async () => {
    const vectors = await makeEmbedder().embed(['A sentence with several words.', '', '!!! ---', 'x'], signal);
    for (const vector of vectors) assert.ok(Math.abs(norm(vector) - 1) < 1e-9, `norm ${norm(vector)}`);
  });

  test('similar texts are closer than unrelated ones', async () => {
    const [query, similar, unrelated] = await makeEmbedder().embed(
      [
        'How do I open a window and add a button control?',
        'Opening a new window, then adding button controls to it',
        'Database tables store customer invoices by date',
      ],
      signal,
    );
    const near = cosine(query, similar);
    const far = cosine(query, unrelated);
    assert.ok(near > far + 0.2, `similar ${near.toFixed(3)} vs unrelated ${far.toFixed(3)}`);
  });

  test('identifier parts match the plain words', async () => {
    const [identifier, words, other] = await makeEmbedder().embed(['getWindowTitle', 'window title', 'sales report'], signal);
    assert.ok(cosine(identifier, words) > cosine(identifier, other) + 0.2);
    assert.deepEqual(identifierParts('getHTTPWindow2_title'), ['get', 'http', 'window', '2', 'title']);
  });

  test('character n-grams relate word forms; turning them off removes that', async () => {
    const withGrams = await makeEmbedder(256, { ngram: 3 }).embed(['windows', 'window'], signal);
    const wordsOnly = await makeEmbedder(256, { ngram: 0 }).embed(['windows', 'window'], signal);
    const related = cosine(withGrams[0], withGrams[1]);
    const unrelated = cosine(wordsOnly[0], wordsOnly[1]);
    assert.ok(related > 0.2, `with n-grams ${related.toFixed(3)}`);
    assert.ok(Math.abs(unrelated) < 0.1, `words only ${unrelated.toFixed(3)}`);
  });

  test('an invalid dimension is reported by validate and refused by embed', async () => {
    const embedder = makeEmbedder(0);
    const issues = await embedder.validate(signal);
    assert.match(issues[0]?.message ?? '', /dimensions must be a positive integer, got 0/);
    await assert.rejects(embedder.embed(['x'], signal), /positive integer/);
  });

  test('options reject unknown keys', () => {
    assert.equal(hashOptionsSchema.safeParse({ ngrams: 3 }).success, false);
  });
});
