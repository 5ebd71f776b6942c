import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Options of the loopback Ollama-protocol server. */
export interface FakeOllamaOptions {
  /** Vector dimension (default 16). */
  dimension?: number;
  /** Pulled models (default `['test-embed']`); `name` and `name:latest` both match. */
  models?: string[];
  /** Architecture reported by `/api/show` (default `bert`). */
  architecture?: string;
  /** Delay before every answer, in milliseconds (default 0). */
  delayMs?: number;
  /** Answer `/api/show` without `model_info`, as some old servers and proxies do. */
  omitModelInfo?: boolean;
  /**
   * Latency model of a real embedder: `/api/embed` takes `baseMs + perTextMs * texts` and at
   * most `slots` requests are served at once (the rest wait in line, as on a GPU server).
   */
  latency?: { baseMs: number; perTextMs: number; slots: number };
  /** Share of `/api/embed` requests answering 500 (0-1), chosen by a seeded generator so runs repeat. */
  failRate?: number;
}

/** A running fake Ollama server with fault injection and counters. */
export interface FakeOllama {
  /** Base URL, `http://127.0.0.1:<port>`. */
  url: string;
  /** Port it listens on. */
  port: number;
  /** `POST /api/embed` requests received (including failed ones). */
  embedRequests: number;
  /** Texts embedded successfully. */
  textsEmbedded: number;
  /** Most `POST /api/embed` requests open at the same time. */
  maxEmbedInFlight: number;
  /** Requests received on any path. */
  totalRequests: number;
  /** Milliseconds `/api/embed` requests spent being served (summed over slots; queueing excluded). */
  busyMs: number;
  /** Most `/api/embed` requests open at the same moment (queued for a slot included): what the client has in flight. */
  maxInFlight: number;
  /** `/api/embed` requests answered with an injected fault (failRate or outage). */
  faultsInjected: number;
  /** Every request answers 503 for the next `ms` milliseconds (an outage). */
  outage(ms: number): void;
  /** Makes the next `count` requests (any path) answer `status` with a JSON error body, or with `plainBody` as text/plain; `headers` go with it (`retry-after`). */
  failNext(count: number, status: number, plainBody?: string, headers?: Record<string, string>): void;
  /** Delay before every answer from now on. */
  setDelay(ms: number): void;
  /** When set, embeddings have this many values instead of the configured dimension. */
  setWrongDimension(dimension: number | undefined): void;
  /** When set, `/api/embed` returns this many fewer vectors than texts. */
  setDropVectors(count: number): void;
  /** Replaces the list of pulled models. */
  setModels(models: string[]): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/** sfc32 (a small PractRand-tested PRNG) seeded with four 32-bit words; returns unsigned 32-bit integers. */
function sfc32(a: number, b: number, c: number, d: number): () => number {
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next(); // mix the seed before the first draw
  return next;
}

/** Rounds to 8 significant digits, about what a float32 embedder writes (~10 characters, not 20). */
function roundSignificant(value: number): number {
  if (value === 0) return 0;
  const p = 7 - Math.floor(Math.log10(Math.abs(value)));
  // k / 10^p with an exact power of ten is the double nearest the decimal, so JSON writes 8 digits.
  return p > 22 ? 0 : Math.round(value * 10 ** p) / 10 ** p;
}

/** Per dimension: one random unit vector `u`, as numbers and as JSON text, `+u` at `i` and `-u` at `dim + i`. */
interface Basis {
  values: number[];
  json: string[];
}
const bases = new Map<number, Basis>();

function basisOf(dim: number): Basis {
  let basis = bases.get(dim);
  if (!basis) {
    const next = sfc32(0x9e3779b9, dim, 0x85ebca6b, 0xc2b2ae35);
    const raw = Array.from({ length: dim }, () => next() / 2147483648 - 1);
    const norm = Math.sqrt(raw.reduce((sum, v) => sum + v * v, 0)) || 1;
    const positive = raw.map((v) => roundSignificant(v / norm));
    const values = [...positive, ...positive.map((v) => (v === 0 ? 0 : -v))];
    basis = { values, json: values.map((v) => JSON.stringify(v)) };
    bases.set(dim, basis);
  }
  return basis;
}

/** Which basis entry each component takes: a permutation of `u` with random signs, drawn from one SHA-256 of `model|text`. */
function componentsOf(text: string, dim: number, model: string): Uint32Array {
  const digest = createHash('sha256').update(`${model}|${text}`).digest();
  const next = sfc32(digest.readUInt32LE(0), digest.readUInt32LE(4), digest.readUInt32LE(8), digest.readUInt32LE(12));
  const picks = new Uint32Array(dim);
  for (let i = 0; i < dim; i++) picks[i] = i;
  for (let i = dim - 1; i > 0; i--) {
    const j = next() % (i + 1);
    const swap = picks[i]!;
    picks[i] = picks[j]!;
    picks[j] = swap;
  }
  let signs = 0;
  for (let i = 0; i < dim; i++) {
    if (i % 32 === 0) signs = next();
    if ((signs >>> i % 32) & 1) picks[i]! += dim;
  }
  return picks;
}

/**
 * Deterministic unit vector for a text: a signed permutation, drawn from one SHA-256 of
 * `model|text` by a fast PRNG, of one fixed random unit vector of that dimension (so it is unit
 * length by construction), with 8 significant digits as a float32 embedder writes them. Same text
 * and model always give the same vector; another text gives another (nearly orthogonal) one.
 * Cheap on purpose: the bench runs this server in its own process on the cores the CLI is
 * measured on (it was 64 digests and 20-character doubles per 1024-d vector).
 */
export function deterministicVector(text: string, dim: number, model = ''): number[] {
  const { values } = basisOf(dim);
  return Array.from(componentsOf(text, dim, model), (i) => values[i]!);
}

/** `JSON.stringify(deterministicVector(text, dim, model))`, from precomputed number texts (no float formatting per vector). */
export function deterministicVectorJson(text: string, dim: number, model = ''): string {
  const { json } = basisOf(dim);
  const picks = componentsOf(text, dim, model);
  const parts = new Array<string>(dim);
  for (let i = 0; i < dim; i++) parts[i] = json[picks[i]!]!;
  return `[${parts.join(',')}]`;
}

/** Reads a request body as JSON (undefined when empty or invalid). */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const text = Buffer.concat(parts).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Writes a JSON response (ignored when the client already went away). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(res, status, JSON.stringify(body), headers);
}

