import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParserContext } from '../contracts/parser.js';
import { errorMessage } from '../errors/bbj-error.js';
import type { HostMessage, ParseJob, ThreadEvent, ThreadMessage } from './parse-thread-protocol.js';
import type { Prepared } from './prepare-documents.js';

/**
 * Parse threads: the CPU-bound half of a source (parse, enrich, chunk) runs in worker threads
 * while the run's thread embeds and writes, so a run uses more than one core. Up to `size`
 * threads start when first needed (see `prepare` and `preparedInHostThread`); each source goes
 * to the thread with the fewest sources, and a thread interleaves its sources as the run's
 * thread would. The worker module (`entry`) builds its own registry of built-in plugins and calls
 * `serveParseThread`; the core never imports it, the CLI names it.
 */
export class ParseThreads {
  private readonly threads: Thread[] = [];
  private nextJob = 0;
  private preparedHere = 0;

  /** Threads start on first need (`warmUp`, or a source that waits for one), each loading the given parsers' implementations. */
  constructor(
    private readonly entry: URL,
    private readonly size: number,
    private readonly parsers: string[] = [],
  ) {}

  /** Starts the threads if they are not running yet. */
  warmUp(): void {
    while (this.threads.length < this.size) this.threads.push(this.spawn());
  }

  /** Starts the threads and resolves once each has loaded its modules (or died). */
  async ready(): Promise<void> {
    this.warmUp();
    await Promise.all(this.threads.map((t) => t.loaded));
  }

  /**
   * Called for each document prepared in the run's thread while threads were not ready. A run
   * that keeps finding changed documents starts the threads for the sources after it; a re-run
   * that finds a handful never pays for starting them.
   */
  preparedInHostThread(): void {
    if (++this.preparedHere === WARM_UP_AFTER) this.warmUp();
  }

  /**
   * Whether a run uses parse threads: `auto` when the machine has 4 cores or more. On 2 cores,
   * shared with the store and the embedder, measured runs cost 25-40% more CPU (each thread
   * loads and JIT-compiles the parsers again, documents are copied between threads) for no
   * shorter wall time; with cores to spare the parsing of two sources runs side by side.
   */
  static wanted(setting: boolean | 'auto'): boolean {
    return setting === 'auto' ? os.availableParallelism() >= 4 : setting;
  }

  /**
   * Threads worth starting for `sources` sources at once: one each, up to the cores. The run's
   * thread mostly waits (on the embedder and the store), so it does not count against a core.
   */
  static sizeFor(sources: number): number {
    return Math.max(1, Math.min(sources, os.availableParallelism()));
  }

  /**
   * The source's prepared documents from a parse thread, in the order the parser made them.
   * Reports and questions are answered through `ctx` in that same order. When the thread
   * declines the job (not a built-in parser, another version), `inThread()` prepares them here.
   * Without `waitForThread`, a source that finds no thread ready (still loading its modules)
   * is prepared here too: a re-run, where most inputs are unchanged, should not wait for a
   * thread it hardly needs; a first run, which parses everything, should.
   */
  async *prepare(spec: ParseJob, ctx: ParserContext, inThread: () => AsyncIterable<Prepared>, options: { waitForThread: boolean }): AsyncGenerator<Prepared> {
    if (options.waitForThread) this.warmUp();
    const thread = this.pick(options.waitForThread);
    if (!thread) {
      yield* inThread();
      return;
    }
    const job = this.nextJob++;
    const inbox = new Inbox(ctx);
    thread.jobs.set(job, inbox);
    const post = (message: HostMessage) => thread.worker.postMessage(message);
    let finished = false;
    try {
      post({ job, type: 'job', spec });
      const first = await inbox.take(ctx.signal);
      if (first.type === 'declined') {
        finished = true;
        yield* inThread();
        return;
      }
      if (first.type !== 'accepted') throw new Error(`parse thread: unexpected ${first.type} before the job was accepted`);
      for (;;) {
        const message = await inbox.take(ctx.signal);
        switch (message.type) {
          case 'prepared':
            post({ job, type: 'credit', count: 1 });
            if (message.item.kind === 'document') message.item.inThread = true;
            yield message.item;
            break;
          case 'skip':
            ctx.skip(message.item, message.reason);
            break;
          case 'unchanged':
            ctx.unchanged(message.key);
            break;
          case 'incomplete':
            ctx.incomplete?.(message.reason);
            break;
          case 'gone':
            ctx.gone?.(message.key, message.reason);
            break;
          case 'ask':
            try {
              const value = message.question === 'stored' ? await ctx.stored?.(message.key) : ((await ctx.inputUnchanged?.(message.unit, message.files)) ?? false);
              post({ job, type: 'answer', id: message.id, value });
            } catch (error) {
              post({ job, type: 'answer', id: message.id, error: errorMessage(error) });
            }
            break;
          case 'done':
            finished = true;
            return;
          case 'failed':
            // The parser's own error, worded as it would be in this thread.
            finished = true;
            throw new Error(message.message);
          default:
            throw new Error(`parse thread: unexpected ${message.type}`);
        }
      }
    } finally {
      thread.jobs.delete(job);
      // Stopped early (a stop, an abort, an error here): the thread drops the job.
      if (!finished && thread.alive) post({ job, type: 'abort', reason: 'the host stopped reading' });
    }
  }

