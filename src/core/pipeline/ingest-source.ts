import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import createDebug from 'debug';
import type { Document, JsonValue } from '../contracts/document.js';
import type { Chunk } from '../contracts/chunk.js';
import type { Embedder } from '../contracts/embedder.js';
import type { Enricher } from '../contracts/enricher.js';
import type { Parser, ParserContext, ParserProgress } from '../contracts/parser.js';
import { createParserContext, type ParserContextBase } from './parser-context.js';
import type { ChunkStore } from '../store/chunk-store.js';
import { VectorSource } from './embed-batches.js';
import { createEmbedBudget, type EmbedBudget } from './embed-budget.js';
import { DocumentGate, duplicateKey } from './document-gate.js';
import { documentPreparer, prepareDocuments } from './prepare-documents.js';
import type { ParseJob } from './parse-thread-protocol.js';
import type { ParseThreads } from './parse-threads.js';
import { maskSecrets } from '../config/mask.js';
import { pgSafe } from '../text/pg-text.js';
import { stableJson } from './fingerprint.js';
import { newGroup, processGroup, type DocumentGroup, type GroupOutcome, type InputUnit } from './group-writer.js';
import { InputFingerprinter } from './input-fingerprint.js';
import { emptyStats, type SourceStats } from './source-stats.js';
import { errorMessage } from '../errors/bbj-error.js';

const debug = createDebug('bbj:pipeline');

/** Everything one source's ingestion needs; built by the runner. */
export interface IngestSourceParams {
  /** The parser, already resolved from the registry. */
  parser: Parser;
  /** The parser context (source, options, http, logger, signal); `skip`, `unchanged`, `progress` etc. are added here. */
  context: ParserContextBase;
  /** The store. */
  store: ChunkStore;
  /** The embedder. */
  embedder: Embedder;
  /** `provider:model`, stored with every chunk. */
  embeddingModel: string;
  /** Vector dimension the store expects. */
  dimension: number;
  /** Enrichers, in order. */
  enrichers: readonly Enricher[];
  /** Splits an enriched document into chunks. */
  chunk(doc: Document): Chunk[];
  /** Everything besides the document that shapes its rows (chunk settings, model, rule versions). */
  shapingKey: string;
  /** Texts per embedding request. */
  batchSize: number;
  /** Embedding requests in flight (used when no shared `budget` is given). */
  concurrency: number;
  /** Embedder slots shared with other sources running at the same time; default: a budget of `concurrency` for this source alone. */
  budget?: EmbedBudget;
  /**
   * Stops the source gracefully (Ctrl-C): no more documents are taken from the parser, the group
   * being filled is dropped (redone next run), groups already handed over are embedded and
   * written, and the stats come back with `interrupted` set. Nothing is swept. `context.signal`
   * is the hard stop: it drops embedding in flight too.
   */
  stop?: AbortSignal;
  /**
   * Prepare documents (parse, enrich, chunk) in a parse thread: the threads and the job that
   * describes this source to them. `chunk` and `enrichers` must be what the job names; a thread
   * that cannot take the job declines and the source is prepared in this thread.
   */
  parseThread?: { threads: ParseThreads; job: ParseJob };
  /** Re-ingest from scratch: ignore fingerprints and stored vectors. */
  clean: boolean;
  /** Id of this run (documents seen are stamped with it). */
  runId: number;
  /** Called after every flush and on parser progress, for the task tree. */
  onProgress?(stats: SourceStats, parser: ParserProgress): void;
}

/** Groups that fail to embed one after another before the source gives up (the embedder is down, not flaky). */
const MAX_CONSECUTIVE_FAILED_GROUPS = 3;

/**
 * Streams one source: parse -> enrich -> chunk -> skip unchanged -> embed -> store. The parsing
 * stage fills groups of documents; each group goes to the writing stage (manifest lookup, embed,
 * one transaction) while the parser goes on. At most `2 x slots + 2` groups are in flight, so
 * memory is bounded and the embedder always has batches waiting. Documents the source no longer
 * has are swept only after a complete parse.
 */
