import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbedderSettings } from '../../../src/core/contracts/embedder.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import { apiRoot, openAICompatibleProvider, openAIOptionsSchema, vectorsFromResponse } from '../../../src/plugins/openai-compatible/index.js';
import { deterministicVector } from '../../helpers/fake-ollama-server.js';
import { startFakeOpenAI, type FakeOpenAI } from '../../helpers/fake-openai-server.js';

const signal = () => new AbortController().signal;
const KEY = 'sk-test-123';

/** An embedder from the provider, with short timeouts and backoff so failures stay fast. */
function makeEmbedder(settings: Partial<EmbedderSettings>, options: object = {}, env: Record<string, string | undefined> = { OPENAI_API_KEY: KEY }) {
  const full: EmbedderSettings = {
    provider: 'openai-compatible', model: 'test-embed', dimensions: 16, batchSize: 8, concurrency: 1,
    // Generous: only the timeout test shortens it, so a loaded machine cannot turn a happy path into a retry.
    timeoutMs: 2_000, maxAttempts: 3, options: {}, ...settings,
  };
  const parsed = openAIOptionsSchema.parse({ retry_base_ms: 5, retry_max_ms: 2_000, ...options });
  return openAICompatibleProvider.create({ settings: full, options: parsed, env, log: silentLogger });
}

describe('openai-compatible embedder against a loopback server', () => {
  let fake: FakeOpenAI;
  before(async () => {
    fake = await startFakeOpenAI({ dimension: 16, apiKey: KEY, reverseOrder: true });
  });
  after(() => fake.close());

  test('embeds a batch in one request, ordered by index, with the key as Bearer token', async () => {
    const start = fake.embedRequests;
    const texts = ['first', 'second', 'third'];
    const vectors = await makeEmbedder({ host: fake.url }).embed(texts, signal());
    assert.deepEqual(vectors, texts.map((t) => deterministicVector(t, 16, 'test-embed')));
    assert.equal(fake.embedRequests - start, 1);
    assert.equal(fake.lastAuthorization, `Bearer ${KEY}`);
    assert.deepEqual(fake.lastBody, { model: 'test-embed', input: texts });
  });

  test('accepts a base_url that already ends in /v1', async () => {
    const vectors = await makeEmbedder({}, { base_url: `${fake.url}/v1/` }).embed(['x'], signal());
    assert.deepEqual(vectors, [deterministicVector('x', 16, 'test-embed')]);
  });

  test('sends `dimensions` only when send_dimensions is on', async () => {
    const vectors = await makeEmbedder({ host: fake.url, dimensions: 8 }, { send_dimensions: true }).embed(['short'], signal());
    assert.equal(fake.lastBody?.dimensions, 8);
    assert.equal(vectors[0].length, 8);
  });

  test('401: the message names the env var holding the key', async () => {
    const start = fake.embedRequests;
    const wrongKey = makeEmbedder({ host: fake.url }, { api_key_env: 'MY_EMBED_KEY' }, { MY_EMBED_KEY: 'wrong' });
    await assert.rejects(wrongKey.embed(['x'], signal()), /HTTP 401.*the key in MY_EMBED_KEY was refused; set MY_EMBED_KEY/);
    assert.equal(fake.embedRequests - start, 1, '4xx is not retried');
    const noKey = makeEmbedder({ host: fake.url }, {}, {});
    const issues = await noKey.validate(signal());
    assert.match(issues[0]?.message ?? '', /OPENAI_API_KEY is not set/);
  });

  test('429 with Retry-After: waits at least that long, then succeeds', async () => {
    const start = fake.embedRequests;
    fake.rateLimitNext(1, 1);
    const vectors = await makeEmbedder({ host: fake.url }).embed(['limited'], signal());
    assert.deepEqual(vectors, [deterministicVector('limited', 16, 'test-embed')]);
    assert.equal(fake.embedRequests - start, 2);
    const [first, second] = fake.embedTimes.slice(-2);
    assert.ok(second - first >= 950, `waited ${second - first} ms`);
  });

  test('500 then success is retried', async () => {
    const start = fake.embedRequests;
    fake.failNext(1, 500);
    assert.equal((await makeEmbedder({ host: fake.url }).embed(['x', 'y'], signal())).length, 2);
    assert.equal(fake.embedRequests - start, 2);
  });

  test('500 beyond the attempts fails with the count', async () => {
    const start = fake.embedRequests;
    fake.failNext(2, 503);
    await assert.rejects(makeEmbedder({ host: fake.url, maxAttempts: 2 }).embed(['x'], signal()), /HTTP 503 after 2 attempts/);
    assert.equal(fake.embedRequests - start, 2);
  });

  test('a wrong dimension is a clear error with the fix', async () => {
    fake.setWrongDimension(12);
    try {
      await assert.rejects(
        makeEmbedder({ host: fake.url }).embed(['x'], signal()),
        /returns 12-dimensional vectors but \[embedder\] dimensions is 16: set \[embedder\] dimensions = 12/,
      );
    } finally {
      fake.setWrongDimension(undefined);
    }
  });

  test('a slow server times out per attempt', async () => {
    fake.setDelay(1_000);
    try {
      await assert.rejects(makeEmbedder({ host: fake.url, timeoutMs: 80, maxAttempts: 2 }).embed(['x'], signal()), /within 80 ms after 2 attempts/);
    } finally {
      fake.setDelay(0);
    }
  });

  test('validate checks the model against /v1/models; probe reports the dimension', async () => {
    assert.deepEqual(await makeEmbedder({ host: fake.url }).validate(signal()), []);
    const issues = await makeEmbedder({ host: fake.url, model: 'nope' }).validate(signal());
    assert.match(issues[0]?.message ?? '', /model "nope" is not served .* it serves: test-embed/);
    assert.equal(await makeEmbedder({ host: fake.url, dimensions: 0 }).probeDimension(signal()), 16);
  });
});

