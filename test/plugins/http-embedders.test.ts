import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Embedder, EmbedderSettings } from '../../src/core/contracts/embedder.js';
import { silentLogger } from '../../src/core/contracts/logger.js';
import { ollamaOptionsSchema, ollamaProvider } from '../../src/plugins/ollama/index.js';
import { openAICompatibleProvider, openAIOptionsSchema } from '../../src/plugins/openai-compatible/index.js';
import { startFakeOllama } from '../helpers/fake-ollama-server.js';
import { startFakeOpenAI } from '../helpers/fake-openai-server.js';

/**
 * One table of retry and failure behaviour run against both built-in HTTP embedders: they share
 * one base, so they must retry, give up and explain failures the same way.
 */

/** A loopback server of one protocol, with the faults the table needs. */
interface Server {
  url: string;
  /** Embedding requests received. */
  embedRequests(): number;
  /** The next `count` embedding requests answer `status` with `message`; `retryAfter` in seconds. */
  failNext(count: number, status: number, message?: string, retryAfter?: number): void;
  setWrongDimension(dimension: number | undefined): void;
  close(): Promise<void>;
}

interface Protocol {
  name: string;
  start(): Promise<Server>;
  create(settings: EmbedderSettings): Embedder;
}

const base = (url: string, settings: Partial<EmbedderSettings>): EmbedderSettings => ({
  provider: '', model: 'test-embed', dimensions: 16, batchSize: 8, concurrency: 1, timeoutMs: 2_000, maxAttempts: 3, options: {}, host: url, ...settings,
});

const protocols: Protocol[] = [
  {
    name: 'ollama',
    async start() {
      const fake = await startFakeOllama({ dimension: 16 });
      return {
        url: fake.url,
        embedRequests: () => fake.embedRequests,
        failNext: (count, status, message, retryAfter) =>
          fake.failNext(count, status, message, retryAfter === undefined ? undefined : { 'retry-after': String(retryAfter) }),
        setWrongDimension: (d) => fake.setWrongDimension(d),
        close: () => fake.close(),
      };
    },
    create: (settings) =>
      ollamaProvider.create({ settings: { ...settings, provider: 'ollama' }, options: ollamaOptionsSchema.parse({ retry_base_ms: 5, retry_max_ms: 2_000 }), env: {}, log: silentLogger }),
  },
  {
    name: 'openai-compatible',
    async start() {
      const fake = await startFakeOpenAI({ dimension: 16 });
      return {
        url: fake.url,
        embedRequests: () => fake.embedRequests,
        failNext: (count, status, message, retryAfter) => (retryAfter === undefined ? fake.failNext(count, status, message) : fake.rateLimitNext(count, retryAfter)),
        setWrongDimension: (d) => fake.setWrongDimension(d),
        close: () => fake.close(),
      };
    },
    create: (settings) =>
      openAICompatibleProvider.create({
        settings: { ...settings, provider: 'openai-compatible' },
        options: openAIOptionsSchema.parse({ retry_base_ms: 5, retry_max_ms: 2_000 }),
        env: {},
        log: silentLogger,
      }),
  },
];

interface Case {
  name: string;
  settings?: Partial<EmbedderSettings>;
  arrange(server: Server): void;
  /** Expected failure message, or undefined when the call must succeed. */
  rejects?: RegExp;
  /** Embedding requests the call makes. */
  requests: number;
  /** Retries the host's hook must count. */
  retries: number;
  /** Least delay the hook must see before the first retry (a server's `Retry-After`). */
  minDelayMs?: number;
}

