import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkDocument } from '../../../src/core/chunking/chunker.js';
import { splitSentences } from '../../../src/core/chunking/text-splitter.js';
import { countTokens } from '../../../src/core/chunking/token-counter.js';
import { bodyOf, fenceLines, makeDoc } from './chunk-helpers.js';

/** The overlap: the longest run of whole trailing sentences of `previous` that `next` starts with ('' if none). */
function carriedTail(previous: string, next: string): string {
  let offset = 0;
  for (const sentence of splitSentences(previous)) {
    const tail = previous.slice(offset).trim();
    if (tail && next.startsWith(tail)) return tail;
    offset += sentence.length;
  }
  return '';
}

/** Code lines of a chunk body holding one fence: what lies between its opening and closing lines. */
function codeOf(body: string, open: string, close: string): string[] {
  const lines = body.split('\n');
  const start = lines.indexOf(open);
  const end = lines.lastIndexOf(close);
  assert.ok(start >= 0 && end > start, `no ${open} ... ${close} fence in:\n${body}`);
  return lines.slice(start + 1, end);
}

describe('chunker: code larger than the budget', () => {
  const groups = Array.from({ length: 60 }, (_, g) => Array.from({ length: 5 }, (_, l) => `rem group ${g} line ${l}: print "value", ${g * 5 + l}`));
  const fences: { marker: string; info: string }[] = [
    { marker: '```', info: 'bbj title="Sample.bbj"' },
    { marker: '~~~~', info: 'java' },
  ];
  for (const { marker, info } of fences) {
    test(`a 300-line ${marker} block splits at blank lines into valid fences with the same info string`, () => {
      const code = groups.map((g) => g.join('\n')).join('\n\n');
      const content = `## Sample\n\nThe program:\n\n${marker}${info}\n${code}\n${marker}\n\nAfter the code.`;
      const chunks = chunkDocument(makeDoc(content), { maxTokens: 300, overlapTokens: 40 }, 'src');
      const codeChunks = chunks.filter((c) => c.metadata.split === 'code-lines');
      assert.ok(codeChunks.length >= 3, `expected several code pieces, got ${codeChunks.length}`);
      const seen: string[] = [];
      for (const chunk of codeChunks) {
        assert.ok(chunk.tokenCount <= 300);
        const body = bodyOf(chunk);
        assert.deepEqual(fenceLines(body), [`${marker}${info}`, marker], body);
        const lines = codeOf(body, `${marker}${info}`, marker);
        // Cut at blank lines: each piece starts with a group's first line and ends with a group's last line.
        assert.match(lines[0], /line 0:/);
        assert.match(lines[lines.length - 1], /line 4:/);
        seen.push(...lines.filter((l) => l.trim() !== ''));
      }
      assert.deepEqual(seen, groups.flat());
      assert.ok(chunks.every((c) => c.metadata.heading_path === 'Sample'));
    });
  }

  const containerCases: { name: string; content: string; open: string }[] = [
    { name: 'CRLF line endings', content: `\`\`\`js\r\n${Array.from({ length: 120 }, (_, i) => `let v${i} = ${i};`).join('\r\n')}\r\n\`\`\`\r\n`, open: '```js' },
    { name: 'inside a blockquote', content: `> Quote.\n>\n> ~~~bbj\n> ${Array.from({ length: 120 }, (_, i) => `rem ${i}`).join('\n> ')}\n> ~~~`, open: '~~~bbj' },
    { name: 'inside a list item', content: `1. Step:\n\n   \`\`\`sql\n   ${Array.from({ length: 120 }, (_, i) => `select ${i};`).join('\n   ')}\n   \`\`\``, open: '```sql' },
  ];
  for (const c of containerCases) {
    test(`split code keeps its info string: ${c.name}`, () => {
      const chunks = chunkDocument(makeDoc(c.content, { title: '' }), { maxTokens: 120, overlapTokens: 20 }, 'src');
      const pieces = chunks.filter((ch) => ch.metadata.split === 'code-lines');
      assert.ok(pieces.length > 2);
      for (const piece of pieces) assert.equal(fenceLines(piece.content)[0], c.open, piece.content);
    });
  }

  test('code without blank lines splits at lines', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `x${i} = x${i} + ${i}`);
    const content = `\`\`\`python\n${lines.join('\n')}\n\`\`\``;
    const chunks = chunkDocument(makeDoc(content, { title: '' }), { maxTokens: 150, overlapTokens: 20 }, 'src');
    assert.ok(chunks.length > 3);
    const seen = chunks.flatMap((c) => {
      assert.equal(c.metadata.split, 'code-lines');
      assert.ok(c.tokenCount <= 150);
      return codeOf(c.content, '```python', '```');
    });
    assert.deepEqual(seen, lines);
  });

  test('a single line above the budget stays whole and is marked unsplittable', () => {
    const longLine = `data$ = "${Array.from({ length: 900 }, (_, i) => `v${i}`).join(',')}"`;
    const content = `## Data\n\n\`\`\`bbj\nrem before\n${longLine}\nrem after\n\`\`\``;
    const chunks = chunkDocument(makeDoc(content), { maxTokens: 200, overlapTokens: 20 }, 'src');
    const oversized = chunks.filter((c) => c.metadata.oversized === 'unsplittable-line');
    assert.equal(oversized.length, 1);
    assert.ok(oversized[0].tokenCount > 200);
    assert.deepEqual(codeOf(bodyOf(oversized[0]), '```bbj', '```'), [longLine]);
    for (const chunk of chunks) if (chunk !== oversized[0]) assert.ok(chunk.tokenCount <= 200);
    assert.ok(chunks.some((c) => c.content.includes('rem before')) && chunks.some((c) => c.content.includes('rem after')));
  });

  test('a fence that fits stays whole even when its section is split', () => {
    const prose = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} explains one more detail of the grid widget configuration.`).join('\n\n');
    const fence = '```bbj\n## looks like a heading\nrem keep me whole\n\nrem even after a blank line\n```';
    const chunks = chunkDocument(makeDoc(`## Grid\n\n${prose}\n\n${fence}\n\n${prose}`), { maxTokens: 200, overlapTokens: 30 }, 'src');
    assert.ok(chunks.length > 3);
    const holders = chunks.filter((c) => c.content.includes('rem keep me whole'));
    assert.equal(holders.length, 1);
    assert.ok(holders[0].content.includes(fence));
    assert.equal(holders[0].metadata.split, undefined);
  });
});

