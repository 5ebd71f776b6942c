import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfToDocuments, slugify } from '../../../src/plugins/pdf/index.js';
import { buildVocabulary, joinLines } from '../../../src/plugins/pdf/hyphenation.js';
import type { TextLine } from '../../../src/plugins/pdf/text-lines.js';
import { buildPdf, textLine } from './pdf-builder.js';

const line = (text: string): TextLine => ({ page: 1, y: 0, x: 0, right: 0, size: 10, text, mono: false, charWidth: 5 });

describe('pdfToDocuments (for parsers that fetch PDFs, such as WordPress)', () => {
  test('uses the given URL and key bases, title and metadata, and leaves the caller\'s bytes intact', async () => {
    const bytes = buildPdf([{ content: textLine('F1', 11, 72, 700, 'Issue text about BBj.') }], { title: 'Ignored Title' });
    const size = bytes.byteLength;
    const docs = [];
    const info = { fileName: 'issue-12.pdf', urlBase: 'https://example.com/wp/issue-12.pdf', keyBase: 'https://example.com/wp/issue-12.pdf', title: 'Advantage 12', metadata: { format: 'pdf' } };
    for await (const d of pdfToDocuments(bytes, info)) docs.push(d);
    assert.equal(bytes.byteLength, size, 'pdf.js got a copy, the caller\'s buffer is not detached');
    assert.deepEqual(docs.map((d) => [d.sourceUrl, d.key, d.title, d.breadcrumb, d.metadata?.format, d.metadata?.pdf_file]), [
      ['https://example.com/wp/issue-12.pdf#page=1&section=advantage-12', 'https://example.com/wp/issue-12.pdf#advantage-12', 'Advantage 12', ['Advantage 12'], 'pdf', 'issue-12.pdf'],
    ]);
    assert.equal(docs[0].content, 'Issue text about BBj.');
  });

  test('rejects before yielding anything for bytes that are no PDF', async () => {
    const gen = pdfToDocuments(new TextEncoder().encode('<html>not found</html>'), { fileName: 'x.pdf', urlBase: 'u', keyBase: 'k' });
    await assert.rejects(gen.next(), { name: 'PdfUnusableError' });
  });
});

describe('text helpers', () => {
  test('slugify follows the reference rule', () => {
    assert.equal(slugify('3.2.1 Caveat - Subscript  Starting_Point!'), '321-caveat-subscript-starting-point');
    assert.equal(slugify('Überlagerungen'), 'überlagerungen');
    assert.equal(slugify('--A & B--'), 'a-b');
  });

  test('line-end hyphens: syllable breaks joined, compounds and known hyphenated words kept', () => {
    const vocab = buildVocabulary([line('the program uses high level and well-known terms'), line('something')]);
    assert.equal(joinLines('the pro-', 'gram runs', vocab), 'the program runs');
    assert.equal(joinLines('a well-', 'known term', vocab), 'a well-known term');
    assert.equal(joinLines('a high-', 'level view', vocab), 'a high-level view');
    assert.equal(joinLines('some-', 'thing else', vocab), 'something else');
    assert.equal(joinLines('quick-', 'and-dirty jobs', vocab), 'quick-and-dirty jobs');
    assert.equal(joinLines('Section 3 -', 'Intro', vocab), 'Section 3 - Intro');
    assert.equal(joinLines('two', 'words', vocab), 'two words');
    // Seen in libtasn1.pdf (texinfo): identifiers break after `_`, capitals break like words.
    assert.equal(joinLines('used the function asn1_der_', 'decoding() to fill', vocab), 'used the function asn1_der_decoding() to fill');
    const caps = buildVocabulary([line('an OCTET SEQUENCE of bytes')]);
    assert.equal(joinLines('the OCTET SE-', 'QUENCE.', caps), 'the OCTET SEQUENCE.');
    assert.equal(joinLines('ASN-', 'ONE', caps), 'ASN- ONE', 'not a word of the document: kept as printed');
  });
});
