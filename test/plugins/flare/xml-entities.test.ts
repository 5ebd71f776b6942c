import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { textContent } from 'domutils';
import { parseFlareXml } from '../../../src/plugins/flare/xml-dom.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('XML without external entities or entity expansion', () => {
  test('XXE (a SYSTEM entity naming a local file) is not read; billion laughs is not expanded', () => {
    const dir = tempDir('bbj-xxe-');
    mkdirSync(dir, { recursive: true });
    const secret = path.join(dir, 'secret.txt');
    writeFileSync(secret, 'XXE-SECRET-CONTENT');
    const xxe = `<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://${secret}">]><html><body><p>a &xxe; b</p></body></html>`;
    assert.ok(!textContent(parseFlareXml(xxe)).includes('XXE-SECRET-CONTENT'));
    const laughs = ['<!ENTITY lol "lol">', ...Array.from({ length: 9 }, (_v, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`)].join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [${laughs}]><html><body><p>&lol9;</p></body></html>`;
    const text = textContent(parseFlareXml(bomb));
    assert.ok(text.length < 1000, `the entity was not expanded (${text.length} characters)`);
  });
});
