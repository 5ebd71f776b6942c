import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkDocument } from '../../../src/core/chunking/chunker.js';
import type { Chunk } from '../../../src/core/contracts/chunk.js';
import { DocumentSchema, type DocumentInput } from '../../../src/core/contracts/document.js';
import { isPlaceholderTitle } from '../../../src/plugins/pdf/document-title.js';
import { parseAll, pdfContext } from './pdf-context.js';
import { templateFixture, vpatFixture, type PdfFixture } from './pdf-fixtures.js';

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Documents and chunks (400 tokens, the default budget) of one generated PDF. */
async function ingest(fixture: PdfFixture, name: string): Promise<{ docs: DocumentInput[]; chunks: Chunk[] }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bbj-pdf-fidelity-'));
  await writeFile(path.join(dir, name), fixture.bytes);
  const docs = await parseAll(pdfContext([path.join(dir, name)], dir)).finally(() => rm(dir, { recursive: true, force: true }));
  const chunks = docs.flatMap((d) => chunkDocument(DocumentSchema.parse(d), { maxTokens: 400, overlapTokens: 50 }, 'pdf'));
  return { docs, chunks };
}

/** Share of the fixture's prose lines found in some chunk. */
function proseFound(fixture: PdfFixture, chunks: Chunk[]): string[] {
  const all = squash(chunks.map((c) => c.content).join('\n'));
  return fixture.prose.filter((line) => !all.includes(squash(line)));
}

describe('pdf: a VPAT-like report (9 pt tables, 11 pt prose, bookmarks)', () => {
  const vpat = vpatFixture();
  let docs: DocumentInput[];
  let chunks: Chunk[];

  before(async () => ({ docs, chunks } = await ingest(vpat, 'vpat.pdf')));

  test('every prose line of the report lands in some chunk', () => {
    assert.ok(vpat.prose.length >= 20);
    assert.deepEqual(proseFound(vpat, chunks), []);
  });

  test('body size comes from prose: 11 pt sentences stay text, never headings', () => {
    const all = chunks.map((c) => c.content).join('\n');
    assert.match(all, /^601\.1 Scope\. The technical requirements in Chapter 6 shall apply to support documentation and services/m);
    for (const line of vpat.prose) assert.doesNotMatch(all, new RegExp(`^#+ ${line.slice(0, 30).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`, 'm'), line);
    // Every bookmark with text of its own yields a chunk headed by it.
    for (const title of ['Product Description', 'Contact Information', 'Terms', 'Legal Disclaimer (Acme Utilities)']) {
      assert.ok(chunks.some((c) => c.content.includes(`# ${title}`) && c.content.length > title.length + 40), title);
    }
  });

  test('tables become GFM tables: one row per line, cells in order, wrapped cells joined', () => {
    const lines = chunks.flatMap((c) => c.content.split('\n'));
    for (const row of vpat.rows) {
      assert.ok(lines.some((l) => l === `| ${row.join(' | ')} |`), `row not found: ${row.join(' | ')}`);
    }
    const table1 = docs.find((d) => d.title === 'Table 1: Success Criteria, Level A')!;
    assert.match(table1.content, /\| Criteria \| Conformance Level \| Remarks and Explanations \|\n\| --- \| --- \| --- \|\n\| 1\.1\.1 Non-text Content \| Supports \|/);
    assert.match(lines.join('\n'), /^\| 602\.4 Alternate Formats \| Not Applicable \| As a web-based software application, no printed documentation exists\. \|$/m);
  });

  test('a placeholder metadata title gives way to the cover title; source URLs name the page', () => {
    assert.ok(isPlaceholderTitle('Microsoft Word - VPAT2.4Rev508 Acme Portal.docx'));
    assert.ok(docs.every((d) => d.breadcrumb?.[0] === 'Acme Portal Accessibility Conformance Report'), JSON.stringify(docs.map((d) => d.breadcrumb)));
    // The cover title is also the first bookmark: it is not repeated in the breadcrumb.
    assert.deepEqual(docs.find((d) => d.title === 'Terms')?.breadcrumb, ['Acme Portal Accessibility Conformance Report']);
    for (const d of docs) assert.match(d.sourceUrl, new RegExp(`^pdf://vpat\\.pdf#page=${d.metadata?.page_start}&section=[a-z0-9-]+$`));
    assert.ok(new Set(docs.map((d) => d.metadata?.page_start)).size >= 3, 'sections on several pages');
  });
});

describe('pdf: a template-made guide (contents page, placeholder title, no outline)', () => {
  const guide = templateFixture();
  let docs: DocumentInput[];
  let chunks: Chunk[];

  before(async () => ({ docs, chunks } = await ingest(guide, 'guide.pdf')));

  test('the contents page is skipped: no section or chunk made of an entry and its page number', () => {
    assert.deepEqual(
      docs.map((d) => d.title),
      ['Acme Portal Administrator Guide', 'Introduction', 'Changing Logos', 'Changing Colours', 'Managing Users'],
    );
    for (const c of chunks) assert.doesNotMatch(c.content, /^#+ (?:Contents|Introduction|Changing Logos|Changing Colours|Managing Users)\s*\.*\s*\d*\n\n\d+$/m);
    assert.ok(!chunks.some((c) => /Contents/.test(c.content)), 'the Contents title is gone with its page');
    assert.ok(!docs.some((d) => d.sourceUrl.endsWith('-2')), 'no duplicate section slugs from contents entries');
  });

  test('the title comes from the cover page, not the "My Document" placeholder; all prose kept', () => {
    assert.ok(isPlaceholderTitle('My Document'));
    assert.ok(isPlaceholderTitle('Untitled-3'));
    assert.ok(!isPlaceholderTitle('Acme Portal Administrator Guide'));
    assert.ok(docs.every((d) => d.breadcrumb?.[0] === 'Acme Portal Administrator Guide'));
    assert.deepEqual(proseFound(guide, chunks), []);
    assert.equal(docs.find((d) => d.title === 'Changing Logos')?.sourceUrl, 'pdf://guide.pdf#page=4&section=changing-logos');
  });
});
