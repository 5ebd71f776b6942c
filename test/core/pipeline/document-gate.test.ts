import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentGate } from '../../../src/core/pipeline/document-gate.js';

describe('DocumentGate: what reaches a statement', () => {
  test('NUL and lone surrogates are removed from text, title, key, breadcrumb and metadata', () => {
    const gate = new DocumentGate();
    const admitted = gate.admit({
      key: 'a\u0000.md',
      sourceUrl: 'x://a.md',
      title: 'T\u0000itle\uD800',
      content: 'bo\u0000dy \uDFFF text',
      breadcrumb: ['Ch\u0000apter'],
      metadata: { 'k\u0000': 'v\u0000', list: ['\uD800x'] },
    });
    assert.ok(admitted.ok);
    assert.equal(admitted.doc.key, 'a.md');
    assert.equal(admitted.doc.title, 'Title');
    assert.equal(admitted.doc.content, 'body  text');
    assert.deepEqual(admitted.doc.breadcrumb, ['Chapter']);
    assert.deepEqual(admitted.doc.metadata, { k: 'v', list: ['x'] });
    assert.equal(gate.claim('a\u0000.md'), false, 'the cleaned key is the one claimed');
  });

  test('a document larger than max_file_bytes is refused with the reason', () => {
    const gate = new DocumentGate({ maxBytes: 1000 });
    const big = gate.admit({ key: 'big', sourceUrl: 'x://big', content: 'word '.repeat(300) });
    assert.ok(!big.ok);
    assert.match(big.reason, /larger than max_file_bytes/);
    assert.ok(gate.admit({ key: 'small', sourceUrl: 'x://small', content: 'word '.repeat(100) }).ok);
  });

  test('content that is only NUL bytes is refused as empty, not stored', () => {
    const empty = new DocumentGate().admit({ key: 'nul', sourceUrl: 'x://nul', content: '\u0000\u0000' });
    assert.ok(!empty.ok);
    assert.match(empty.reason, /content must not be empty/);
  });
});
