import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { QualityReport } from '../../src/core/report/index.js';
import { PgliteSqlClient } from '../../src/core/store/pglite-client.js';
import { DOC_TYPES } from '../../src/plugins/bbj/vocabulary.js';
import { runCli } from '../helpers/cli.js';
import { corporaDir } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';
import { queryStore } from '../helpers/test-databases.js';
import { writeReportFixture } from '../core/report/report-fixture.js';

/** A config for the embedded store at `dbPath`, with the offline hash embedder. */
function writeConfig(dir: string, dbPath: string, sources = ''): string {
  const file = path.join(dir, 'sources.toml');
  writeFileSync(
    file,
    [
      `data_dir = ${JSON.stringify(corporaDir)}`,
      '[database]', `path = ${JSON.stringify(dbPath)}`,
      '[embedder]', 'provider = "hash"', 'model = "feature-hash-v1"', 'dimensions = 64', 'batch_size = 128',
      '[chunking]', 'max_tokens = 400', 'overlap = 50',
      sources,
    ].join('\n'),
  );
  return file;
}

describe('bbj report on a hand-made store', () => {
  let configPath: string;
  let dbPath: string;

  before(async () => {
    const dir = tempDir();
    dbPath = path.join(dir, 'db');
    const sql = await PgliteSqlClient.open(dbPath);
    try {
      await writeReportFixture(sql);
    } finally {
      await sql.close();
    }
    configPath = writeConfig(dir, dbPath);
  });

  test('--json: the BBj vocabulary is applied, the limit comes from the config, exit 1 when a property fails', async () => {
    const result = await runCli(['report', '--config', configPath, '--json']);
    assert.equal(result.code, 1, result.stderr);
    const report = JSON.parse(result.stdout) as QualityReport;
    assert.equal(report.maxTokens, 400);
    assert.deepEqual(report.sources.map((s) => s.name), ['alpha', 'beta', 'delta', 'gamma']);
    assert.equal(report.totals.chunks, 12);
    assert.deepEqual(report.properties.map((p) => [p.id, p.ok, p.violations]), [
      ['no-oversized-chunks', false, 1],
      ['no-heading-only-chunks', false, 4],
      ['doc-types-in-vocabulary', false, 3],
      ['no-lifecycle-in-generations', false, 2],
      ['few-tiny-chunks', false, 4],
      ['few-duplicate-chunks', true, 0],
      ['no-markup-leftovers', true, 0],
      ['no-glued-words', true, 0],
      ['few-long-headings', true, 0],
      ['no-lost-text', true, 0],
    ]);
    assert.deepEqual(report.totals.untagged, { documents: 2, chunks: 5, share: 5 / 12 });
  });

  test('text output: a table per source, totals, the items with no chunk and FAIL lines', async () => {
    const result = await runCli(['report', '--config', configPath]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stdout, /== alpha: 4 documents, 7 chunks, untagged 14\.3% \(1 chunks\), largest 500 tokens, 1 at the limit, 2 above \(1 marked unsplittable\)/);
    assert.match(result.stdout, /doc_type\s+docs\s+chunks\s+generation\s+docs\s+chunks\s+tokens\s+chunks/);
    assert.match(result.stdout, /produced no chunks: 3 \(run 2\)\n\s+- alpha:\/\/a4: stored with no chunk\n\s+- alpha:\/\/empty\.htm: produced no chunks/);
    assert.match(result.stdout, /alpha:\/\/a2 #0 \(500 tokens\)/);
    assert.match(result.stdout, /== Totals over 4 source\(s\): 6 documents, 12 chunks/);
    assert.match(result.stdout, /FAIL {2}no chunk whose body is only a heading \(4 chunk\(s\)\)/);
    assert.match(result.stdout, /Quality: FAIL\n?$/);
  });

  test('--source selects sources; a clean one passes with exit 0', async () => {
    const result = await runCli(['report', '--config', configPath, '--source', 'gamma']);
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stdout, /== alpha/);
    assert.match(result.stdout, /PASS {2}no chunk above 400 tokens unless marked as an unsplittable line/);
    assert.match(result.stdout, /Quality: PASS\n?$/);
  });

  test('--max-tokens overrides the config', async () => {
    const result = await runCli(['report', '--config', configPath, '--source', 'alpha', '--max-tokens', '500', '--json']);
    const report = JSON.parse(result.stdout) as QualityReport;
    assert.equal(report.maxTokens, 500);
    assert.equal(report.properties.find((p) => p.id === 'no-oversized-chunks')!.ok, true);
  });

  test('an unknown source and a missing store are errors (exit 2); the missing store is not created', async () => {
    const unknown = await runCli(['report', '--config', configPath, '--source', 'nope', '--json']);
    assert.equal(unknown.code, 2);
    assert.equal(JSON.parse(unknown.stdout).error.code, 'REPORT_UNKNOWN_SOURCE');
    const dir = tempDir();
    const missing = path.join(dir, 'no-db');
    const result = await runCli(['report', '--config', writeConfig(dir, missing)]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /There is no store at .*no-db/);
    assert.equal(existsSync(missing), false);
  });

  test('--help documents the exit codes', async () => {
    const result = await runCli(['report', '--help']);
    assert.match(result.stdout.replace(/\s+/g, ' '), /Exit codes: 0 every property holds, 1 a property fails, 2 configuration or store error\./);
  });
});