/** Writes an already serialised JSON response (ignored when the client already went away). */
export function sendJsonText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  if (res.destroyed || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Listens on 127.0.0.1 with an OS-chosen port. */
export async function listenLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return (server.address() as AddressInfo).port;
}

/** Closes a server, dropping kept-alive and in-flight connections so tests never hang. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Waits `ms`, or less when the client goes away first (`res` closes; `req` closes once read). */
export function waitUnlessGone(ms: number, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    if (ms <= 0) return resolve();
    const timer = setTimeout(resolve, ms);
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Starts a loopback HTTP server speaking Ollama's `/api/embed`, `/api/tags`, `/api/show` and `/api/version`. */
export async function startFakeOllama(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
  const dimension = options.dimension ?? 16;
  const architecture = options.architecture ?? 'bert';
  let models = options.models ?? ['test-embed'];
  let delayMs = options.delayMs ?? 0;
  let wrongDimension: number | undefined;
  let dropVectors = 0;
  let embedInFlight = 0;
  const faults: Array<{ status: number; plainBody?: string; headers?: Record<string, string> }> = [];
  let outageUntil = 0;
  let openEmbeds = 0;
  let inFlight = 0;
  // Seeded (mulberry32) so a fault pattern repeats from run to run.
  let seed = 0x9e3779b9;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const waiting: Array<() => void> = [];
  const acquireSlot = async (): Promise<void> => {
    const slots = options.latency?.slots ?? Infinity;
    if (inFlight < slots) {
      inFlight++;
      return;
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  };
  const releaseSlot = () => {
    const next = waiting.shift();
    if (next) next();
    else inFlight--;
  };

  const known = (name: unknown): boolean =>
    typeof name === 'string' && models.some((m) => m === name || m === `${name}:latest` || `${m}:latest` === name);
  const notFound = (res: ServerResponse, name: unknown) =>
    sendJson(res, 404, { error: `model "${String(name)}" not found, try pulling it first` });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    state.totalRequests++;
    const route = `${req.method ?? ''} ${(req.url ?? '').split('?')[0]}`;
    const body = req.method === 'POST' ? ((await readJson(req)) as Record<string, unknown> | undefined) : undefined;
    if (route === 'POST /api/embed') {
      state.embedRequests++;
      state.maxEmbedInFlight = Math.max(state.maxEmbedInFlight, ++embedInFlight);
      res.once('close', () => embedInFlight--);
      openEmbeds++;
      state.maxInFlight = Math.max(state.maxInFlight, openEmbeds);
      res.once('close', () => openEmbeds--);
    }
    await waitUnlessGone(delayMs, res);
    const fault = faults.shift();
    if (fault?.plainBody !== undefined) {
      res.writeHead(fault.status, { 'content-type': 'text/plain', ...fault.headers });
      return void res.end(fault.plainBody);
    }
    if (fault) return sendJson(res, fault.status, { error: `injected failure ${fault.status}` }, fault.headers);
    if (Date.now() < outageUntil) {
      if (route === 'POST /api/embed') state.faultsInjected++;
      return sendJson(res, 503, { error: 'injected outage' });
    }
    if (route === 'POST /api/embed' && options.failRate && random() < options.failRate) {
      state.faultsInjected++;
      return sendJson(res, 500, { error: 'injected random failure' });
    }

    switch (route) {
      case 'GET /api/version':
        return sendJson(res, 200, { version: '0.0.0-fake' });
      case 'GET /api/tags':
        return sendJson(res, 200, {
          models: models.map((name) => ({ name, model: name, size: 1, digest: 'fake', details: { family: architecture } })),
        });
      case 'POST /api/show':
        if (!known(body?.model)) return notFound(res, body?.model);
        return sendJson(res, 200, {
          details: { family: architecture },
          capabilities: ['embedding'],
          ...(options.omitModelInfo
            ? {}
            : { model_info: { 'general.architecture': architecture, [`${architecture}.embedding_length`]: dimension } }),
        });
      case 'POST /api/embed': {
        if (!known(body?.model)) return notFound(res, body?.model);
        const input = body?.input;
        const texts = typeof input === 'string' ? [input] : Array.isArray(input) ? input.map(String) : undefined;
        if (!texts) return sendJson(res, 400, { error: 'invalid input type' });
        const size = wrongDimension ?? dimension;
        if (options.latency) {
          await acquireSlot();
          const started = performance.now();
          await waitUnlessGone(options.latency.baseMs + options.latency.perTextMs * texts.length, res);
          state.busyMs += performance.now() - started;
          releaseSlot();
        }
        // Serialised by hand around the vectors' precomputed JSON: this runs once per text in the bench.
        const embeddings = texts.slice(0, Math.max(0, texts.length - dropVectors)).map((t) => deterministicVectorJson(t, size));
        state.textsEmbedded += embeddings.length;
        const model = JSON.stringify(body?.model ?? null);
        return sendJsonText(res, 200, `{"model":${model},"embeddings":[${embeddings.join(',')}],"total_duration":1,"load_duration":0,"prompt_eval_count":${texts.length}}`);
      }
      default:
        return sendJson(res, 404, { error: `no route ${route}` });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => sendJson(res, 500, { error: String(error) }));
  });
  const port = await listenLoopback(server);

  const state: FakeOllama = {
    url: `http://127.0.0.1:${port}`,
    port,
    embedRequests: 0,
    textsEmbedded: 0,
    maxEmbedInFlight: 0,
    totalRequests: 0,
    busyMs: 0,
    maxInFlight: 0,
    faultsInjected: 0,
    outage: (ms) => {
      outageUntil = Date.now() + ms;
    },
    failNext: (count, status, plainBody, headers) => {
      for (let i = 0; i < count; i++) faults.push({ status, plainBody, headers });
    },
    setDelay: (ms) => {
      delayMs = ms;
    },
    setWrongDimension: (dim) => {
      wrongDimension = dim;
    },
    setDropVectors: (count) => {
      dropVectors = count;
    },
    setModels: (list) => {
      models = list;
    },
    close: () => closeServer(server),
  };
  return state;
}
