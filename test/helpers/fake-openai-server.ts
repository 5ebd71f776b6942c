import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { closeServer, deterministicVector, listenLoopback, readJson, sendJson, waitUnlessGone } from './fake-ollama-server.js';

/** Options of the loopback OpenAI-compatible embeddings server. */
export interface FakeOpenAIOptions {
  /** Native vector dimension (default 16). */
  dimension?: number;
  /** Served models (default `['test-embed']`). */
  models?: string[];
  /** When set, requests must carry `Authorization: Bearer <apiKey>` or get 401. */
  apiKey?: string;
  /** Return `data` in reverse order (clients must sort by `index`). */
  reverseOrder?: boolean;
}

/** A running fake OpenAI-compatible server with fault injection and counters. */
export interface FakeOpenAI {
  /** Base URL without `/v1`, `http://127.0.0.1:<port>`. */
  url: string;
  /** `POST /v1/embeddings` requests received (including failed ones). */
  embedRequests: number;
  /** Texts embedded successfully. */
  textsEmbedded: number;
  /** Arrival time (ms since epoch) of every embeddings request. */
  embedTimes: number[];
  /** The last embeddings request body. */
  lastBody: Record<string, unknown> | undefined;
  /** The last `Authorization` header seen. */
  lastAuthorization: string | undefined;
  /** Makes the next `count` embeddings requests fail with `status` (and `message` as the error message). */
  failNext(count: number, status: number, message?: string): void;
  /** Makes the next `count` embeddings requests answer 429 with `Retry-After: seconds`. */
  rateLimitNext(count: number, retryAfterSeconds: number): void;
  /** Delay before every answer from now on. */
  setDelay(ms: number): void;
  /** When set, embeddings have this many values whatever was asked. */
  setWrongDimension(dimension: number | undefined): void;
  /** Stops the server. */
  close(): Promise<void>;
}

type Fault = { status: number; retryAfter?: number; message?: string };

/** Starts a loopback HTTP server speaking OpenAI's `/v1/embeddings` and `/v1/models`. */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const dimension = options.dimension ?? 16;
  const models = options.models ?? ['test-embed'];
  const faults: Fault[] = [];
  let delayMs = 0;
  let wrongDimension: number | undefined;

  const error = (res: ServerResponse, status: number, message: string, type: string, headers: Record<string, string> = {}) =>
    sendJson(res, status, { error: { message, type, code: null, param: null } }, headers);

  async function embeddings(res: ServerResponse, body: Record<string, unknown> | undefined): Promise<void> {
    const fault = faults.shift();
    if (fault?.status === 429) {
      return error(res, 429, 'Rate limit reached', 'rate_limit_exceeded', { 'retry-after': String(fault.retryAfter ?? 1) });
    }
    if (fault) return error(res, fault.status, fault.message ?? `injected failure ${fault.status}`, 'server_error');
    if (typeof body?.model !== 'string' || !models.includes(body.model)) {
      return error(res, 404, `The model \`${String(body?.model)}\` does not exist`, 'invalid_request_error');
    }
    const input = body.input;
    const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : undefined;
    if (!texts) return error(res, 400, "'input' must be a string or an array of strings", 'invalid_request_error');
    const asked = typeof body.dimensions === 'number' ? body.dimensions : dimension;
    const size = wrongDimension ?? asked;
    const data = texts.map((text, index) => ({ object: 'embedding', index, embedding: deterministicVector(text, size, body.model as string) }));
    if (options.reverseOrder) data.reverse();
    state.textsEmbedded += texts.length;
    return sendJson(res, 200, { object: 'list', data, model: body.model, usage: { prompt_tokens: texts.length, total_tokens: texts.length } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const route = `${req.method ?? ''} ${(req.url ?? '').split('?')[0]}`;
    const body = req.method === 'POST' ? ((await readJson(req)) as Record<string, unknown> | undefined) : undefined;
    if (route === 'POST /v1/embeddings') {
      state.embedRequests++;
      state.embedTimes.push(Date.now());
      state.lastBody = body;
    }
    state.lastAuthorization = req.headers.authorization;
    await waitUnlessGone(delayMs, res);
    if (options.apiKey !== undefined && req.headers.authorization !== `Bearer ${options.apiKey}`) {
      return error(res, 401, 'Incorrect API key provided', 'invalid_request_error');
    }
    if (route === 'GET /v1/models') {
      return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', owned_by: 'fake' })) });
    }
    if (route === 'POST /v1/embeddings') return embeddings(res, body);
    return error(res, 404, `no route ${route}`, 'invalid_request_error');
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => error(res, 500, String(e), 'server_error'));
  });
  const port = await listenLoopback(server);

  const state: FakeOpenAI = {
    url: `http://127.0.0.1:${port}`,
    embedRequests: 0,
    textsEmbedded: 0,
    embedTimes: [],
    lastBody: undefined,
    lastAuthorization: undefined,
    failNext: (count, status, message) => {
      for (let i = 0; i < count; i++) faults.push({ status, message });
    },
    rateLimitNext: (count, retryAfter) => {
      for (let i = 0; i < count; i++) faults.push({ status: 429, retryAfter });
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    setWrongDimension: (dim) => {
      wrongDimension = dim;
    },
    close: () => closeServer(server),
  };
  return state;
}
