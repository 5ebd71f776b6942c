import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { chunkDocument } from '../../src/core/chunking/index.js';
import { DocumentSchema, type DocumentInput, type EmbeddedChunk, type Parser } from '../../src/core/contracts/index.js';
import { buildReport, type QualityReport } from '../../src/core/report/index.js';
import { ChunkStore } from '../../src/core/store/chunk-store.js';
import { PgliteSqlClient } from '../../src/core/store/pglite-client.js';
import { readableChars } from '../../src/core/text/readable-chars.js';
import { collectDocuments } from '../../src/testing.js';
import { bbjSourceParser } from '../../src/plugins/bbj-source/index.js';
import { flareParser } from '../../src/plugins/flare/index.js';
import { javadocParser } from '../../src/plugins/javadoc/index.js';
import { mdxParser } from '../../src/plugins/mdx/index.js';
import { pdfParser } from '../../src/plugins/pdf/index.js';
import { pageText } from '../../src/core/web/html-to-markdown.js';
import { corporaDir, fixturesDir } from '../helpers/paths.js';
import { vpatFixture } from './pdf/pdf-fixtures.js';

const DIMENSION = 4;

/** A parser that loses text the way a buggy converter does: it keeps the first block of each page and still reports what it read. */
function truncating(inner: Parser<unknown>): Parser<unknown> {
  return {
    ...inner,
    type: 'truncating',
    async *parse(ctx) {
      for await (const doc of inner.parse(ctx)) {
        const { parsedContent: _, ...rest } = doc;
        yield { ...rest, content: doc.content.split('\n\n').slice(0, 2).join('\n\n') };
      }
    },
  };
}

/** One source: its parser and where it reads. */
interface SourceCase {
  name: string;
  parser: Parser<unknown>;
  paths: string[];
  dataDir: string;
}

