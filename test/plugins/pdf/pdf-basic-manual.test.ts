import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { DocumentInput } from '../../../src/core/contracts/document.js';
import { DocumentSchema } from '../../../src/core/contracts/document.js';
import { corporaDir } from '../../helpers/paths.js';
import { parseAll, pdfContext } from './pdf-context.js';
import { containment, texinfoNodes, trigrams, type TexinfoNode } from './texinfo-text.js';

const manualDir = path.join(corporaDir, 'pdf', 'typraeurion-basic-manual', 'docs');
const pdfPath = path.join(manualDir, 'basic.pdf');

/** Outline entries of the manual's generated indexes, which hold only letter groups and leader lines. */
const INDEXES = new Set(['Index', 'Index of Statements']);

interface FlatEntry {
  title: string;
  depth: number;
}

// The outline read independently of the parser, straight from pdf.js.
async function outlineOf(file: string): Promise<FlatEntry[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)), verbosity: 0 }).promise;
  const flat: FlatEntry[] = [];
  const walk = (items: { title: string; items: unknown[] }[], depth: number): void => {
    for (const i of items) {
      flat.push({ title: i.title, depth });
      walk(i.items as { title: string; items: unknown[] }[], depth + 1);
    }
  };
  walk(((await doc.getOutline()) ?? []) as { title: string; items: unknown[] }[], 1);
  await doc.destroy();
  return flat;
}

describe('pdf parser on the BASIC manual (outline + texinfo ground truth)', () => {
  let docs: DocumentInput[];
  let sections: DocumentInput[];
  let outline: FlatEntry[];
  let nodes: TexinfoNode[];
  let skipped: { item: string; reason: string }[];

  before(async () => {
    const ctx = pdfContext([pdfPath], corporaDir);
    docs = await parseAll(ctx);
    skipped = ctx.skipped;
    sections = docs.filter((d) => (d.metadata?.outline_level as number) > 0);
    outline = await outlineOf(pdfPath);
    nodes = texinfoNodes(await readFile(path.join(manualDir, 'basic.texinfo'), 'utf8')).filter((n) => !INDEXES.has(n.title));
  });

  test('yields one section per outline entry, in outline order, plus the preamble; generated indexes give none', () => {
    assert.equal(skipped.length, 0);
    assert.ok(outline.length >= 70, `outline has ${outline.length} entries`);
    // An index is letter groups over leader lines (`GOSUB . . . 18`): navigation, no text of its own.
    assert.deepEqual(
      sections.map((s) => [s.title, s.metadata?.outline_level]),
      outline.filter((e) => !INDEXES.has(e.title)).map((e) => [e.title, e.depth]),
    );
    assert.equal(docs.length, outline.length - INDEXES.size + 1);
    assert.equal(docs[0].metadata?.outline_level, 0, 'text before the first heading is kept as a preamble');
    assert.match(docs[0].content, /Trevin Beattie/);
    for (const d of docs) DocumentSchema.parse(d);
  });

  test('each section holds the text of its texinfo node and not that of others', () => {
    assert.equal(nodes.length, sections.length, 'texinfo sectioning commands pair with outline entries');
    const grams = sections.map((s) => trigrams(s.content));
    let measured = 0;
    let sum = 0;
    let min = 1;
    for (const [i, node] of nodes.entries()) {
      const g = trigrams(node.text);
      if (g.size < 5) continue; // headings without body text and the generated indexes
      const own = containment(g, grams[i]);
      const elsewhere = Math.max(...grams.map((x, j) => (j === i ? 0 : containment(g, x))));
      assert.ok(own > elsewhere, `${node.title}: own ${own.toFixed(2)} <= elsewhere ${elsewhere.toFixed(2)}`);
      assert.ok(own >= 0.6, `${node.title}: only ${own.toFixed(2)} of its word trigrams found`);
      measured++;
      sum += own;
      min = Math.min(min, own);
    }
    const mean = sum / measured;
    assert.ok(measured >= 55, `measured ${measured} nodes`);
    assert.ok(mean >= 0.95, `mean trigram containment ${mean.toFixed(3)}`);
    console.log(`  texinfo match: ${measured} nodes, mean trigram containment ${mean.toFixed(3)}, min ${min.toFixed(3)}`);
  });

  test('identifiers: unique slugs, pdf:// URLs, relative keys, breadcrumbs, pages', () => {
    const urls = docs.map((d) => d.sourceUrl);
    assert.equal(new Set(urls).size, urls.length);
    const byTitle = (t: string): DocumentInput[] => sections.filter((s) => s.title === t);
    const [statements, statementsChapter] = [byTitle('Statements')[0], byTitle('4 Statements')[0]];
    // PDF open parameters: viewers open the section's first page; the slug keeps the URL unique.
    assert.equal(statements.sourceUrl, 'pdf://basic.pdf#page=6&section=statements');
    assert.equal(statementsChapter.sourceUrl, `pdf://basic.pdf#page=${statementsChapter.metadata?.page_start}&section=4-statements`);
    assert.ok((statementsChapter.metadata?.page_start as number) > 6);
    const lines = byTitle('Lines')[0];
    assert.equal(lines.key, 'pdf/typraeurion-basic-manual/docs/basic.pdf#lines');
    assert.deepEqual(lines.breadcrumb, ['basic', '2 General Syntax']);
    assert.deepEqual(byTitle('ABS')[0].breadcrumb, ['basic', '3 Expressions', 'Functions', 'Simple Numeric Functions']);
    assert.equal(lines.metadata?.pdf_file, 'basic.pdf');
    assert.equal(lines.metadata?.page_start, 6);
    assert.equal(byTitle('Looping with FOR and NEXT')[0].metadata?.page_end, 26);
    assert.deepEqual([lines.docType, lines.generations], ['', []]);
  });

  test('Markdown: code fences for examples, hyphenation undone, no running headers or TOC leaders', () => {
    const all = docs.map((d) => d.content).join('\n');
    const lines = sections.find((s) => s.title === 'Lines')!.content;
    assert.match(lines, /```\n30 REM JACK FELL DOWN AND BROKE HIS CROWN\n20 REM TO FETCH A PAIL OF WATER\.\n/);
    assert.match(all, /small variations were introduced/, 'vari- / ations joined');
    assert.match(all, /‘quick-and-dirty’/, 'a real compound keeps its hyphen');
    assert.doesNotMatch(all, /Chapter \d+: /, 'running headers removed');
    assert.doesNotMatch(all, /(\. ){5,}/, 'table-of-contents leaders removed');
    assert.match(all, /both upper- and lowercase/, 'a suspended hyphen stays as printed');
    assert.doesNotMatch(all, /[a-z]{2,}- (?!and )[a-z]{2,}/, 'no hyphen-space-word splits left');
  });
});
