import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { get_encoding } from 'tiktoken';
import { MAX_PIECE_CHARS, countTokens, countTokensEach, encodeTokens, splitByTokens, tokenPieces } from '../../../src/core/chunking/token-counter.js';
import { corporaDir } from '../../helpers/paths.js';
import { markdownFiles } from './chunk-helpers.js';

describe('token counter', () => {
  test('counts like the real cl100k_base encoder, on known strings', () => {
    // Known cl100k_base counts: "hello world" is 2 tokens, "tiktoken is great!" is 6.
    assert.equal(countTokens('hello world'), 2);
    assert.equal(countTokens('tiktoken is great!'), 6);
    assert.equal(countTokens(''), 0);
    // Code is far more tokens than words (the reference estimated 1 "word" here).
    assert.ok(countTokens('window!.addButton(101,10,10,90,25,"OK")') > 10);
  });

  test('treats special-token text as plain text instead of throwing', () => {
    assert.equal(countTokens('a <|endoftext|> b'), encodeTokens('a <|endoftext|> b').length);
    assert.ok(countTokens('<|endoftext|>') > 1);
  });

  test('units never seen, counted together in one encoder call, get the counts they get one by one', () => {
    // Words this suite uses nowhere else, repeated, next to special-token text, emoji, CJK and whitespace runs.
    const text = 'zqxv-unseen zqxv-unseen <|endoftext|><|fim_prefix|> 😀🧪 日本語のテキスト   \n\n\t qqwwzz.. qqwwzz!! ' + 'ʃʒ'.repeat(90);
    const expected = encodeTokens(text).length;
    assert.equal(countTokens(text), expected);
    assert.equal(countTokens(text), expected, 'the cached counts give the same total');
  });

  test('equals encode().length on every Markdown file of two real corpora', () => {
    const files = [
      ...markdownFiles(path.join(corporaDir, 'mdx-dwc-course', 'docs')),
      ...markdownFiles(path.join(corporaDir, 'mdx-bbjgridexwidget-docs', 'docs')),
    ];
    assert.ok(files.length > 50);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.equal(countTokens(text), encodeTokens(text).length, file);
    }
  });

  test('equals plain cl100k_base (tiktoken) on real text without runs longer than the piece cap', () => {
    const raw = get_encoding('cl100k_base');
    const files = markdownFiles(path.join(corporaDir, 'mdx-dwc-course', 'docs'));
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (tokenPieces(text).some((p) => p.length === MAX_PIECE_CHARS)) continue;
      assert.equal(countTokens(text), raw.encode_ordinary(text).length, file);
      compared += 1;
    }
    assert.ok(compared > 20, `${compared} files compared`);
    raw.free();
  });

  test('line segments counted once and reused give the exact count of every text that contains them', () => {
    // Lines that end in punctuation (whose piece takes the newlines after it), blank lines
    // with spaces, CRLF, Unicode spaces after a newline (not a cut point), indented lines.
    const lines = ['Intro line.', '', '   ', 'x)', '  indented code();', '\u00a0nbsp start', '\u3000ideographic', 'tail:', '- item', '\r', '|a|b|', '😀 emoji', "it's", '123456', '\t\ttabbed'];
    let seed = 11;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const texts = Array.from({ length: 300 }, () => Array.from({ length: 1 + (next() % 9) }, () => lines[next() % lines.length]).join(next() % 3 ? '\n' : '\n\n'));
    for (const text of texts) assert.equal(countTokens(text), encodeTokens(text).length, JSON.stringify(text));
    // Again, now that their segments are cached, and as one batch.
    for (const text of texts) assert.equal(countTokens(text), encodeTokens(text).length, JSON.stringify(text));
    assert.deepEqual(countTokensEach(texts.map((t) => `${t}\nfresh zqvw${t.length}`)), texts.map((t) => encodeTokens(`${t}\nfresh zqvw${t.length}`).length));
  });

  test('long runs are cut into pieces of at most MAX_PIECE_CHARS, so counting stays linear', () => {
    // Quadratic merging took 38 s for 20,000 characters of one token run; these would never finish.
    const oneChar = '-'.repeat(5_000_000);
    assert.equal(tokenPieces(oneChar).every((p) => p.length <= MAX_PIECE_CHARS), true);
    assert.equal(tokenPieces(oneChar).join(''), oneChar);
    assert.ok(countTokens(oneChar) > 5_000_000 / MAX_PIECE_CHARS);
    const distinct = Array.from({ length: 40_000 }, (_, i) => `q${i.toString(36)}Z`).join('');
    assert.equal(countTokens(distinct), encodeTokens(distinct).length);
    // A surrogate pair is never cut in half.
    const emoji = '😀'.repeat(1000);
    assert.equal(tokenPieces(emoji).join(''), emoji);
    for (const piece of tokenPieces(emoji)) assert.equal(piece.length % 2, 0);
  });

  const cases: { name: string; text: string; max: number }[] = [
    { name: 'prose', text: 'The quick brown fox jumps over the lazy dog. '.repeat(40), max: 17 },
    { name: 'one long word', text: 'x'.repeat(5000), max: 9 },
    { name: 'multi-byte characters', text: '漢字かな交じり文 😀 ü'.repeat(60), max: 5 },
    { name: 'single token limit', text: 'abc def ghi', max: 1 },
  ];
  for (const { name, text, max } of cases) {
    test(`splitByTokens keeps every part within the limit and loses nothing: ${name}`, () => {
      const parts = splitByTokens(text, max);
      assert.equal(parts.join(''), text);
      assert.ok(parts.length > 1);
      for (const part of parts) assert.ok(countTokens(part) <= max, `${countTokens(part)} > ${max}: ${JSON.stringify(part)}`);
    });
  }
});
