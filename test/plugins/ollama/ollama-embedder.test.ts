import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { EmbedderSettings } from '../../../src/core/contracts/embedder.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import { ollamaOptionsSchema, ollamaProvider } from '../../../src/plugins/ollama/index.js';
import { deterministicVector, startFakeOllama, type FakeOllama } from '../../helpers/fake-ollama-server.js';

const signal = () => new AbortController().signal;

/** An embedder from the provider, with short timeouts and backoff so failures stay fast. */
function makeEmbedder(settings: Partial<EmbedderSettings> = {}, env: Record<string, string | undefined> = {}, options: object = {}) {
  const full: EmbedderSettings = {
    provider: 'ollama',
    model: 'test-embed',
    dimensions: 16,
    batchSize: 8,
    concurrency: 1,
    // Generous: only the timeout tests shorten it, so a loaded CI machine cannot turn a happy path into a retry.
    timeoutMs: 2_000,
    maxAttempts: 3,
    options: {},
    ...settings,
  };
  const parsed = ollamaOptionsSchema.parse({ retry_base_ms: 5, retry_max_ms: 20, ...options });
  return ollamaProvider.create({ settings: full, options: parsed, env, log: silentLogger });
}

describe('ollama embedder against a loopback Ollama server', () => {
  let fake: FakeOllama;
  before(async () => {
    fake = await startFakeOllama({ dimension: 16 });
  });
  after(() => fake.close());

  test('embeds a batch in one request, one vector per text in input order', async () => {
    const start = fake.embedRequests;
    const texts = ['alpha', 'beta', 'gamma'];
    const vectors = await makeEmbedder({ host: fake.url }).embed(texts, signal());
    assert.deepEqual(vectors, texts.map((t) => deterministicVector(t, 16)));
    assert.equal(fake.embedRequests - start, 1);
  });

  test('an empty batch makes no request', async () => {
    const start = fake.embedRequests;
    assert.deepEqual(await makeEmbedder({ host: fake.url }).embed([], signal()), []);
    assert.equal(fake.embedRequests, start);
  });

  test('validate passes when the model is pulled', async () => {
    assert.deepEqual(await makeEmbedder({ host: fake.url }).validate(signal()), []);
  });

  test('retries two 500s and then succeeds', async () => {
    const start = fake.embedRequests;
    fake.failNext(2, 500);
    const vectors = await makeEmbedder({ host: fake.url }).embed(['retry me'], signal());
    assert.deepEqual(vectors, [deterministicVector('retry me', 16)]);
    assert.equal(fake.embedRequests - start, 3);
  });

  test('gives up on 500 after the configured attempts', async () => {
    const start = fake.embedRequests;
    fake.failNext(3, 500);
    await assert.rejects(makeEmbedder({ host: fake.url, maxAttempts: 3 }).embed(['x'], signal()), /HTTP 500 after 3 attempts/);
    assert.equal(fake.embedRequests - start, 3);
  });

  test('a non-JSON error page keeps its text and the client prints nothing', async (t) => {
    const printed = t.mock.method(console, 'log', () => {});
    fake.failNext(1, 400, 'Bad Gateway from proxy');
    await assert.rejects(makeEmbedder({ host: fake.url }).embed(['x'], signal()), /HTTP 400.*Bad Gateway from proxy/);
    assert.equal(printed.mock.callCount(), 0);
  });

  test('does not retry a 400', async () => {
    const start = fake.embedRequests;
    fake.failNext(1, 400);
    await assert.rejects(makeEmbedder({ host: fake.url }).embed(['x'], signal()), /HTTP 400/);
    assert.equal(fake.embedRequests - start, 1);
  });

  test('a slow answer times out after the configured attempts', async () => {
    const start = fake.embedRequests;
    fake.setDelay(1_000);
    const began = Date.now();
    try {
      await assert.rejects(
        makeEmbedder({ host: fake.url, timeoutMs: 100, maxAttempts: 2 }).embed(['slow'], signal()),
        /did not answer within 100 ms after 2 attempts/,
      );
    } finally {
      fake.setDelay(0);
    }
    assert.equal(fake.embedRequests - start, 2);
    // Uncut, two attempts would take at least 2 x 1000 ms of server delay.
    assert.ok(Date.now() - began < 1_900, 'each attempt was cut at the timeout');
  });

  test('cancelling the run rejects with the caller reason and does not retry', async () => {
    const start = fake.embedRequests;
    fake.setDelay(1_000);
    const controller = new AbortController();
    const reason = new Error('run cancelled');
    // Abort once the server holds the request, so the abort hits an in-flight call.
    const poll = setInterval(() => {
      if (fake.embedRequests > start) controller.abort(reason);
    }, 5);
    try {
      await assert.rejects(makeEmbedder({ host: fake.url, timeoutMs: 5_000 }).embed(['x'], controller.signal), (e) => e === reason);
    } finally {
      clearInterval(poll);
      fake.setDelay(0);
    }
    assert.equal(fake.embedRequests - start, 1);
  });

  test('vectors of the wrong dimension are a clear error', async () => {
    fake.setWrongDimension(8);
    try {
      await assert.rejects(
        makeEmbedder({ host: fake.url }).embed(['a', 'b'], signal()),
        /returns 8-dimensional vectors but \[embedder\] dimensions is 16/,
      );
    } finally {
      fake.setWrongDimension(undefined);
    }
  });

  test('fewer vectors than texts is a clear error', async () => {
    fake.setDropVectors(1);
    try {
      await assert.rejects(makeEmbedder({ host: fake.url }).embed(['a', 'b', 'c'], signal()), /returned 2 vectors for 3 texts/);
    } finally {
      fake.setDropVectors(0);
    }
  });

  test('probes the dimension through /api/show without embedding', async () => {
    const start = fake.embedRequests;
    assert.equal(await makeEmbedder({ host: fake.url }).probeDimension(signal()), 16);
    assert.equal(fake.embedRequests, start);
  });

  test('OLLAMA_HOST without a scheme is used when no host is configured', async () => {
    const vectors = await makeEmbedder({}, { OLLAMA_HOST: `127.0.0.1:${fake.port}` }).embed(['env'], signal());
    assert.deepEqual(vectors, [deterministicVector('env', 16)]);
  });

  test('OLLAMA_HOST=0.0.0.0:PORT connects to loopback', async () => {
    assert.deepEqual(await makeEmbedder({}, { OLLAMA_HOST: `0.0.0.0:${fake.port}` }).validate(signal()), []);
  });

  test('options reject unknown keys', () => {
    assert.equal(ollamaOptionsSchema.safeParse({ keepalive: '5m' }).success, false);
    assert.equal(ollamaOptionsSchema.safeParse({ keep_alive: '5m', truncate: true }).success, true);
  });
});

