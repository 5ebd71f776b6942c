import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkDocument } from '../../../src/core/chunking/chunker.js';
import { bodyOf, makeDoc } from './chunk-helpers.js';

const opts = { maxTokens: 400, overlapTokens: 50 };
const prose = (n: number, word: string) => Array.from({ length: n }, (_, i) => `${word} sentence number ${i} explains one more detail.`).join(' ');

describe('chunker: small sections merge with their siblings', () => {
  test('tiny sibling sections share a chunk, each keeping its heading; the header names their parent', () => {
    const content = '# Api\n\n## save()\n\nSaves the grid.\n\n### Parameters\n\nNone.\n\n### Returns\n\nType: `Promise<void>`\n\n## load()\n\nLoads the grid.\n\n### Returns\n\nType: `Promise<void>`';
    const chunks = chunkDocument(makeDoc(content, { title: 'Api', breadcrumb: ['Docs'] }), opts, 'src');
    // Everything is tiny: one chunk, named by the page, every heading kept in the body.
    assert.equal(chunks.length, 1);
    assert.equal(chunks[0].contextHeader, 'Docs > Api');
    for (const heading of ['## save()', '### Parameters', '### Returns', '## load()']) assert.ok(bodyOf(chunks[0]).includes(heading), heading);
  });

  test('small children merge into their parent section; a large sibling stays on its own', () => {
    const content = `# Api\n\n## save()\n\nSaves the grid.\n\n### Returns\n\nType: \`Promise<void>\`\n\n## load()\n\n${prose(38, 'Load')}`;
    const chunks = chunkDocument(makeDoc(content, { title: 'Api' }), opts, 'src');
    assert.equal(chunks.length, 2);
    assert.equal(chunks[0].contextHeader, 'Api > save()');
    assert.equal(bodyOf(chunks[0]), '# Api\n\n## save()\n\nSaves the grid.\n\n### Returns\n\nType: `Promise<void>`');
    assert.equal(chunks[1].contextHeader, 'Api > load()');
  });

  test('no merge across parents: a small section does not join the next parent\'s children', () => {
    const content = `# Api\n\n## save()\n\n${prose(28, 'Save')}\n\n### Returns\n\nNothing.\n\n## load()\n\n${prose(28, 'Load')}\n\n### Returns\n\nData.`;
    const chunks = chunkDocument(makeDoc(content, { title: 'Api' }), opts, 'src');
    assert.deepEqual(chunks.map((c) => c.metadata.heading_path), ['Api > save()', 'Api > load()']);
    assert.ok(bodyOf(chunks[0]).endsWith('### Returns\n\nNothing.'));
    assert.ok(bodyOf(chunks[1]).endsWith('### Returns\n\nData.'));
  });

  test('merging stops at the budget', () => {
    const sections = Array.from({ length: 30 }, (_, i) => `## Label l${i}\n\n${prose(2, `Step${i}`)}`).join('\n\n');
    const chunks = chunkDocument(makeDoc(sections, { title: 'Program' }), opts, 'src');
    assert.ok(chunks.length > 1 && chunks.length < 10, `${chunks.length} chunks`);
    for (const chunk of chunks) assert.ok(chunk.tokenCount <= 400, `${chunk.tokenCount}`);
    // Nothing lost: every label heading is in some chunk, in order.
    const all = chunks.map(bodyOf).join('\n\n');
    let at = -1;
    for (let i = 0; i < 30; i += 1) {
      const next = all.indexOf(`## Label l${i}\n`);
      assert.ok(next > at, `l${i}`);
      at = next;
    }
  });

  test('a tiny last section joins the chunk before it across heading depth (README: ### npm, then ## License)', () => {
    const content = `# Pkg\n\n## Install\n\n${prose(6, 'Install')}\n\n### npm\n\n${prose(12, 'Npm')}\n\n## License\n\nMIT`;
    const chunks = chunkDocument(makeDoc(content, { title: 'Pkg' }), opts, 'src');
    assert.equal(chunks.length, 1);
    assert.ok(bodyOf(chunks[0]).endsWith('### npm\n\n' + prose(12, 'Npm') + '\n\n## License\n\nMIT'));
    // The header names the deepest heading holding both parts: the page.
    assert.equal(chunks[0].contextHeader, 'Pkg');
  });

  test('a tiny section after a long split section joins its last piece, keeping its heading; the 400-token budget holds', () => {
    const content = `# Pkg\n\n## Usage\n\n${prose(60, 'Usage')}\n\n## License\n\nMIT`;
    const chunks = chunkDocument(makeDoc(content, { title: 'Pkg' }), opts, 'src');
    assert.ok(chunks.length >= 2, `${chunks.length} chunks`);
    for (const c of chunks) assert.ok(c.tokenCount <= 400, `${c.tokenCount}`);
    for (const c of chunks) assert.ok(c.tokenCount >= 50, `tiny chunk: ${c.content}`);
    const last = chunks[chunks.length - 1];
    assert.match(bodyOf(last), /Usage sentence number 59 explains one more detail\.\n\n## License\n\nMIT$/);
    assert.equal(last.contextHeader, 'Pkg');
    assert.equal(last.metadata.heading_path, 'Pkg');
    // Earlier pieces still name their section.
    assert.equal(chunks[0].contextHeader, 'Pkg > Usage');
  });

  test('a tiny section that does not fit beside the chunk before it stays a chunk of its own', () => {
    const content = `# Pkg\n\n## Usage\n\n${prose(37, 'Usage')}\n\n## License\n\n${prose(2, 'License')}`;
    const chunks = chunkDocument(makeDoc(content, { title: 'Pkg' }), opts, 'src');
    assert.deepEqual(chunks.map((c) => c.contextHeader), ['Pkg > Usage', 'Pkg > License']);
    assert.ok(chunks[0].tokenCount <= 400 && chunks[0].tokenCount + chunks[1].tokenCount > 400);
    assert.match(bodyOf(chunks[1]), /^## License\n\nLicense sentence/);
  });

  test('README badges in a heading stay out of the context header; an image-only heading keeps its alt text', () => {
    const content = `# braces [![Donate](https://x/d.svg)](https://x) [![NPM version](https://x/v.svg)](https://x)\n\n${prose(30, 'Intro')}\n\n## ![Logo](logo.png)\n\n${prose(30, 'Logo')}`;
    const chunks = chunkDocument(makeDoc(content, { title: 'braces' }), opts, 'src');
    assert.deepEqual(chunks.map((c) => c.metadata.heading_path), ['braces', 'braces > Logo']);
  });

  test('minSectionTokens 0 turns merging off', () => {
    const chunks = chunkDocument(makeDoc('## A\n\none\n\n## B\n\ntwo'), { ...opts, minSectionTokens: 0 }, 'src');
    assert.equal(chunks.length, 2);
  });
});

describe('chunker: duplicate chunks', () => {
  test('an exact duplicate chunk within a document is dropped; ordinals stay consecutive', () => {
    const big = prose(30, 'Body');
    const content = `## Returns\n\n${big}\n\n## Returns\n\n${big}\n\n## Other\n\n${prose(30, 'Other')}`;
    const chunks = chunkDocument(makeDoc(content, { title: 'Page' }), opts, 'src');
    assert.equal(chunks.length, 2);
    assert.deepEqual(chunks.map((c) => c.ordinal), [0, 1]);
    assert.equal(new Set(chunks.map((c) => c.contentHash)).size, chunks.length);
  });

  test('the same body under different sections is kept (the headers differ)', () => {
    const big = prose(30, 'Body');
    const chunks = chunkDocument(makeDoc(`## One\n\n${big}\n\n## Two\n\n${big}`, { title: 'Page' }), { ...opts, minSectionTokens: 0 }, 'src');
    assert.equal(chunks.length, 2);
  });
});
