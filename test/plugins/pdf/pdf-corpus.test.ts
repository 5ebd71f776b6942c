import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { DocumentInput } from '../../../src/core/contracts/document.js';
import { DocumentSchema } from '../../../src/core/contracts/document.js';
import type { SkippedItem } from '../../../src/core/contracts/parser.js';
import { corporaDir } from '../../helpers/paths.js';
import { parseAll, pdfContext } from './pdf-context.js';

const pdfRoot = path.join(corporaDir, 'pdf');

async function allPdfs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await allPdfs(full)));
    else if (e.name.toLowerCase().endsWith('.pdf')) out.push(full);
  }
  return out.sort();
}

describe('pdf parser over every PDF of the shared corpus (edge cases included)', () => {
  let docs: DocumentInput[];
  let skipped: SkippedItem[];
  let files: string[];

  before(async () => {
    files = await allPdfs(pdfRoot);
    const ctx = pdfContext([pdfRoot], corporaDir);
    docs = await parseAll(ctx); // must not throw, whatever the files hold
    skipped = ctx.skipped;
  });

  test('every PDF yields documents or is skipped with a reason, never both', () => {
    assert.ok(files.length >= 30, `${files.length} PDFs found`);
    const keyed = new Set(docs.map((d) => d.key.slice(0, d.key.lastIndexOf('#'))));
    for (const f of files) {
      const rel = path.relative(corporaDir, f);
      const skip = skipped.find((s) => s.item === f);
      assert.ok(keyed.has(rel) !== Boolean(skip), `${rel}: yielded=${keyed.has(rel)} skipped=${skip?.reason}`);
      if (skip) assert.ok(skip.reason.length > 10, `${rel}: reason "${skip.reason}"`);
    }
  });

  test('known bad files are skipped for the right reason', () => {
    const reason = (name: string): string | undefined => skipped.find((s) => s.item.endsWith(name))?.reason;
    assert.match(reason('libreoffice-writer-password.pdf') ?? '', /encrypted PDF \(password required\)/);
    for (const img of ['imagemagick-images.pdf', 'imagemagick-lzw.pdf', 'grayscale-image.pdf', 'cmyk-image.pdf']) {
      assert.match(reason(img) ?? '', /no extractable text/, img);
    }
  });

  test('documents are valid, keys unique, URLs unique per file', () => {
    for (const d of docs) DocumentSchema.parse(d);
    assert.equal(new Set(docs.map((d) => d.key)).size, docs.length);
    assert.equal(new Set(docs.map((d) => `${d.metadata?.pdf_file}|${d.sourceUrl}`)).size, docs.length);
  });

  test('outline and heading structures are used where the files have them', () => {
    const of = (file: string): DocumentInput[] => docs.filter((d) => d.metadata?.pdf_file === file);
    const geo = of('GeoTopo-komprimiert.pdf');
    assert.equal(geo.filter((d) => (d.metadata?.outline_level as number) > 0).length, 35, '35 bookmarks');
    assert.ok(geo.find((d) => d.title === '3.3 Überlagerungen')?.content.includes('Überlagerung'));
    const trace = of('compressed.tracemonkey-pldi-09.pdf');
    assert.equal(trace[0].metadata?.structure, 'font-size');
    assert.ok(trace.some((d) => d.title === '1. Introduction'), trace.map((d) => d.title).join(' | '));
    // The two rotated Arabic test pages repeat one line: content, not a running header.
    assert.ok(of('habibi-rotated.pdf').length === 1);
  });

  test('tables become GFM tables; two-column prose stays prose; contents pages are skipped', () => {
    const text = (file: string): string => docs.filter((d) => d.metadata?.pdf_file === file).map((d) => d.content).join('\n');
    const invoice = text('MustangGnuaccountingBeispielRE-20170509_505blanko.pdf');
    assert.match(invoice, /^\| Menge \| Produkt \| USt\. \| Preis \| Gesamtbetrag \|\n\| --- \| --- \| --- \| --- \| --- \|$/m);
    assert.match(invoice, /^\| 400,00 \| Luftballon: Bunt, ca\. 500ml \| 19% \| 0,79 € \| 316,00 € \|$/m);
    const columns = text('multicolumn.pdf');
    assert.match(columns, /^\| Belgium \| 11\.5 \| 30,689 \| Brussels \| Dutch, French, German \|$/m);
    assert.doesNotMatch(columns, /^\|.*Lorem ipsum/m, 'the two text columns are not a table');
    assert.match(columns, /Lorem ipsum dolor sit amet, consectetuer adipiscing elit\./);
    // Contents pages without dot leaders (`1 Foo 2`, `1 Topologische Grundbegriffe 2`) are gone.
    assert.doesNotMatch(text('pdflatex-outline.pdf'), /^1 Foo 2$/m);
    assert.doesNotMatch(text('GeoTopo-komprimiert.pdf'), /^1 Topologische Grundbegriffe 2$/m);
    assert.match(text('GeoTopo-komprimiert.pdf'), /Topologische Grundbegriffe/);
  });
});