describe('openai-compatible embedder configuration', () => {
  test('no host at all is a validation issue, not a crash', async () => {
    const issues = await makeEmbedder({}).validate(signal());
    assert.match(issues[0]?.message ?? '', /set \[embedder\] host or \[embedder.options\] base_url/);
  });

  test('a closed port is reported as unreachable', async () => {
    const fake = await startFakeOpenAI();
    const url = fake.url;
    await fake.close();
    await assert.rejects(makeEmbedder({ host: url, maxAttempts: 2 }).embed(['x'], signal()), /cannot reach .*ECONNREFUSED.* after 2 attempts/);
  });

  test('apiRoot accepts roots with and without /v1', () => {
    assert.equal(apiRoot('http://127.0.0.1:8000'), 'http://127.0.0.1:8000/v1');
    assert.equal(apiRoot('https://api.openai.com/v1/'), 'https://api.openai.com/v1');
  });

  test('options reject unknown keys', () => {
    assert.equal(openAIOptionsSchema.safeParse({ apiKey: 'x' }).success, false);
  });
});

describe('vectorsFromResponse', () => {
  test('decodes base64 float32 embeddings', () => {
    const floats = new Float32Array([0.5, -0.25]);
    const b64 = Buffer.from(floats.buffer).toString('base64');
    assert.deepEqual(vectorsFromResponse({ data: [{ index: 0, embedding: b64 }] }, 1, 'u'), [[0.5, -0.25]]);
  });

  test('rejects duplicate indexes, missing vectors and mixed dimensions', () => {
    const v = [0.1, 0.2];
    assert.throws(() => vectorsFromResponse({ data: [{ index: 0, embedding: v }, { index: 0, embedding: v }] }, 2, 'u'), /duplicate index 0/);
    assert.throws(() => vectorsFromResponse({ data: [{ index: 0, embedding: v }] }, 2, 'u'), /returned 1 vectors for 2 texts/);
    assert.throws(() => vectorsFromResponse({ data: [{ index: 0, embedding: v }, { index: 1, embedding: [1] }] }, 2, 'u'), /different dimensions/);
  });
});
