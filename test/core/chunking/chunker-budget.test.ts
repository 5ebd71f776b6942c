import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chunkDocument } from '../../../src/core/chunking/chunker.js';
import { countTokens } from '../../../src/core/chunking/token-counter.js';
import type { Chunk, Document } from '../../../src/core/contracts/index.js';
import { corporaDir } from '../../helpers/paths.js';
import { bodyOf, fenceLines, isHeadingOnly, makeDoc, markdownFiles, seededRandom } from './chunk-helpers.js';

/** Checks every promise the chunker makes about one document's chunks; returns the largest token count. */
function checkChunks(doc: Document, chunks: Chunk[], maxTokens: number, label: string, fencesBalanced: boolean): number {
  if (isHeadingOnly(doc.content)) {
    // Nothing but headings: nothing to retrieve, so no chunk (never a heading-only one).
    assert.equal(chunks.length, 0, `${label}: headings-only document gave chunks`);
    return 0;
  }
  assert.ok(chunks.length > 0, `${label}: no chunk`);
  let largest = 0;
  const words = new Set<string>();
  chunks.forEach((chunk, i) => {
    const where = `${label} chunk ${i}`;
    assert.equal(chunk.ordinal, i, where);
    assert.equal(chunk.tokenCount, countTokens(chunk.content), where);
    assert.equal(chunk.contentHash, createHash('sha256').update(chunk.content).digest('hex'), where);
    if (chunk.metadata.oversized !== 'unsplittable-line') {
      assert.ok(chunk.tokenCount <= maxTokens, `${where}: ${chunk.tokenCount} tokens > ${maxTokens}\n${chunk.content}`);
    }
    assert.equal(isHeadingOnly(bodyOf(chunk)), false, `${where} is only a heading:\n${chunk.content}`);
    if (fencesBalanced) assert.equal(fenceLines(bodyOf(chunk)).length % 2, 0, `${where}: unbalanced fence\n${chunk.content}`);
    for (const w of chunk.content.split(/\s+/)) words.add(w);
    largest = Math.max(largest, chunk.tokenCount);
  });
  // Nothing is lost: every ordinary word of the document is in some chunk.
  for (const w of doc.content.split(/\s+/)) {
    if (w && w.length <= 40) assert.ok(words.has(w), `${label}: word ${JSON.stringify(w)} lost`);
  }
  return largest;
}

