import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { chunkDocument } from '../../../src/core/chunking/chunker.js';
import { countTokens } from '../../../src/core/chunking/token-counter.js';
import { ChunkSchema } from '../../../src/core/contracts/index.js';
import { bodyOf, isHeadingOnly, makeDoc } from './chunk-helpers.js';

// Merging of small sections is off here: these tests look at how headings cut sections (merging: chunker-merge.test.ts).
const opts = { maxTokens: 400, overlapTokens: 50, minSectionTokens: 0 };

describe('chunker: sections and headings', () => {
  const fenceCases: { name: string; content: string; codeLine: string }[] = [
    { name: 'backtick fence', content: '## Real\n\nIntro.\n\n```bbj\n## not a heading\nrem code\n```\n\nAfter.', codeLine: '## not a heading' },
    { name: 'tilde fence', content: '## Real\n\nIntro.\n\n~~~js\n### not a heading\nlet x = 1;\n~~~\n\nAfter.', codeLine: '### not a heading' },
    { name: 'four-backtick fence holding ```', content: '## Real\n\n````md\n```\n## not a heading\n```\n````\n\nAfter.', codeLine: '## not a heading' },
    { name: 'unclosed fence runs to the end', content: '## Real\n\nIntro.\n\n```\n## not a heading\n### neither\nmore code', codeLine: '### neither' },
    { name: 'fence inside a list item', content: '## Real\n\n- step one\n\n  ```\n  ## not a heading\n  ```\n- step two', codeLine: '## not a heading' },
  ];
  for (const c of fenceCases) {
    test(`headings inside code do not split: ${c.name}`, () => {
      const chunks = chunkDocument(makeDoc(c.content), opts, 'src');
      assert.equal(chunks.length, 1);
      assert.equal(chunks[0].metadata.heading_path, 'Real');
      assert.ok(chunks[0].content.includes(c.codeLine));
    });
  }

  test('heading path has parents: A > B > C, and h4 stays inside its section', () => {
    const content = '# A\n\nTop.\n\n## B\n\nMiddle.\n\n### C\n\nDeep.\n\n#### D\n\nDeeper.\n\n## E\n\nOther.';
    const chunks = chunkDocument(makeDoc(content, { title: 'Doc' }), opts, 'src');
    assert.deepEqual(
      chunks.map((c) => c.metadata.heading_path),
      ['A', 'A > B', 'A > B > C', 'A > E'],
    );
    assert.equal(chunks[2].contextHeader, 'Doc > A > B > C');
    assert.ok(bodyOf(chunks[2]).includes('#### D\n\nDeeper.'));
  });

  test('headingDepth option: 2 keeps h3 inside the h2 section', () => {
    const content = '## B\n\nMiddle.\n\n### C\n\nDeep.';
    const chunks = chunkDocument(makeDoc(content), { ...opts, headingDepth: 2 }, 'src');
    assert.equal(chunks.length, 1);
    assert.equal(chunks[0].metadata.heading_path, 'B');
  });

  test('a heading-only section is carried into the next chunk, never emitted alone', () => {
    const content = '# T\n\nintro\n\n## A\n\n## B\ntext\n#### deep\n### C\n```\n## not heading\n```\n';
    const chunks = chunkDocument(makeDoc(content, { title: 'T', breadcrumb: ['X', 'Y'] }), opts, 'src');
    assert.deepEqual(
      chunks.map((c) => c.contextHeader),
      ['X > Y > T', 'X > Y > T > B', 'X > Y > T > B > C'],
    );
    assert.equal(bodyOf(chunks[1]), '## A\n\n## B\ntext\n#### deep');
    for (const chunk of chunks) assert.equal(isHeadingOnly(bodyOf(chunk)), false, chunk.content);
  });

  test('trailing headings without body join the previous chunk', () => {
    const chunks = chunkDocument(makeDoc('## A\n\nBody text.\n\n## See also\n\n### Nothing here'), opts, 'src');
    assert.equal(chunks.length, 1);
    assert.ok(chunks[0].content.endsWith('## See also\n\n### Nothing here'));
  });

  test('a document of nothing but headings gives no chunk (no heading-only chunk, ever)', () => {
    assert.deepEqual(chunkDocument(makeDoc('## Lonely'), opts, 'src'), []);
    assert.deepEqual(chunkDocument(makeDoc('# Index\n\n## A\n\n## B\n\n---\n\n## C'), opts, 'src'), []);
    assert.equal(chunkDocument(makeDoc('# Index\n\n## A\n\nabacus'), opts, 'src').length, 1);
  });

  test('with merging off, small consecutive sections are not merged across headings', () => {
    const chunks = chunkDocument(makeDoc('## A\n\none\n\n## B\n\ntwo\n\n## C\n\nthree'), opts, 'src');
    assert.deepEqual(chunks.map(bodyOf), ['## A\n\none', '## B\n\ntwo', '## C\n\nthree']);
  });

  test('an unsplit section is byte-for-byte the original text', () => {
    const section = '## Setup\n\n* item   with  spaces\n*  second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~~~text\nkeep   this\n~~~~';
    const chunks = chunkDocument(makeDoc(`Preface.\n\n${section}\n`), opts, 'src');
    assert.equal(bodyOf(chunks[1]), section);
  });
});

describe('chunker: chunk fields', () => {
  const doc = makeDoc('# Page\n\nSome text about BBjWindow.\n\n## Methods\n\nMore text.', {
    breadcrumb: ['Docs', 'API'],
    metadata: { origin: 'fixture', lifecycle: 'current' },
  });
  const chunks = chunkDocument(doc, opts, 'my-source');

  test('content = header + blank line + body, hash = sha256(content)', () => {
    for (const chunk of chunks) {
      assert.equal(chunk.content, `${chunk.contextHeader}\n\n${bodyOf(chunk)}`);
      assert.equal(chunk.contentHash, createHash('sha256').update(chunk.content, 'utf8').digest('hex'));
      assert.equal(chunk.tokenCount, countTokens(chunk.content));
    }
    assert.equal(chunks[1].contextHeader, 'Docs > API > Page > Methods');
  });

  test('without header the content is the trimmed body', () => {
    const [chunk] = chunkDocument(makeDoc('\n\nJust text.\n\n', { title: '' }), opts, 'src');
    assert.equal(chunk.contextHeader, '');
    assert.equal(chunk.content, 'Just text.');
  });

  test('document fields, ordinals and metadata are carried over', () => {
    assert.deepEqual(chunks.map((c) => c.ordinal), [0, 1]);
    for (const chunk of chunks) {
      ChunkSchema.parse(chunk);
      assert.equal(chunk.sourceName, 'my-source');
      assert.equal(chunk.docKey, doc.key);
      assert.equal(chunk.sourceUrl, doc.sourceUrl);
      assert.equal(chunk.title, doc.title);
      assert.equal(chunk.docType, doc.docType);
      assert.deepEqual(chunk.generations, doc.generations);
      assert.equal(chunk.deprecated, doc.deprecated);
      assert.equal(chunk.sourceType, doc.sourceType);
      assert.equal(chunk.displayUrl, doc.displayUrl);
      assert.equal(chunk.metadata.origin, 'fixture');
      assert.equal(chunk.metadata.lifecycle, 'current');
    }
    assert.equal(chunks[1].metadata.heading_path, 'Page > Methods');
  });

  test('deterministic: same input, same chunks and hashes', () => {
    assert.deepEqual(chunkDocument(doc, opts, 'my-source'), chunks);
  });
});
