import createDebug from 'debug';
import { BbjError } from '../errors/bbj-error.js';
import type { SqlClient } from '../store/sql-client.js';
import { chunksWithLabels, headingOnlyChunks, oversizedChunks } from './chunk-findings.js';
import { defaultBucketWidth, histogramBuckets } from './histogram.js';
import { qualityProperties } from './quality-properties.js';
import {
  chunkTotals, docTypeCounts, documentCounts, emptyManifestDocuments, enricherCounts, generationCounts, hasReportTables, histogramCounts, lastRunSkips, storedSources,
} from './report-queries.js';
import { DEFAULT_SHARE_LIMITS, type Finding, type QualityReport, type ReportOptions, type SourceReport } from './report-types.js';
import { textFindings } from './text-findings.js';
import { mergeFigures } from './totals.js';

const debug = createDebug('bbj:report');

/** The marker the chunker puts on a chunk it could not bring under the limit. */
export const DEFAULT_UNSPLITTABLE_MARKER = { key: 'oversized', value: 'unsplittable-line' } as const;

const none = (): Finding => ({ count: 0, samples: [] });

/**
 * Reads the store and measures what was ingested: per source, documents and chunks by doc
 * type and generation, the untagged share, a token histogram, the limit, stub and vocabulary
 * findings, and what produced no chunk. Read-only; every vocabulary comes from the caller.
 */
export async function buildReport(sql: SqlClient, options: ReportOptions): Promise<QualityReport> {
  if (!(await hasReportTables(sql))) {
    throw new BbjError(`The store ${sql.description} has no bbj-rag tables yet.`, 'REPORT_EMPTY_STORE', 'Run `bbj ingest all` first, or point --config / DATABASE_URL at the store that was ingested.');
  }
  const known = await storedSources(sql);
  const wanted = options.sources?.length ? [...new Set(options.sources)] : known;
  const unknown = wanted.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new BbjError(
      `No source named ${unknown.map((n) => `"${n}"`).join(', ')} in the store ${sql.description}.`,
      'REPORT_UNKNOWN_SOURCE',
      known.length ? `Sources in the store: ${known.join(', ')}.` : 'The store holds no source yet: run `bbj ingest all` first.',
    );
  }
  const maxTokens = options.maxTokens;
  const width = options.bucketWidth ?? defaultBucketWidth(maxTokens);
  const marker = options.unsplittableMarker ?? DEFAULT_UNSPLITTABLE_MARKER;
  const samples = options.sampleLimit ?? 10;
  const lifecycle = options.lifecycleLabels ?? [];
  debug('report on %o (limit %d, buckets of %d)', wanted, maxTokens, width);

  const scope = options.labelScope;
  const [docs, totals, histograms, docTypes, labelledDocTypes, generations, oversized, headingOnly, lifecycleHits, emptyDocs, skips, scanned, enrichers] = await Promise.all([
    documentCounts(sql, wanted),
    chunkTotals(sql, wanted, maxTokens, marker, options.untaggedLabel ?? null, scope),
    histogramCounts(sql, wanted, maxTokens, width),
    docTypeCounts(sql, wanted),
    scope && options.docTypes ? docTypeCounts(sql, wanted, scope) : undefined,
    generationCounts(sql, wanted),
    oversizedChunks(sql, wanted, samples, maxTokens, marker),
    headingOnlyChunks(sql, wanted, samples),
    lifecycle.length ? chunksWithLabels(sql, wanted, samples, lifecycle, scope) : Promise.resolve(new Map<string, Finding>()),
    emptyManifestDocuments(sql, wanted),
    lastRunSkips(sql, wanted),
    textFindings(sql, wanted, samples),
    enricherCounts(sql, wanted),
  ]);

  const sources = wanted.map((name): SourceReport => {
    const t = totals.get(name);
    const chunks = t?.chunks ?? 0;
    const byDocType = docTypes.get(name) ?? [];
    const judgedDocTypes = (labelledDocTypes ?? docTypes).get(name) ?? [];
    const labelledChunks = t?.labelledChunks ?? 0;
    const text = scanned.get(name);
    return {
      name,
      enrichers: enrichers.get(name) ?? [],
      documents: docs.get(name) ?? 0,
      chunks,
      byDocType,
      byGeneration: generations.get(name) ?? [],
      labelledChunks,
      untagged: { documents: t?.untaggedDocuments ?? 0, chunks: t?.untaggedChunks ?? 0, share: labelledChunks ? (t?.untaggedChunks ?? 0) / labelledChunks : 0 },
      histogram: histogramBuckets(histograms.get(name) ?? new Map(), maxTokens, width),
      limit: { maxTokens, largest: t?.largest ?? 0, atLimit: t?.atLimit ?? 0, overLimit: t?.overLimit ?? 0, overLimitMarked: t?.overLimitMarked ?? 0 },
      oversized: oversized.get(name) ?? none(),
      headingOnly: headingOnly.get(name) ?? none(),
      unknownDocTypes: options.docTypes ? judgedDocTypes.filter((d) => !options.docTypes!.includes(d.label ?? '')) : [],
      lifecycleInGenerations: lifecycleHits.get(name) ?? none(),
      tinyChunks: text?.tiny ?? none(),
      duplicateChunks: text?.duplicates ?? none(),
      markupLeftovers: text?.leftovers ?? none(),
      gluedWords: text?.glued ?? none(),
      lostText: text?.lostText ?? none(),
      longHeadings: text?.longHeadings ?? none(),
      emptyDocuments: emptyDocs.get(name) ?? [],
      skipped: skips.get(name) ?? { runId: null, count: 0, itemsRecorded: false, items: [] },
    };
  });
  const merged = mergeFigures(sources, maxTokens, width, samples);
  const properties = qualityProperties(merged, { docTypesChecked: options.docTypes !== undefined, lifecycleChecked: lifecycle.length > 0 }, sources, {
    ...DEFAULT_SHARE_LIMITS,
    ...options.shareLimits,
  });
  return { store: sql.description, maxTokens, bucketWidth: width, sources, totals: merged, properties, ok: properties.every((p) => p.ok) };
}