/** Generates a random Markdown document from a seeded PRNG, mixing every construct the chunker must handle. */
function generateDoc(random: () => number): { content: string; unclosed: boolean } {
  let counter = 0;
  const int = (a: number, b: number): number => a + Math.floor(random() * (b - a + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)];
  const word = (): string => (random() < 0.5 ? `w${(counter += 1)}` : pick(['the', 'grid', 'window', 'BBjAPI()', 'value!', 'ändern', '漢字', 'data-binding']));
  const words = (a: number, b: number): string => Array.from({ length: int(a, b) }, word).join(' ');
  const sentence = (): string => `${words(3, 25)}${pick(['.', '!', '?', '.'])}`;
  const paragraph = (a: number, b: number): string => Array.from({ length: int(a, b) }, sentence).join(random() < 0.2 ? '\n' : ' ');
  const codeLine = (): string => pick(['', `# ${words(1, 4)}`, `## ${words(1, 3)}`, `rem ${words(1, 10)}`, `  x = ${int(0, 999)}; // ${words(0, 5)}`]);
  const fence = (): string => {
    const marker = pick(['```', '~~~', '````', '~~~~~']);
    const lines = Array.from({ length: int(1, 160) }, codeLine);
    if (random() < 0.15) lines.splice(int(0, lines.length), 0, `s$ = "${Array.from({ length: int(200, 700) }, () => `v${int(0, 99)}`).join(',')}"`);
    return `${marker}${pick(['', 'bbj', 'js title="a.js"'])}\n${lines.join('\n')}\n${marker}`;
  };
  const list = (): string =>
    Array.from({ length: int(1, 60) }, (_, i) => {
      const item = `${random() < 0.5 ? '-' : `${i + 1}.`} ${paragraph(1, 4)}`;
      if (random() < 0.1) return `${item}\n\n   \`\`\`\n   ${codeLine()}\n   ${codeLine()}\n   \`\`\``;
      return random() < 0.2 ? `${item}\n   - ${sentence()}` : item;
    }).join('\n');
  const table = (): string => {
    const cols = int(2, 4);
    const row = (): string => `| ${Array.from({ length: cols }, () => words(1, 8)).join(' | ')} |`;
    return [row(), `|${' --- |'.repeat(cols)}`, ...Array.from({ length: int(1, 50) }, row)].join('\n');
  };
  const blocks: string[] = [];
  const count = int(1, 16);
  for (let i = 0; i < count; i += 1) {
    const r = random();
    if (r < 0.25) blocks.push(`${'#'.repeat(int(1, 6))} ${words(1, 6)}`);
    else if (r < 0.45) blocks.push(paragraph(1, 8));
    else if (r < 0.52) blocks.push(paragraph(30, 80));
    else if (r < 0.54) blocks.push(`${words(2, 5)} ${'q'.repeat(int(500, 3000))} ${words(2, 5)}`);
    else if (r < 0.7) blocks.push(fence());
    else if (r < 0.8) blocks.push(list());
    else if (r < 0.9) blocks.push(table());
    else if (r < 0.95) blocks.push(paragraph(1, 6).split('\n').map((l) => `> ${l}`).join('\n'));
    else blocks.push(pick(['---', '<!-- note -->', `<div>${words(2, 9)}</div>`]));
  }
  const unclosed = random() < 0.1;
  if (unclosed) blocks.push(`\`\`\`bbj\n${Array.from({ length: int(1, 120) }, codeLine).join('\n')}`);
  return { content: blocks.join('\n\n'), unclosed };
}

describe('chunker: the budget includes the header and is never exceeded', () => {
  test('over 120 generated documents (seeded), with random budgets and overlaps', () => {
    const random = seededRandom(20240607);
    for (let i = 0; i < 120; i += 1) {
      const { content, unclosed } = generateDoc(random);
      const maxTokens = 100 + Math.floor(random() * 400);
      const overlapTokens = Math.floor(random() * 60);
      const breadcrumb = Array.from({ length: Math.floor(random() * 4) }, (_, k) => `Level ${k} of doc ${i}`);
      const doc = makeDoc(content, { key: `gen-${i}`, title: random() < 0.8 ? `Generated ${i}` : '', breadcrumb });
      const chunks = chunkDocument(doc, { maxTokens, overlapTokens }, 'gen');
      checkChunks(doc, chunks, maxTokens, `generated doc ${i} (max ${maxTokens}, overlap ${overlapTokens})`, !unclosed);
    }
  });

  const dirs = ['mdx-dwc-course/docs', 'mdx-bbjgridexwidget-docs/docs'];
  const budgets = [
    { maxTokens: 400, overlapTokens: 50 },
    { maxTokens: 128, overlapTokens: 20 },
  ];
  for (const dir of dirs) {
    for (const budget of budgets) {
      test(`over every Markdown file of ${dir}, read raw (max ${budget.maxTokens})`, () => {
        const root = path.join(corporaDir, dir);
        const files = markdownFiles(root);
        assert.ok(files.length > 10);
        let chunkCount = 0;
        for (const file of files) {
          const content = readFileSync(file, 'utf8');
          if (!content.trim()) continue;
          const rel = path.relative(root, file);
          const doc = makeDoc(content, { key: rel, title: path.basename(rel).replace(/\.mdx?$/, ''), breadcrumb: path.dirname(rel).split(path.sep) });
          const chunks = chunkDocument(doc, budget, 'corpus');
          chunkCount += chunks.length;
          checkChunks(doc, chunks, budget.maxTokens, rel, false);
        }
        assert.ok(chunkCount >= files.length);
      });
    }
  }
});