const cases: Case[] = [
  { name: 'two 500s, then success', arrange: (s) => s.failNext(2, 500), requests: 3, retries: 2 },
  { name: '503 beyond the attempts fails with the count', settings: { maxAttempts: 2 }, arrange: (s) => s.failNext(2, 503), rejects: /answered HTTP 503 after 2 attempts/, requests: 2, retries: 1 },
  { name: '429 waits at least Retry-After, then succeeds', arrange: (s) => s.failNext(1, 429, undefined, 1), requests: 2, retries: 1, minDelayMs: 1_000 },
  { name: '400 is not retried', arrange: (s) => s.failNext(1, 400, 'bad request'), rejects: /answered HTTP 400: bad request/, requests: 1, retries: 0 },
  { name: '401 names the refused credentials, not retried', arrange: (s) => s.failNext(1, 401, 'no key'), rejects: /answered HTTP 401 \(no key\): .*(key|credentials)/, requests: 1, retries: 0 },
  { name: '404 names the model, not retried', arrange: (s) => s.failNext(1, 404, 'model "test-embed" not found'), rejects: /answered HTTP 404 \(model "test-embed" not found\): .*test-embed/, requests: 1, retries: 0 },
  { name: '413 is an input too long for the model, not retried', arrange: (s) => s.failNext(1, 413, 'payload too large'), rejects: /longer than the model's context; lower \[chunking\] max_tokens/, requests: 1, retries: 0 },
  { name: '400 about the context length says so', arrange: (s) => s.failNext(1, 400, 'the input length exceeds the context length'), rejects: /HTTP 400 \(the input length exceeds the context length\): an input is longer than the model's context/, requests: 1, retries: 0 },
  { name: '500 about the context length is not retried', arrange: (s) => s.failNext(3, 500, "This model's maximum context length is 512 tokens"), rejects: /longer than the model's context/, requests: 1, retries: 0 },
  { name: 'vectors of another dimension', arrange: (s) => s.setWrongDimension(8), rejects: /returns 8-dimensional vectors but \[embedder\] dimensions is 16: set (\[embedder\] )?dimensions = 8/, requests: 1, retries: 0 },
];

for (const protocol of protocols) {
  describe(`${protocol.name}: the shared HTTP embedder behaviour`, () => {
    for (const c of cases) {
      test(c.name, async () => {
        const server = await protocol.start();
        try {
          c.arrange(server);
          const delays: number[] = [];
          const call = protocol.create(base(server.url, c.settings ?? {})).embed(['a', 'b'], new AbortController().signal, { onRetry: (_e, _a, ms) => void delays.push(ms) });
          if (c.rejects) await assert.rejects(call, c.rejects);
          else assert.equal((await call).length, 2);
          assert.equal(server.embedRequests(), c.requests, 'requests sent');
          assert.equal(delays.length, c.retries, 'retries the host counted');
          if (c.minDelayMs !== undefined) assert.ok(delays[0] >= c.minDelayMs, `waited ${delays[0]} ms before retrying`);
        } finally {
          await server.close();
        }
      });
    }

    test('preflight gives up after two attempts whatever max_attempts says', async () => {
      const server = await protocol.start();
      try {
        server.failNext(10, 503);
        await assert.rejects(protocol.create(base(server.url, { maxAttempts: 10 })).probeDimension(new AbortController().signal), /HTTP 503 after 2 attempts/);
      } finally {
        await server.close();
      }
    });

    test('a closed port: unreachable with the network code, retried', async () => {
      const server = await protocol.start();
      await server.close();
      const embedder = protocol.create(base(server.url, { maxAttempts: 2 }));
      await assert.rejects(embedder.embed(['x'], new AbortController().signal), /cannot reach .* \(ECONNREFUSED\) after 2 attempts: /);
      const issues = await embedder.validate(new AbortController().signal);
      assert.match(issues[0]?.message ?? '', /cannot reach .* \(ECONNREFUSED\)/);
    });

    test('a cancelled run rejects with its own reason and is not retried', async () => {
      const server = await protocol.start();
      try {
        server.failNext(5, 503);
        const controller = new AbortController();
        const reason = new Error('run cancelled');
        const call = protocol.create(base(server.url, { maxAttempts: 5 })).embed(['x'], controller.signal, { onRetry: () => controller.abort(reason) });
        await assert.rejects(call, (e) => e === reason);
        assert.equal(server.embedRequests(), 1);
      } finally {
        await server.close();
      }
    });
  });
}