describe('parsers report the text they read; bbj report finds text that did not reach the chunks', () => {
  let sql: PgliteSqlClient;
  let report: QualityReport;
  let tmp: string;
  const documents = new Map<string, DocumentInput[]>();
  const property = (id: string) => report.properties.find((p) => p.id === id)!;

  before(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'bbj-text-chars-'));
    await writeFile(path.join(tmp, 'vpat.pdf'), vpatFixture().bytes);
    // Three small packages of the real javadoc JSON (the whole corpus costs seconds).
    const javadocDir = path.join(tmp, 'javadoc');
    await mkdir(javadocDir);
    for (const pkg of ['com.basis.util.terminal', 'com.basis.util.common.device', 'com.basiscomponents.bl']) {
      await copyFile(path.join(corporaDir, 'javadoc-json-bbj', 'examples', 'javadoc', `${pkg}.json`), path.join(javadocDir, `${pkg}.json`));
    }
    const cases: SourceCase[] = [
      { name: 'mdx', parser: mdxParser as Parser<unknown>, paths: [path.join(fixturesDir, 'mdx', 'docusaurus-site', 'docs')], dataDir: fixturesDir },
      { name: 'docsify', parser: mdxParser as Parser<unknown>, paths: [path.join(fixturesDir, 'mdx', 'docsify-site')], dataDir: fixturesDir },
      { name: 'courses', parser: mdxParser as Parser<unknown>, paths: [path.join(corporaDir, 'mdx-basishub-courses-sample', 'docs')], dataDir: corporaDir },
      { name: 'flare', parser: flareParser as Parser<unknown>, paths: [path.join(fixturesDir, 'flare', 'mini')], dataDir: fixturesDir },
      { name: 'bbj', parser: bbjSourceParser as Parser<unknown>, paths: [path.join(fixturesDir, 'bbj-source')], dataDir: fixturesDir },
      { name: 'javadoc', parser: javadocParser as Parser<unknown>, paths: [javadocDir], dataDir: tmp },
      { name: 'pdf', parser: pdfParser as Parser<unknown>, paths: [path.join(corporaDir, 'pdf', 'typraeurion-basic-manual'), path.join(corporaDir, 'pdf', 'py-pdf-sample-files', '026-latex-multicolumn'), path.join(tmp, 'vpat.pdf')], dataDir: '/' },
      { name: 'lossy', parser: truncating(mdxParser as Parser<unknown>), paths: [path.join(fixturesDir, 'mdx', 'docusaurus-site', 'docs')], dataDir: fixturesDir },
    ];
    sql = await PgliteSqlClient.open(undefined);
    const store = new ChunkStore(sql);
    await store.migrate(DIMENSION, 'test:fixture');
    const runId = await store.createRun(cases.map((c) => c.name));
    for (const c of cases) {
      const { documents: docs } = await collectDocuments(c.parser, { name: c.name, paths: c.paths, dataDir: c.dataDir });
      documents.set(c.name, docs);
      const writes = docs.map((input) => {
        const doc = DocumentSchema.parse(input);
        const chunks: EmbeddedChunk[] = chunkDocument(doc, { maxTokens: 400, overlapTokens: 50 }, c.name).map((ch) => ({ ...ch, embedding: Array<number>(DIMENSION).fill(0.5), embeddingModel: 'test:fixture' }));
        return { key: doc.key, sourceUrl: doc.sourceUrl, fingerprint: createHash('sha256').update(doc.key).digest('hex'), chunks };
      });
      await store.writeDocuments(c.name, runId, writes);
    }
    report = await buildReport(sql, { maxTokens: 400 });
  });
  after(async () => {
    await sql?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  test('every file parser sets textChars on every document', () => {
    for (const [name, docs] of documents) {
      assert.ok(docs.length > 0, name);
      // A PDF chapter whose text is all in its subsections read nothing of its own: 0 is a count too.
      for (const d of docs) assert.ok(typeof d.textChars === 'number' && d.textChars >= 0, `${name}: ${d.key} has textChars ${d.textChars}`);
      assert.ok(docs.reduce((n, d) => n + (d.textChars ?? 0), 0) > 100, name);
    }
  });

  test('the counts are the visible text: a page reports about the letters and digits its Markdown holds', () => {
    for (const name of ['mdx', 'docsify', 'flare', 'bbj', 'pdf']) {
      const docs = documents.get(name)!;
      const read = docs.reduce((n, d) => n + (d.textChars ?? 0), 0);
      const written = docs.reduce((n, d) => n + readableChars(d.content), 0);
      // The Markdown adds link targets, headings, snippets and variables; it never holds less than was read.
      assert.ok(written >= 0.95 * read, `${name}: read ${read}, Markdown ${written}`);
    }
  });

  test('real and fixture corpora PASS no-lost-text; the source whose parser dropped text FAILS it, naming the documents', () => {
    const lost = property('no-lost-text');
    assert.equal(lost.ok, false);
    assert.deepEqual(lost.offenders?.map((o) => o.source), ['lossy']);
    const lossy = report.sources.find((s) => s.name === 'lossy')!;
    assert.equal(lossy.lostText.count, 2);
    assert.match(lossy.lostText.samples[0].detail, /^\d+ of \d+ letters and digits reached a chunk \(\d+%\)$/);
    for (const s of report.sources.filter((x) => x.name !== 'lossy')) assert.equal(s.lostText.count, 0, `${s.name}: ${JSON.stringify(s.lostText.samples)}`);
  });

  test('pdf: large lines with no text under them are prose, not headings (a title page keeps its author and date)', async () => {
    const title = documents.get('pdf')!.find((d) => d.key.endsWith('multicolumn.pdf#two-column-document-with-lorem-ipsum'))!;
    assert.match(title.content, /^# Two-Column Document with Lorem Ipsum\n\nYour Name\n\nJanuary 3, 2024$/);
    const chunks = chunkDocument(DocumentSchema.parse(title), { maxTokens: 400, overlapTokens: 50 }, 'pdf');
    assert.match(chunks.map((c) => c.content).join('\n'), /Your Name/);
  });

  test('web pages: the content root is counted after the chrome is removed, before conversion', () => {
    const $ = cheerio.load(
      '<html><body><nav>Home Products About</nav><main><h1>Grid</h1><p>Rows and <a href="/c">columns</a>.</p><script>var hidden = 1;</script><pre><code>x = 1</code></pre></main></body></html>',
    );
    const { markdown, textChars } = pageText($, { pageUrl: 'https://example.com/a', contentSelectors: ['main'], removeSelectors: ['nav'] });
    assert.equal(textChars, readableChars('Grid Rows and columns x = 1'));
    assert.match(markdown, /Rows and \[columns\]\(https:\/\/example\.com\/c\)/);
  });
});