export async function ingestSource(params: IngestSourceParams): Promise<SourceStats> {
  const { parser, context, store, runId } = params;
  const sourceName = context.source.name;
  const stats = emptyStats();
  const gate = new DocumentGate({ maxBytes: context.source.maxFileBytes });
  const goneKeys = new Set<string>();
  const budget = params.budget ?? createEmbedBudget(params.concurrency);
  const stop = params.stop;
  // A stop lets groups already handed over finish; only the hard signal drops embedding in flight.
  const embedSignal = context.signal;
  // Every batch waiting for a budget slot listens to it; that is many listeners by design.
  setMaxListeners(0, embedSignal);
  const counters = { calls: 0, texts: 0, retries: 0 };
  const vectors = new VectorSource({
    embedder: params.embedder, budget, owner: sourceName, batchSize: params.batchSize, dimension: params.dimension, signal: embedSignal, counters,
  });
  // Two batches per group keep batches full; enough groups in flight to keep every slot busy.
  const groupChunks = Math.max(params.batchSize * 2, 1);
  const maxGroups = budget.concurrency * 2 + 2;
  let lastProgress: ParserProgress = {};
  const report = () => {
    stats.embedCalls = counters.calls;
    stats.textsEmbedded = counters.texts;
    stats.embedRetries = counters.retries;
    params.onProgress?.(stats, lastProgress);
  };

  let group = newGroup();
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let failedInARow = 0;

  // Skip before parsing: what each input unit produced last time, and its fingerprint then.
  // The parser's rules version is part of it: a parser that now converts differently must read
  // its unchanged files again (its documents' own fingerprints then tell what really changed).
  const parserRules = `${params.parser.type}@${params.parser.version ?? ''}`;
  const fingerprinter = new InputFingerprinter(createHash('sha256').update(params.shapingKey).update(parserRules).update(stableJson({ source: context.source, options: context.options })).digest('hex'));
  const priorUnits = params.clean ? new Map<string, { fingerprint: string; keys: string[] }>() : await store.inputUnits(sourceName);
  let currentUnit: InputUnit | undefined;
  let unitUpdates: Array<{ unit: string; fingerprint: string; keys: string[] }> = [];
  /** A unit's fingerprint is stored only once every document it produced is committed. */
  const finishUnit = (unit: InputUnit) => {
    if (unit.ended && unit.outstanding === 0 && !unit.failed && unit.keys.length) unitUpdates.push({ unit: unit.id, fingerprint: unit.fingerprint, keys: unit.keys });
  };
  const endCurrentUnit = () => {
    if (!currentUnit) return;
    currentUnit.ended = true;
    finishUnit(currentUnit);
    currentUnit = undefined;
  };
  const saveUnits = async () => {
    const updates = unitUpdates;
    unitUpdates = [];
    await store.setInputFingerprints(sourceName, updates);
  };

  const ctx: ParserContext = createParserContext(context, {
    skip: (item, reason) => {
      // NUL in a reason would break the run record's jsonb; a secret in a URL must not be stored.
      [item, reason] = [pgSafe(maskSecrets(item)), pgSafe(maskSecrets(reason))];
      stats.skipped.push({ item, reason });
      context.log.warn(`${sourceName}: skipped ${item}: ${reason}`);
    },
    unchanged: (key) => {
      if (!gate.claim(key)) return;
      stats.documents++;
      group.unchangedKeys.push(key);
    },
    incomplete: (reason) => {
      reason = pgSafe(maskSecrets(reason));
      stats.incomplete.push(reason);
      context.log.warn(`${sourceName}: enumeration incomplete (${reason}); documents not seen are kept`);
    },
    gone: (key) => void goneKeys.add(key),
    stored: async (key) => (await store.parserState(sourceName, key)) as { parserState?: JsonValue } | undefined,
    inputUnchanged: async (unit, files) => {
      endCurrentUnit();
      const prior = priorUnits.get(unit);
      const { unchanged, fingerprint } = await fingerprinter.compare(prior?.fingerprint, files);
      if (unchanged && prior) {
        const keys = prior.keys.filter((k) => gate.claim(k));
        stats.unitsUnchanged++;
        stats.documents += keys.length;
        group.unchangedKeys.push(...keys);
        if (fingerprint !== prior.fingerprint) unitUpdates.push({ unit, fingerprint, keys });
        if (group.unchangedKeys.length >= 1000) await submit();
        return true;
      }
      currentUnit = { id: unit, fingerprint, keys: [], outstanding: 0, ended: false, failed: false };
      return false;
    },
    progress: (update) => {
      lastProgress = { ...lastProgress, ...update };
      report();
    },
  });

  const settle = (g: DocumentGroup, outcome: GroupOutcome) => {
    const failedKeys = new Set(outcome.failed);
    for (const p of g.pending) {
      if (!p.unit) continue;
      p.unit.outstanding--;
      if (failedKeys.has(p.doc.key)) p.unit.failed = true;
      finishUnit(p.unit);
    }
    if (outcome.failed.length === 0) {
      if (outcome.stored.length) failedInARow = 0;
      return;
    }
    context.log.warn(`${sourceName}: ${outcome.failed.length} document(s) not embedded (kept for the next run): ${errorMessage(outcome.error)}`);
    if (outcome.stored.length) failedInARow = 0;
    else if (++failedInARow >= MAX_CONSECUTIVE_FAILED_GROUPS) {
      failure ??= { error: new Error(`embedding failed ${failedInARow} times in a row, last: ${errorMessage(outcome.error)}`, { cause: outcome.error }) };
    }
  };

  /** Hands the current group to the writing stage, first waiting for room (back-pressure on the parser). */
  const submit = async () => {
    const g = group;
    group = newGroup();
    if (unitUpdates.length >= 200) await saveUnits();
    if (g.pending.length === 0 && g.unchangedKeys.length === 0) return;
    while (inFlight.size >= maxGroups) await Promise.race(inFlight);
    const task: Promise<void> = processGroup(g, { store, source: sourceName, runId, embeddingModel: params.embeddingModel, clean: params.clean, vectors, stats, signal: embedSignal })
      .then((outcome) => settle(g, outcome), (error: unknown) => {
        // Embedding dropped by a stop is not a failure: those documents are simply not committed.
        if (stop?.aborted && !context.signal.aborted) return;
        failure ??= { error };
      })
      .finally(() => {
        inFlight.delete(task);
        report();
      });
    inFlight.add(task);
  };
  const drain = async () => {
    while (inFlight.size) await Promise.race(inFlight);
  };

  let interrupted = false;
  try {
    const recipe = {
      check: (raw: unknown) => gate.check(raw),
      prepare: documentPreparer(context.source, params.enrichers, params.chunk, params.shapingKey),
      timeoutMs: context.source.parseTimeoutMs ?? 60_000,
      current: () => lastProgress.message,
    };
    const inThread = async function* () {
      for await (const item of prepareDocuments(parser, ctx, recipe)) {
        if (item.kind === 'document') params.parseThread?.threads.preparedInHostThread();
        yield item;
      }
    };
    // A source with no input fingerprints yet (first run, --clean) parses everything: worth waiting for a thread.
    const prepared = params.parseThread
      ? params.parseThread.threads.prepare(params.parseThread.job, ctx, inThread, { waitForThread: priorUnits.size === 0 })
      : inThread();
    for await (const item of prepared) {
      context.signal.throwIfAborted();
      if (stop?.aborted || failure) break;
      if (item.kind === 'refused') {
        ctx.skip(item.label, item.reason);
        continue;
      }
      // Keys are claimed here, in one place with the keys reported unchanged, whichever thread prepared the document.
      const key = item.kind === 'empty' ? item.key : item.doc.key;
      if (!gate.claim(key)) {
        ctx.skip(item.kind === 'empty' ? item.label : item.doc.sourceUrl, duplicateKey(key));
        continue;
      }
      stats.documents++;
      if (item.kind === 'empty') {
        ctx.skip(item.label, 'produced no chunks');
        continue;
      }
      const { doc, chunks, fingerprint } = item;
      if (item.inThread) stats.preparedInThread++;
      if (currentUnit) {
        currentUnit.keys.push(doc.key);
        currentUnit.outstanding++;
      }
      group.pending.push({ doc, chunks, fingerprint, unit: currentUnit });
      group.chunkCount += chunks.length;
      if (group.chunkCount >= groupChunks || group.pending.length >= 256 || group.unchangedKeys.length >= 1000) await submit();
      // Checked again after waiting for room, so a stop never pulls one more document from the parser.
      if (stop?.aborted || failure) break;
    }
    interrupted = !!stop?.aborted;
    // A stop drops the group not yet handed over (and the unit being parsed): never committed, redone next run.
    if (!interrupted && !failure) {
      endCurrentUnit();
      await submit();
    }
  } catch (error) {
    // Keep what was parsed before the failure: those documents are complete and valid.
    if (!context.signal.aborted && !stop?.aborted) await submit().catch(() => {});
    await drain();
    await saveUnits().catch(() => {});
    throw error;
  }
  await drain();
  // Units whose documents all committed keep their fingerprints, even when the run stops or fails later.
  await saveUnits();
  report();
  context.signal.throwIfAborted();
  if (failure) throw failure.error;
  if (interrupted) {
    stats.interrupted = true;
    debug('%s: stopped, nothing swept: %o', sourceName, { ...stats, skipped: stats.skipped.length });
    return stats;
  }

  if (stats.documents === 0) {
    // A source that yields nothing is almost always misconfigured; never sweep it empty.
    const reasons = stats.skipped.length ? ` (${stats.skipped.length} item(s) skipped, first: ${stats.skipped[0]!.item}: ${stats.skipped[0]!.reason})` : '';
    throw new Error(`the parser yielded no documents${reasons}; nothing was deleted`);
  }
  // Only a complete enumeration proves that an unseen document is gone from the source.
  // An incomplete one still removes what the parser saw gone (a page answering 404 or 410).
  // Documents that failed to embed were stamped with this run, so the sweep keeps them.
  if (stats.incomplete.length === 0 || goneKeys.size > 0) {
    const swept = await store.sweep(sourceName, runId, stats.incomplete.length === 0 ? undefined : [...goneKeys]);
    stats.documentsDeleted += swept.documents;
    stats.chunksDeleted += swept.chunks;
  }
  debug('%s: %o', sourceName, { ...stats, skipped: stats.skipped.length });
  report();
  return stats;
}
