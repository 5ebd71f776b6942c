import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { FileGuard, isInside } from '../../../src/core/files/file-guard.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A data directory with a file, a link inside, links outside, a loop and a large file; plus an outside folder. */
function layout() {
  const base = tempDir('bbj-guard-');
  const data = path.join(base, 'data');
  const outside = path.join(base, 'outside');
  mkdirSync(path.join(data, 'docs'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(data, 'docs', 'a.md'), '# A\n');
  writeFileSync(path.join(outside, 'secret.md'), 'root:x:0:0\n');
  writeFileSync(path.join(data, 'docs', 'big.md'), Buffer.alloc(2048, 'x'));
  symlinkSync(path.join(data, 'docs', 'a.md'), path.join(data, 'docs', 'inside-link.md'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(data, 'docs', 'x.md'));
  symlinkSync('/etc/passwd', path.join(data, 'docs', 'passwd.md'));
  symlinkSync(outside, path.join(data, 'docs', 'outside-dir'));
  symlinkSync(path.join(data, 'docs', 'loop.md'), path.join(data, 'docs', 'loop.md'));
  return { data, outside, docs: path.join(data, 'docs') };
}

describe('FileGuard: only files inside the data directory, within max_file_bytes', () => {
  test('isInside compares whole path segments', () => {
    assert.equal(isInside('/data', '/data'), true);
    assert.equal(isInside('/data', '/data/a/b'), true);
    assert.equal(isInside('/data', '/data-other/a'), false);
    assert.equal(isInside('/data', '/etc/passwd'), false);
    assert.equal(isInside('/data', '/data/../etc'), false);
  });

  test('reads files and links that stay inside; refuses links out, `..` escapes, loops and large files', async () => {
    const { data, docs } = layout();
    const guard = new FileGuard([data], 1024);
    const ok = await guard.readText(path.join(docs, 'a.md'));
    assert.ok(ok.ok && ok.text === '# A\n');
    const linked = await guard.readText(path.join(docs, 'inside-link.md'));
    assert.ok(linked.ok && linked.text === '# A\n', 'a link that stays inside is followed');

    for (const name of ['x.md', 'passwd.md']) {
      const refused = await guard.read(path.join(docs, name));
      assert.ok(!refused.ok);
      assert.match(refused.reason, /outside the data directory .* resolves to/);
    }
    const escape = await guard.read(path.join(data, '..', 'outside', 'secret.md'));
    assert.ok(!escape.ok && /outside the data directory/.test(escape.reason));
    const dir = await guard.check(path.join(docs, 'outside-dir'));
    assert.ok(!dir.ok && /outside the data directory/.test(dir.reason));
    const loop = await guard.read(path.join(docs, 'loop.md'));
    assert.ok(!loop.ok);
    assert.equal(loop.reason, 'symbolic link loop');
    const big = await guard.read(path.join(docs, 'big.md'));
    assert.ok(!big.ok);
    assert.match(big.reason, /larger than max_file_bytes/);
  });

  test('the synchronous twins judge the same', () => {
    const { data, docs } = layout();
    const guard = new FileGuard([data], 1024);
    assert.ok(guard.readSync(path.join(docs, 'a.md')).ok);
    const out = guard.readSync(path.join(docs, 'passwd.md'));
    assert.ok(!out.ok && /outside the data directory/.test(out.reason));
    const loop = guard.checkSync(path.join(docs, 'loop.md'));
    assert.ok(!loop.ok && loop.reason === 'symbolic link loop');
    const big = guard.readSync(path.join(docs, 'big.md'));
    assert.ok(!big.ok && /max_file_bytes/.test(big.reason));
  });

  test('a data directory reached through a link is its real location', async () => {
    const { data, docs } = layout();
    const alias = path.join(path.dirname(data), 'alias');
    symlinkSync(data, alias);
    const guard = new FileGuard([alias], 1024);
    assert.ok((await guard.read(path.join(docs, 'a.md'))).ok);
    assert.ok(!(await guard.read(path.join(docs, 'passwd.md'))).ok);
  });
});
