import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHeadline, renderSnippet } from '../../../src/core/search/index.js';

describe('snippets', () => {
  test('ts_headline markers become highlight offsets; whitespace collapses', () => {
    const snippet = parseHeadline('The \u0002PRINT\u0003 verb\n\n writes to the \u0002console\u0003.');
    assert.equal(snippet.text, 'The PRINT verb writes to the console.');
    assert.deepEqual(snippet.highlights.map(([s, e]) => snippet.text.slice(s, e)), ['PRINT', 'console']);
    assert.equal(renderSnippet(snippet, '**', '**'), 'The **PRINT** verb writes to the **console**.');
  });

  test('no markers: plain text, nothing highlighted', () => {
    assert.deepEqual(parseHeadline('just text'), { text: 'just text', highlights: [] });
  });
});