describe('chunker: prose larger than the budget', () => {
  test('a long single paragraph splits at sentences, each later chunk starting with the previous chunk\'s last sentences', () => {
    const sentences = Array.from({ length: 80 }, (_, i) => `Sentence ${i} describes how the BBjGridExWidget renders row ${i * 7} with custom styling.`);
    const chunks = chunkDocument(makeDoc(`## Long\n\n${sentences.join(' ')}`), { maxTokens: 200, overlapTokens: 50 }, 'src');
    assert.ok(chunks.length >= 4);
    for (const [i, chunk] of chunks.entries()) {
      assert.ok(chunk.tokenCount <= 200);
      assert.match(bodyOf(chunk), /\.$/, 'chunks end at a sentence boundary');
      if (i === 0) continue;
      const body = bodyOf(chunk);
      const overlap = carriedTail(bodyOf(chunks[i - 1]), body);
      assert.ok(overlap.length > 0, `chunk ${i} does not start with the end of chunk ${i - 1}`);
      assert.ok(countTokens(overlap) <= 50);
      assert.ok(body.length > overlap.length, 'the chunk has new text after the overlap');
    }
    const allText = chunks.map(bodyOf).join(' ');
    for (const s of sentences) assert.ok(allText.includes(s), s);
  });

  test('overlap carries text between long paragraphs too', () => {
    const paragraph = (p: number): string => Array.from({ length: 9 }, (_, i) => `Paragraph ${p} sentence ${i} covers a separate aspect of data binding.`).join(' ');
    const chunks = chunkDocument(makeDoc(`## Binding\n\n${[0, 1, 2, 3, 4].map(paragraph).join('\n\n')}`), { maxTokens: 160, overlapTokens: 30 }, 'src');
    assert.ok(chunks.length >= 3);
    for (let i = 1; i < chunks.length; i += 1) {
      const overlap = carriedTail(bodyOf(chunks[i - 1]), bodyOf(chunks[i]));
      assert.ok(overlap.length > 0, `chunk ${i} does not start with the end of chunk ${i - 1}`);
      assert.ok(countTokens(overlap) <= 30);
    }
  });

  test('a sentence without punctuation splits at words as a last resort', () => {
    const words = Array.from({ length: 600 }, (_, i) => `word${i}`);
    const chunks = chunkDocument(makeDoc(words.join(' '), { title: '' }), { maxTokens: 100, overlapTokens: 0 }, 'src');
    assert.ok(chunks.length > 3);
    for (const c of chunks) assert.ok(c.tokenCount <= 100);
    assert.deepEqual(chunks.flatMap((c) => c.content.split(' ')), words);
  });

  test('a long list splits between items', () => {
    const items = Array.from({ length: 120 }, (_, i) => `- Item ${i}: set property ${i} on the column definition`);
    const chunks = chunkDocument(makeDoc(`## Properties\n\n${items.join('\n')}`), { maxTokens: 150, overlapTokens: 0 }, 'src');
    assert.ok(chunks.length > 3);
    const seen = chunks.flatMap((c) => bodyOf(c).split('\n').filter((l) => l.startsWith('- ')));
    assert.deepEqual(seen, items);
    assert.ok(bodyOf(chunks[0]).startsWith('## Properties\n\n- Item 0'));
  });

  test('a table split repeats the header row in each piece', () => {
    const header = '| Property | Type | Description |\n| --- | --- | --- |';
    const rows = Array.from({ length: 100 }, (_, i) => `| prop${i} | string | Sets option ${i} of the grid |`);
    const chunks = chunkDocument(makeDoc(`## Options\n\n${header}\n${rows.join('\n')}`), { maxTokens: 200, overlapTokens: 30 }, 'src');
    assert.ok(chunks.length > 3);
    const seen: string[] = [];
    for (const chunk of chunks) {
      assert.ok(chunk.tokenCount <= 200);
      const body = bodyOf(chunk).replace(/^## Options\n\n/, '');
      assert.ok(body.startsWith(`${header}\n`), body);
      seen.push(...body.split('\n').slice(2));
    }
    assert.deepEqual(seen, rows);
  });
});