describe('ollama embedder failure messages', () => {
  test('a model that is not pulled: validate says `ollama pull`, embed fails without retrying', async () => {
    const fake = await startFakeOllama({ models: ['other-model'] });
    try {
      const embedder = makeEmbedder({ host: fake.url, model: 'missing-model' });
      const issues = await embedder.validate(signal());
      assert.equal(issues.length, 1);
      assert.match(issues[0].message, /`ollama pull missing-model`/);
      await assert.rejects(embedder.embed(['x'], signal()), /ollama pull missing-model/);
      await assert.rejects(embedder.probeDimension(signal()), /ollama pull missing-model/);
      assert.equal(fake.embedRequests, 1);
    } finally {
      await fake.close();
    }
  });

  test('a closed port: messages name the host and how to fix it', async () => {
    const fake = await startFakeOllama();
    const url = fake.url;
    await fake.close();
    const embedder = makeEmbedder({ host: url, maxAttempts: 2 });
    const issues = await embedder.validate(signal());
    assert.equal(issues.length, 1);
    assert.ok(issues[0].message.includes(`cannot reach ollama at ${url} (ECONNREFUSED)`), issues[0].message);
    assert.match(issues[0].message, /is `ollama serve` running\? set OLLAMA_HOST/);
    await assert.rejects(embedder.embed(['x'], signal()), /cannot reach ollama .* after 2 attempts/);
  });

  test('probes by embedding when /api/show has no model_info', async () => {
    const fake = await startFakeOllama({ dimension: 24, omitModelInfo: true });
    try {
      assert.equal(await makeEmbedder({ host: fake.url, dimensions: 24 }).probeDimension(signal()), 24);
      assert.equal(fake.embedRequests, 1);
    } finally {
      await fake.close();
    }
  });

  test('probes `<arch>.embedding_length` for the reported architecture', async () => {
    const fake = await startFakeOllama({ dimension: 1024, architecture: 'qwen3', models: ['qwen3-embedding:0.6b'] });
    try {
      const embedder = makeEmbedder({ host: fake.url, model: 'qwen3-embedding:0.6b', dimensions: 1024 });
      assert.equal(await embedder.probeDimension(signal()), 1024);
      assert.equal(fake.embedRequests, 0);
    } finally {
      await fake.close();
    }
  });
});
