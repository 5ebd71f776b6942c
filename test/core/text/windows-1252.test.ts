import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeUtf8OrWindows1252, decodeWindows1252 } from '../../../src/core/text/windows-1252.js';
import { decodeSource } from '../../../src/plugins/bbj-source/index.js';

test('Windows-1252 bytes 0x80-0x9f decode to the Windows characters, not C1 controls', () => {
  assert.equal(decodeWindows1252(Uint8Array.from([0x80, 0x93, 0x48, 0x94, 0x96, 0xe4])), '\u20ac\u201cH\u201d\u2013\u00e4');
});

test('valid UTF-8 stays UTF-8; invalid UTF-8 falls back to Windows-1252', () => {
  assert.deepEqual(decodeUtf8OrWindows1252(Buffer.from('Grüße', 'utf8')), { text: 'Grüße', encoding: 'utf-8' });
  assert.deepEqual(decodeUtf8OrWindows1252(Uint8Array.from([0x93, 0x61, 0x94])), { text: '\u201ca\u201d', encoding: 'windows-1252' });
});

test('BBj source files in Windows-1252 keep their curly quotes and euro signs', () => {
  const decoded = decodeSource(Uint8Array.from([...Buffer.from('PRINT '), 0x93, 0x80, 0x31, 0x94]));
  assert.ok(decoded.ok);
  assert.equal(decoded.ok && decoded.text, 'PRINT \u201c\u20ac1\u201d');
});
