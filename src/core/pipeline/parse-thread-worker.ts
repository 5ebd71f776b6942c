import { parentPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { chunkDocument } from '../chunking/index.js';
import type { HttpClient } from '../contracts/http.js';
import type { Logger } from '../contracts/logger.js';
import type { ParserContext, ParserProgress } from '../contracts/parser.js';
import { errorMessage } from '../errors/bbj-error.js';
import type { PluginRegistry } from '../registry.js';
import { preloadParser } from '../lazy-parser.js';
import { DocumentGate } from './document-gate.js';
import { createParserContext, parseParserOptions } from './parser-context.js';
import type { HostMessage, ParseJob, StoredAnswer, ThreadEvent } from './parse-thread-protocol.js';
import { documentPreparer, prepareDocuments } from './prepare-documents.js';

/**
 * The body of a parse thread: takes jobs from the host (several at once: their parsers
 * interleave on this thread's event loop, as they would on the host's), prepares each source's
 * documents with the thread's own registry (the built-in plugins) and streams them back.
 * Reports and questions (`inputUnchanged`, `stored`) go to the host in order with the
 * documents; the host answers them. Called by the worker entry module that builds the registry.
 */
export function serveParseThread(registry: PluginRegistry, port: MessagePort | null = parentPort): void {
  if (!port) throw new Error('serveParseThread runs inside a worker thread');
  const jobs = new Map<number, JobState>();
  port.on('message', (message: HostMessage) => {
    if (message.type === 'warm') {
      // Errors here surface again, with their source, when a job uses the parser.
      const loads = message.parsers.map((type) => preloadParser(registry.parser(type)?.value).catch(() => {}));
      void Promise.all(loads).then(() => port.postMessage({ job: message.job, type: 'ready' }));
    } else if (message.type === 'job') {
      const send = (event: ThreadEvent) => port.postMessage({ job: message.job, ...event });
      const state = new JobState(send, message.spec.window);
      jobs.set(message.job, state);
      void runJob(registry, message.spec, state, send).finally(() => jobs.delete(message.job));
    } else jobs.get(message.job)?.receive(message);
  });
}

/** One job's conversation with the host: credits for sending, answers to questions, the abort. */
class JobState {
  readonly abort = new AbortController();
  private waitingForCredit: (() => void) | undefined;
  private nextId = 0;
  private readonly answers = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();

  constructor(
    private readonly send: (event: ThreadEvent) => void,
    /** Documents the host has room for. */
    private credits: number,
  ) {}

  receive(message: HostMessage): void {
    if (message.type === 'credit') {
      this.credits += message.count;
      this.waitingForCredit?.();
      this.waitingForCredit = undefined;
    } else if (message.type === 'answer') {
      const waiting = this.answers.get(message.id);
      this.answers.delete(message.id);
      if (message.error !== undefined) waiting?.reject(new Error(message.error));
      else waiting?.resolve(message.value);
    } else if (message.type === 'abort') {
      this.abort.abort(new Error(message.reason));
      this.waitingForCredit?.();
      for (const waiting of this.answers.values()) waiting.reject(new Error(message.reason));
      this.answers.clear();
    }
  }

  /** Waits until the host has room for one more document. */
  async spend(): Promise<void> {
    while (this.credits <= 0 && !this.abort.signal.aborted) await new Promise<void>((resolve) => (this.waitingForCredit = resolve));
    this.credits--;
  }

  ask<T>(question: { question: 'stored'; key: string } | { question: 'inputUnchanged'; unit: string; files: string[] }): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.answers.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ type: 'ask', id, ...question });
    });
  }
}

async function runJob(registry: PluginRegistry, job: ParseJob, state: JobState, send: (event: ThreadEvent) => void): Promise<void> {
  const parser = registry.parser(job.parser)?.value;
  if (!parser || (parser.version ?? '') !== job.parserVersion) return send({ type: 'declined', reason: `parser ${job.parser}@${job.parserVersion} is not built in` });
  const { enrichers, unknown } = registry.enrichersFor(job.enrichers.map((e) => e.name));
  const differs = job.enrichers.find((wanted, i) => enrichers[i]?.version !== wanted.version);
  if (unknown.length || differs) return send({ type: 'declined', reason: `enricher ${differs?.name ?? unknown[0]} is not built in` });
  const checkedOptions = parseParserOptions(parser, job.options);
  if (!checkedOptions.ok) return send({ type: 'declined', reason: checkedOptions.issues.join('; ') });
  send({ type: 'accepted' });

  const log: Logger = {
    debug: (message) => send({ type: 'log', level: 'debug', message }),
    info: (message) => send({ type: 'log', level: 'info', message }),
    warn: (message) => send({ type: 'log', level: 'warn', message }),
  };
  // Only parsers that declare no HTTP settings run here (the host checks), so this is never called.
  const http: HttpClient = { get: () => Promise.reject(new Error('a parse thread has no HTTP client')) };
  let lastProgress: ParserProgress = {};
  const ctx: ParserContext = createParserContext(
    { source: job.source, options: checkedOptions.options, dataDir: job.dataDir, http, log, signal: state.abort.signal },
    {
      skip: (item, reason) => send({ type: 'skip', item, reason }),
      unchanged: (key) => send({ type: 'unchanged', key }),
      incomplete: (reason) => send({ type: 'incomplete', reason }),
      gone: (key, reason) => send({ type: 'gone', key, reason }),
      stored: (key) => state.ask<StoredAnswer>({ question: 'stored', key }),
      inputUnchanged: (unit, files) => state.ask<boolean>({ question: 'inputUnchanged', unit, files }),
      progress: (update) => {
        lastProgress = { ...lastProgress, ...update };
        send({ type: 'progress', update });
      },
    },
  );
  const gate = new DocumentGate({ maxBytes: job.maxFileBytes });
  try {
    const prepared = prepareDocuments(parser, ctx, {
      check: (raw) => gate.check(raw),
      prepare: documentPreparer(job.source, enrichers, (doc) => chunkDocument(doc, job.chunking, job.source.name), job.shapingKey),
      timeoutMs: job.timeoutMs,
      current: () => lastProgress.message,
    });
    for await (const item of prepared) {
      await state.spend();
      if (state.abort.signal.aborted) return;
      send({ type: 'prepared', item });
    }
    send({ type: 'done' });
  } catch (error) {
    if (state.abort.signal.aborted) return;
    send({ type: 'failed', message: errorMessage(error), stack: error instanceof Error ? error.stack : undefined });
  }
}
