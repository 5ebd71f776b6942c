import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { matchesExpectation, parseQuestionSet } from '../../../src/core/eval/index.js';
import { repoRoot } from '../../helpers/paths.js';

describe('question sets', () => {
  test('JSONL lines become questions; blank and comment lines are skipped; notes are ignored', () => {
    const text = ['# DWC questions', '', '{"question": " How? ", "expect": ["a.md"], "notes": "x"}', '// more', '{"question": "Why?", "expect": ["b.md", "https://x/y/*"]}'].join('\n');
    assert.deepEqual(parseQuestionSet(text, 'q.jsonl'), [
      { line: 3, question: 'How?', expect: ['a.md'] },
      { line: 5, question: 'Why?', expect: ['b.md', 'https://x/y/*'] },
    ]);
  });

  test('every bad line is reported with file and line number', () => {
    const text = ['{"question": "ok", "expect": ["a"]}', '{"question": "", "expect": ["a"]}', 'not json', '{"question": "q", "expect": []}'].join('\n');
    assert.throws(() => parseQuestionSet(text, 'q.jsonl'), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'EVAL_BAD_QUESTIONS');
      assert.match(e.message, /q\.jsonl:2: question: must be a non-empty string/);
      assert.match(e.message, /q\.jsonl:3: not valid JSON/);
      assert.match(e.message, /q\.jsonl:4: expect: must list at least one document key or URL/);
      return true;
    });
    assert.throws(() => parseQuestionSet('\n# nothing\n', 'empty.jsonl'), /empty\.jsonl holds no questions/);
  });

  test('the shipped question sets parse', () => {
    for (const file of ['examples/sample/questions.jsonl', 'examples/eval/mdx-dwc-course.jsonl']) {
      const questions = parseQuestionSet(readFileSync(path.join(repoRoot, file), 'utf8'), file);
      assert.ok(questions.length >= 6, file);
    }
  });
});

describe('expect entries', () => {
  const hit = { doc_key: 'gui/first-window.mdx', source_url: 'sample://gui/first-window.mdx', display_url: 'https://example.com/gui/first-window' };

  test('equal to the doc key, the source URL or the display URL', () => {
    for (const entry of ['gui/first-window.mdx', 'sample://gui/first-window.mdx', 'https://example.com/gui/first-window']) assert.ok(matchesExpectation(entry, hit), entry);
    assert.ok(!matchesExpectation('gui/first', hit), 'no implicit prefix');
    assert.ok(!matchesExpectation('https://example.com/gui/first-window/more', hit));
  });

  test('an entry ending in / or * is a prefix', () => {
    assert.ok(matchesExpectation('https://example.com/gui/', hit));
    assert.ok(matchesExpectation('https://example.com/gui/first*', hit));
    assert.ok(matchesExpectation('gui/*', hit));
    assert.ok(!matchesExpectation('https://example.com/cli/*', hit));
  });

  test('an empty display URL matches nothing', () => {
    assert.ok(!matchesExpectation('*', { ...hit, display_url: '', doc_key: '', source_url: '' }));
  });
});