/** The heading-only definition, written again in TypeScript to check the SQL on real chunks. */
function isHeadingOnly(content: string, header: string): boolean {
  const body = !header ? content : content === header ? '' : content.startsWith(`${header}\n\n`) ? content.slice(header.length + 2) : content;
  const trimmed = body.trim();
  if (!trimmed || /^[^\n]+\n[ \t]{0,3}(=+|-+)[ \t]*$/.test(trimmed)) return true;
  return trimmed.split('\n').filter((l) => l.trim()).every((l) => /^[ \t]{0,3}#{1,6}([ \t]|$)/.test(l));
}

describe('bbj report after ingesting real corpora (mdx, pdf)', () => {
  let configPath: string;
  let dbPath: string;
  let report: QualityReport;
  let reportExit: number | null;

  before(async () => {
    const dir = tempDir();
    dbPath = path.join(dir, 'db');
    const sources = [
      '[[sources]]', 'name = "mdx-dwc"', 'parser = "mdx"', 'paths = ["mdx-dwc-course/docs"]', 'generation_tag = "dwc"',
      '[[sources]]', 'name = "mdx-beginner"', 'parser = "mdx"', 'paths = ["mdx-bbj-beginner-course/docs"]',
      '[[sources]]', 'name = "pdf"', 'parser = "pdf"', 'paths = ["pdf"]',
    ].join('\n');
    configPath = writeConfig(dir, dbPath, sources);
    const ingest = await runCli(['ingest', 'all', '--config', configPath, '--json']);
    assert.equal(ingest.code, 0, ingest.stderr);
    const result = await runCli(['report', '--config', configPath, '--json']);
    reportExit = result.code;
    report = JSON.parse(result.stdout) as QualityReport;
  });

  test('exit code follows the properties', () => {
    assert.equal(reportExit, report.ok ? 0 : 1);
  });

  test('counts match the store, and every breakdown adds up to the chunks', async () => {
    const rows = await queryStore<{ source_name: string; chunks: unknown; docs: unknown }>(
      { pglitePath: dbPath },
      'SELECT source_name, count(*) AS chunks, count(DISTINCT doc_key) AS docs FROM chunks GROUP BY 1 ORDER BY 1',
    );
    assert.deepEqual(report.sources.map((s) => [s.name, s.chunks]), rows.map((r) => [r.source_name, Number(r.chunks)]));
    for (const s of report.sources) {
      assert.ok(s.chunks > 10, `${s.name} has chunks`);
      assert.equal(s.histogram.reduce((n, b) => n + b.chunks, 0), s.chunks, `${s.name} histogram`);
      assert.equal(s.byDocType.reduce((n, d) => n + d.chunks, 0), s.chunks, `${s.name} doc types`);
    }
    assert.deepEqual(report.sources.find((s) => s.name === 'mdx-dwc')!.byGeneration.map((g) => g.label), ['dwc']);
    assert.equal(report.sources.find((s) => s.name === 'mdx-dwc')!.untagged.share, 0);
  });

  test('every quality property holds on real corpora: vocabulary, lifecycle, nothing oversized unmarked, no heading-only chunk', () => {
    assert.ok(report.totals.byDocType.every((d) => (DOC_TYPES as readonly string[]).includes(d.label ?? '')));
    assert.equal(reportExit, 0);
    const ids = ['doc-types-in-vocabulary', 'no-lifecycle-in-generations', 'no-oversized-chunks', 'no-heading-only-chunks'];
    for (const id of [...ids, 'few-tiny-chunks', 'few-duplicate-chunks', 'no-markup-leftovers', 'no-glued-words', 'no-lost-text', 'few-long-headings']) {
      assert.equal(report.properties.find((p) => p.id === id)!.ok, true, id);
    }
  });

  test('heading-only count equals an independent count over the stored chunks', async () => {
    const rows = await queryStore<{ content: string; context_header: string }>({ pglitePath: dbPath }, 'SELECT content, context_header FROM chunks');
    const expected = rows.filter((r) => isHeadingOnly(r.content, r.context_header)).length;
    assert.equal(report.totals.headingOnly.count, expected);
  });

  test('what the PDF parser skipped is listed with its reason', () => {
    const pdf = report.sources.find((s) => s.name === 'pdf')!;
    assert.equal(pdf.skipped.itemsRecorded, true);
    assert.equal(pdf.skipped.items.length, pdf.skipped.count);
    assert.ok(pdf.skipped.items.some((i) => i.item.endsWith('libreoffice-writer-password.pdf') && /encrypted/.test(i.reason)));
  });
});