  /** Stops every thread. */
  async close(): Promise<void> {
    const threads = this.threads.splice(0);
    await Promise.all(threads.map((t) => {
      t.alive = false;
      return t.worker.terminate();
    }));
  }

  /** The thread with the fewest sources (a dead one is replaced); among ready ones only, unless `wait`. */
  private pick(wait: boolean): Thread | undefined {
    for (let i = 0; i < this.threads.length; i++) if (!this.threads[i]!.alive) this.threads[i] = this.spawn();
    const candidates = wait ? this.threads : this.threads.filter((t) => t.ready);
    return candidates.reduce<Thread | undefined>((best, t) => (!best || t.jobs.size < best.jobs.size ? t : best), undefined);
  }

  private spawn(): Thread {
    // A smaller young generation than V8's default: each thread's garbage is short-lived parse trees,
    // and the default lets every thread hold ~50 MB more resident for no measurable speed.
    const worker = new Worker(this.entry, { resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    let loaded!: () => void;
    const thread: Thread = { worker, jobs: new Map(), alive: true, ready: false, loaded: new Promise<void>((resolve) => (loaded = resolve)) };
    worker.postMessage({ job: -1, type: 'warm', parsers: this.parsers } satisfies HostMessage);
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'ready') {
        thread.ready = true;
        loaded();
      } else thread.jobs.get(message.job)?.put(message);
    });
    const fail = (error: Error) => {
      thread.alive = false;
      loaded();
      for (const inbox of thread.jobs.values()) inbox.fail(error);
    };
    worker.on('error', (error) => fail(new Error(`parse thread failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new Error(`parse thread exited (code ${code}) before its sources were read`)));
    return thread;
  }
}

/** Changed documents the run's thread prepares itself before it starts the threads. */
const WARM_UP_AFTER = 32;

/** A worker and the jobs it is serving. */
interface Thread {
  worker: Worker;
  jobs: Map<number, Inbox>;
  alive: boolean;
  /** Modules and warmed parsers loaded. */
  ready: boolean;
  /** Settles when `ready` turns true or the thread dies. */
  loaded: Promise<void>;
}

/** Messages waiting to be read, in arrival order. */
class Inbox {
  private readonly queue: ThreadEvent[] = [];
  private waiting: { resolve(message: ThreadEvent): void; reject(error: unknown): void } | undefined;
  private failure: Error | undefined;

  constructor(private readonly ctx: ParserContext) {}

  put(message: ThreadEvent): void {
    // Progress and log lines are shown at once; everything else keeps its place in the stream.
    if (message.type === 'progress') return this.ctx.progress(message.update);
    if (message.type === 'log') return this.ctx.log[message.level](message.message);
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w.resolve(message);
    } else this.queue.push(message);
  }

  fail(error: Error): void {
    this.failure ??= error;
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(error);
  }

  take(signal: AbortSignal): Promise<ThreadEvent> {
    const next = this.queue.shift();
    if (next) return Promise.resolve(next);
    if (this.failure) return Promise.reject(this.failure);
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise<ThreadEvent>((resolve, reject) => {
      const onAbort = () => {
        this.waiting = undefined;
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting = {
        resolve: (m) => {
          signal.removeEventListener('abort', onAbort);
          resolve(m);
        },
        reject: (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(e);
        },
      };
    });
  }
}
