import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Parser } from '../../../src/core/contracts/parser.js';
import { checkSourcePath } from '../../../src/core/files/source-path.js';
import { validateSource } from '../../../src/testing.js';
import { bbjSourceParser } from '../../../src/plugins/bbj-source/bbj-source-parser.js';
import { flareParser } from '../../../src/plugins/flare/flare-parser.js';
import { javadocParser } from '../../../src/plugins/javadoc/javadoc-parser.js';
import { mdxParser } from '../../../src/plugins/mdx/mdx-parser.js';
import { pdfParser } from '../../../src/plugins/pdf/pdf-parser.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A data directory with a folder, a file, a link out of it, a link loop; and a folder outside it. */
function layout() {
  const dir = tempDir('bbj-source-path-');
  const data = path.join(dir, 'data');
  const outside = path.join(dir, 'outside');
  mkdirSync(path.join(data, 'docs'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(data, 'docs', 'a.md'), '# A\n');
  symlinkSync(outside, path.join(data, 'out-link'));
  symlinkSync(path.join(data, 'loop'), path.join(data, 'loop'));
  return { data, outside };
}

describe('checkSourcePath: the one check of configured source paths', () => {
  test('missing, loop, outside (through a link), wrong kind, and fine', () => {
    const { data, outside } = layout();
    const check = (p: string, kind?: 'file' | 'directory') => checkSourcePath(path.join(data, p), data, kind);
    assert.deepEqual(check('nope'), { ok: false, problem: 'missing', reason: 'does not exist' });
    assert.equal((check('loop') as { problem: string }).problem, 'loop');
    const out = check('out-link');
    assert.equal(out.ok, false);
    assert.match((out as { reason: string }).reason, new RegExp(`resolves to ${outside}, outside the data directory`));
    assert.deepEqual(check('docs/a.md', 'directory'), { ok: false, problem: 'kind', real: path.join(data, 'docs', 'a.md'), reason: 'is not a directory' });
    assert.deepEqual(check('docs', 'directory'), { ok: true, real: path.join(data, 'docs'), isDirectory: true });
    assert.equal(check('docs/a.md', 'file').ok, true);
  });

  // Before this check was shared, bbj-source, pdf and javadoc validated existence only, so a
  // path linking out of the data directory passed their validation.
  const parsers: Array<[string, Parser<never>]> = [
    ['bbj-source', bbjSourceParser as Parser<never>],
    ['flare', flareParser as Parser<never>],
    ['javadoc', javadocParser as Parser<never>],
    ['mdx', mdxParser as Parser<never>],
    ['pdf', pdfParser as Parser<never>],
  ];
  for (const [name, parser] of parsers) {
    test(`${name} validates its paths with it: missing and outside are reported the same way`, async () => {
      const { data } = layout();
      const messages = async (p: string) => (await validateSource(parser, { dataDir: data, paths: [p] })).map((i) => i.message).join('\n');
      assert.match(await messages('nope'), /nope does not exist/);
      assert.match(await messages('out-link'), /out-link resolves to .*outside the data directory/);
    });
  }
});
