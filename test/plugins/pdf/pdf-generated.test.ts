import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { extractPdfSections } from '../../../src/plugins/pdf/index.js';
import { buildPdf, textLine } from './pdf-builder.js';
import { parseAll, pdfContext } from './pdf-context.js';

const body = (y: number, text: string): string => textLine('F1', 11, 72, y, text);

// No outline: two 20 pt chapters with the same name, a 15 pt sub-heading, a Courier example.
const headingsPdf = buildPdf(
  [
    {
      content:
        body(720, 'This guide explains the installer.') +
        textLine('F1', 20, 72, 680, 'Installing') +
        body(650, 'The installer copies every file into the pro-') +
        body(636, 'gram directory and starts the service.') +
        textLine('F2', 10, 90, 610, 'LET X = 1') +
        textLine('F2', 10, 102, 598, 'PRINT X') +
        textLine('F1', 15, 72, 560, 'Options') +
        body(535, 'Options are read from the configuration file.') +
        textLine('F1', 20, 72, 490, 'Installing') +
        body(460, 'A second chapter with the same heading.'),
    },
  ],
  { title: 'Installer Guide' },
);

// An outline whose three entries point into one page at different heights.
const outlinePdf = buildPdf(
  [
    { content: body(700, 'Cover text before any bookmark.') },
    {
      content:
        textLine('F3', 14, 72, 700, '1 Alpha') +
        body(680, 'Alpha text only.') +
        textLine('F3', 12, 72, 520, '1.1 Beta') +
        body(500, 'Beta text only.') +
        textLine('F3', 14, 72, 320, '2 Gamma') +
        body(300, 'Gamma text only.'),
    },
  ],
  {
    outline: [
      { title: 'Alpha', page: 1, top: 715, children: [{ title: 'Beta', page: 1, top: 535 }] },
      { title: 'Gamma', page: 1, top: 335 },
    ],
  },
);

// Four pages with a running header and a page-number footer.
const furniturePdf = buildPdf(
  [1, 2, 3, 4].map((n) => ({
    content: textLine('F1', 9, 72, 770, 'ACME Widget Manual') + body(500, `Body text of page ${n} stays.`) + body(486, 'More body text follows on every page of this manual.') + textLine('F1', 9, 300, 30, `Page ${n}`),
  })),
);

const STEPS = ['Install the package.', 'Open the settings.', 'Choose a theme.', 'Restart the server.'];
// Margin text that is content: a numbered step at the top of each page whose number equals the
// page number, and a closing brace near the bottom of two pages at different heights.
const marginContentPdf = buildPdf(
  [1, 2, 3, 4].map((n) => ({
    content:
      textLine('F1', 9, 72, 770, 'ACME Widget Manual') +
      body(748, `${n}. ${STEPS[n - 1]}`) +
      body(500, `Body text of page ${n} stays.`) +
      (n % 2 === 1 ? textLine('F2', 10, 72, n === 1 ? 75 : 60, '}') : '') +
      textLine('F1', 9, 300, 30, `Page ${n}`),
  })),
);

