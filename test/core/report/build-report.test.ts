import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { BbjError } from '../../../src/core/errors/bbj-error.js';
import { buildReport, type QualityReport, type SourceReport } from '../../../src/core/report/index.js';
import { PgliteSqlClient } from '../../../src/core/store/pglite-client.js';
import { writeReportFixture } from './report-fixture.js';

const VOCABULARY = { docTypes: ['concept', 'tutorial'], lifecycleLabels: ['deprecated', 'superseded'], untaggedLabel: 'untagged' };

describe('buildReport over a hand-made store', () => {
  let sql: PgliteSqlClient;
  let emptyStoreError: unknown;
  let report: QualityReport;
  const source = (name: string): SourceReport => report.sources.find((s) => s.name === name)!;
  const bucket = (s: { histogram: { label: string; chunks: number }[] }, label: string) => s.histogram.find((b) => b.label === label)?.chunks;

  before(async () => {
    // One in-memory PGlite for the whole file: creating one takes seconds.
    sql = await PgliteSqlClient.open(undefined);
    emptyStoreError = await buildReport(sql, { maxTokens: 400 }).catch((e: unknown) => e);
    await writeReportFixture(sql);
    report = await buildReport(sql, { maxTokens: 400, ...VOCABULARY });
  });
  after(() => sql.close());

  test('a store without bbj-rag tables is a clear error', () => {
    assert.ok(emptyStoreError instanceof BbjError);
    assert.equal(emptyStoreError.code, 'REPORT_EMPTY_STORE');
  });

  test('lists every source of the store, including one that only has a failed run', () => {
    assert.deepEqual(report.sources.map((s) => s.name), ['alpha', 'beta', 'delta', 'gamma']);
    assert.deepEqual(report.sources.map((s) => [s.documents, s.chunks]), [[4, 7], [1, 4], [0, 0], [1, 1]]);
    assert.deepEqual([report.totals.documents, report.totals.chunks], [6, 12]);
  });

  test('documents and chunks by doc type and by generation (null = no generation)', () => {
    assert.deepEqual(source('alpha').byDocType, [
      { label: 'concept', documents: 1, chunks: 4 },
      { label: 'flare', documents: 1, chunks: 2 },
      { label: '', documents: 1, chunks: 1 },
    ]);
    assert.deepEqual(source('alpha').byGeneration, [
      { label: 'bbj_gui', documents: 1, chunks: 4 },
      { label: 'all', documents: 1, chunks: 2 },
      { label: 'deprecated', documents: 1, chunks: 2 },
      { label: null, documents: 1, chunks: 1 },
    ]);
    assert.deepEqual(report.totals.byDocType.map((d) => [d.label, d.chunks]), [['tutorial', 5], ['concept', 4], ['flare', 2], ['', 1]]);
  });

  test('untagged share counts empty generations and the untagged label', () => {
    assert.deepEqual(source('alpha').untagged, { documents: 1, chunks: 1, share: 1 / 7 });
    assert.deepEqual(source('beta').untagged, { documents: 1, chunks: 4, share: 1 });
    assert.equal(source('gamma').untagged.chunks, 0);
    assert.deepEqual(report.totals.untagged, { documents: 2, chunks: 5, share: 5 / 12 });
  });

  test('token histogram: inclusive buckets up to the limit, then "> limit"', () => {
    assert.equal(report.bucketWidth, 50);
    assert.deepEqual(report.totals.histogram.map((b) => b.label), ['0-50', '51-100', '101-150', '151-200', '201-250', '251-300', '301-350', '351-400', '> 400']);
    assert.deepEqual(report.totals.histogram.map((b) => b.chunks), [5, 3, 1, 0, 0, 0, 0, 1, 2]);
    assert.equal(bucket(source('beta'), '0-50'), 2, '5 and 50 tokens');
    assert.equal(bucket(source('beta'), '51-100'), 2, '51 and 100 tokens');
    assert.equal(bucket(source('alpha'), '351-400'), 1, 'exactly at the limit is inside');
  });

  test('limit facts: at the limit, above it, and marked unsplittable', () => {
    assert.deepEqual(source('alpha').limit, { maxTokens: 400, largest: 500, atLimit: 1, overLimit: 2, overLimitMarked: 1 });
    assert.equal(source('alpha').oversized.count, 1);
    assert.deepEqual(source('alpha').oversized.samples, [{ sourceUrl: 'alpha://a2', docKey: 'a2', chunkIndex: 0, tokenCount: 500, detail: 'sentences' }]);
  });

  test('heading-only chunks: ATX, setext, several headings, empty body; not #include or seven hashes', () => {
    const refs = (name: string) => source(name).headingOnly.samples.map((s) => `${s.docKey}#${s.chunkIndex}`);
    assert.deepEqual(refs('alpha'), ['a1#0', 'a2#1']);
    assert.deepEqual(refs('beta'), ['b1#0', 'b1#2']);
    assert.deepEqual(refs('gamma'), []);
    assert.equal(source('alpha').headingOnly.samples[0]!.detail, '# A1');
    assert.equal(report.totals.headingOnly.count, 4);
  });

  test('doc types outside the vocabulary and lifecycle labels inside generations', () => {
    assert.deepEqual(source('alpha').unknownDocTypes.map((d) => [d.label, d.chunks]), [['flare', 2], ['', 1]]);
    assert.deepEqual(source('beta').unknownDocTypes, []);
    assert.equal(source('alpha').lifecycleInGenerations.count, 2);
    assert.equal(source('alpha').lifecycleInGenerations.samples[0]!.detail, 'deprecated, all');
  });

  test('documents that produced no chunks: empty manifest rows and the latest successful run', () => {
    const alpha = source('alpha');
    assert.deepEqual(alpha.emptyDocuments, [{ item: 'alpha://a4', reason: 'stored with no chunk' }]);
    assert.equal(alpha.skipped.runId, 2);
    assert.deepEqual(alpha.skipped.items.map((i) => i.item), ['alpha://empty.htm', 'alpha://bad.htm']);
    // beta's run 2 failed, so run 1 (which kept only a count) is the one reported.
    assert.deepEqual(source('beta').skipped, { runId: 1, count: 2, itemsRecorded: false, items: [] });
    assert.deepEqual(source('delta').skipped, { runId: null, count: 0, itemsRecorded: false, items: [] });
  });

  test('properties fail with their violation counts', () => {
    assert.deepEqual(report.properties.map((p) => [p.id, p.checked, p.ok, p.violations]), [
      ['no-oversized-chunks', true, false, 1],
      ['no-heading-only-chunks', true, false, 4],
      ['doc-types-in-vocabulary', true, false, 3],
      ['no-lifecycle-in-generations', true, false, 2],
      // Below 50 tokens: alpha's heading-only H1, setext and #include chunks; beta's empty body.
      ['few-tiny-chunks', true, false, 4],
      ['few-duplicate-chunks', true, true, 0],
      ['no-markup-leftovers', true, true, 0],
      ['no-glued-words', true, true, 0],
      ['few-long-headings', true, true, 0],
      ['no-lost-text', true, true, 0],
    ]);
    assert.equal(report.ok, false);
  });

  test('a clean source passes; a higher limit clears the oversized finding', async () => {
    const clean = await buildReport(sql, { maxTokens: 400, sources: ['gamma'], ...VOCABULARY });
    assert.equal(clean.ok, true);
    assert.deepEqual(clean.sources.map((s) => s.name), ['gamma']);
    const wide = await buildReport(sql, { maxTokens: 500, sources: ['alpha'], bucketWidth: 100 });
    assert.deepEqual(wide.totals.limit, { maxTokens: 500, largest: 500, atLimit: 1, overLimit: 0, overLimitMarked: 0 });
    assert.equal(wide.properties.find((p) => p.id === 'no-oversized-chunks')!.ok, true);
    assert.deepEqual(wide.properties.filter((p) => !p.checked).map((p) => p.id), ['doc-types-in-vocabulary', 'no-lifecycle-in-generations']);
    assert.deepEqual(wide.totals.histogram.map((b) => [b.label, b.chunks]), [['0-100', 3], ['101-200', 1], ['201-300', 0], ['301-400', 1], ['401-500', 2], ['> 500', 0]]);
  });

  test('an unknown source name is an error naming the known ones', async () => {
    await assert.rejects(buildReport(sql, { maxTokens: 400, sources: ['nope'] }), (e: BbjError) => e.code === 'REPORT_UNKNOWN_SOURCE' && /alpha, beta, delta, gamma/.test(e.suggestion ?? ''));
  });
});