describe('pdf parser on generated PDFs', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bbj-pdf-'));
    await mkdir(path.join(dir, 'docs', 'sub'), { recursive: true });
    await writeFile(path.join(dir, 'docs', 'b-headings.pdf'), headingsPdf);
    await writeFile(path.join(dir, 'docs', 'a-broken.pdf'), Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog'));
    await writeFile(path.join(dir, 'docs', 'sub', 'c-outline.pdf'), outlinePdf);
    await writeFile(path.join(dir, 'docs', 'notes.txt'), 'not a pdf');
    await writeFile(path.join(dir, 'docs', 'd-empty.pdf'), buildPdf([{ content: '' }]));
    await writeFile(path.join(dir, 'furniture.pdf'), furniturePdf);
    await writeFile(path.join(dir, 'margin-content.pdf'), marginContentPdf);
  });

  test('directories are walked recursively in sorted order; bad files are skipped and the run goes on', async () => {
    const ctx = pdfContext([path.join(dir, 'docs')], dir);
    const docs = await parseAll(ctx);
    assert.deepEqual([...new Set(docs.map((d) => d.metadata?.pdf_file))], ['b-headings.pdf', 'c-outline.pdf']);
    assert.deepEqual(
      ctx.skipped.map((s) => [path.basename(s.item), s.reason.replace(/:.*/, '')]),
      [['a-broken.pdf', 'not a valid PDF'], ['d-empty.pdf', 'no extractable text (image-only or scanned PDF)']],
    );
  });

  test('without an outline, font-size headings make sections with levels, breadcrumbs and unique slugs', async () => {
    const docs = await parseAll(pdfContext([path.join(dir, 'docs', 'b-headings.pdf')], dir));
    assert.deepEqual(
      docs.map((d) => [d.title, d.sourceUrl, d.breadcrumb, d.metadata?.heading_level]),
      [
        ['Installer Guide', 'pdf://b-headings.pdf#page=1&section=preamble', ['Installer Guide'], 0],
        ['Installing', 'pdf://b-headings.pdf#page=1&section=installing', ['Installer Guide'], 1],
        ['Options', 'pdf://b-headings.pdf#page=1&section=options', ['Installer Guide', 'Installing'], 2],
        ['Installing', 'pdf://b-headings.pdf#page=1&section=installing-2', ['Installer Guide'], 1],
      ],
    );
    assert.equal(docs[0].content, 'This guide explains the installer.', 'text before the first heading is kept');
    assert.equal(docs[1].key, 'docs/b-headings.pdf#installing');
    assert.equal(
      docs[1].content,
      '# Installing\n\nThe installer copies every file into the program directory and starts the service.\n\n```\nLET X = 1\n  PRINT X\n```',
    );
    assert.equal(docs[1].metadata?.structure, 'font-size');
  });

  test('with an outline, text is cut at each destination y, even within one page', async () => {
    const docs = await parseAll(pdfContext([path.join(dir, 'docs', 'sub', 'c-outline.pdf')], dir));
    assert.deepEqual(
      docs.map((d) => [d.title, d.content, d.breadcrumb, d.metadata?.page_start, d.metadata?.outline_level]),
      [
        ['c-outline', 'Cover text before any bookmark.', ['c-outline'], 1, 0],
        ['Alpha', '# Alpha\n\nAlpha text only.', ['c-outline'], 2, 1],
        ['Beta', '## Beta\n\nBeta text only.', ['c-outline', 'Alpha'], 2, 2],
        ['Gamma', '# Gamma\n\nGamma text only.', ['c-outline'], 2, 1],
      ],
    );
  });

  test('running headers and page-number footers are dropped, body text kept', async () => {
    const docs = await parseAll(pdfContext([path.join(dir, 'furniture.pdf')], dir));
    const text = docs.map((d) => d.content).join('\n');
    assert.doesNotMatch(text, /ACME Widget Manual|Page \d/);
    for (const n of [1, 2, 3, 4]) assert.match(text, new RegExp(`Body text of page ${n} stays\\.`));
    const kept = await parseAll(pdfContext([path.join(dir, 'furniture.pdf')], dir, { strip_page_furniture: false }));
    assert.match(kept.map((d) => d.content).join('\n'), /ACME Widget Manual/);
  });

  test('numbered steps and code in the margins are content, not page numbers or footers', async () => {
    const text = (await parseAll(pdfContext([path.join(dir, 'margin-content.pdf')], dir))).map((d) => d.content).join('\n');
    for (const [i, step] of STEPS.entries()) assert.ok(text.includes(`${i + 1}. ${step}`), step);
    assert.equal(text.match(/^\}$/gm)?.length, 2, text);
    assert.doesNotMatch(text, /ACME Widget Manual|Page \d/);
  });

  test('validate reports missing paths and directories without PDFs', async () => {
    const { pdfParser } = await import('../../../src/plugins/pdf/index.js');
    const empty = path.join(dir, 'empty');
    await mkdir(empty, { recursive: true });
    const issues = await pdfParser.validate!(pdfContext([path.join(dir, 'nope'), empty, path.join(dir, 'docs')], dir));
    assert.equal(issues.length, 2);
    assert.match(issues[0].message, /nope does not exist/);
    assert.match(issues[1].message, /no \*\.pdf files under .*empty/);
  });

  test('extractPdfSections gives up after its time limit with a reason', async () => {
    await assert.rejects(extractPdfSections(furniturePdf, { timeoutMs: 1 }), { name: 'PdfUnusableError', message: /timed out after 1 ms/ });
  });

  test('options are checked strictly', async () => {
    const { pdfOptionsSchema } = await import('../../../src/plugins/pdf/index.js');
    assert.equal(pdfOptionsSchema.parse({}).heading_ratio, 1.15);
    assert.equal(pdfOptionsSchema.safeParse({ headingRatio: 2 }).success, false);
  });
});
