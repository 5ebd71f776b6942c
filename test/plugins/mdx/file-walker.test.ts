import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compileIgnorePattern, listDocFiles } from '../../../src/plugins/mdx/file-walker.js';
import { DEFAULT_IGNORE } from '../../../src/plugins/mdx/options.js';

describe('listDocFiles', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mdx-walk-'));
    const files = [
      'b.mdx', 'a.md', 'a/z.md', 'a/b.mdx', 'a/_partial.md', '_drafts/x.md', '.hidden/y.md', 'node_modules/pkg/readme.md',
      'blog/post.md', 'img/pic.png', 'notes.txt', 'UPPER.MD',
    ];
    for (const file of files) {
      await mkdir(path.dirname(path.join(root, file)), { recursive: true });
      await writeFile(path.join(root, file), '# x\n');
    }
    await symlink(root, path.join(root, 'a', 'loop'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('finds .md and .mdx as one list sorted by relative path, skipping partials, hidden and node_modules', async () => {
    const files = await listDocFiles(root, DEFAULT_IGNORE);
    assert.deepEqual(
      files.map((f) => f.relative),
      ['UPPER.MD', 'a.md', 'a/b.mdx', 'a/z.md', 'b.mdx', 'blog/post.md'],
    );
    assert.equal(files[1].absolute, path.join(root, 'a.md'));
  });

  test('follows the configured patterns, including path patterns', async () => {
    const files = await listDocFiles(root, ['blog/**', '*.mdx', 'node_modules', '.*', 'loop']);
    assert.deepEqual(
      files.map((f) => f.relative),
      ['UPPER.MD', '_drafts/x.md', 'a.md', 'a/_partial.md', 'a/z.md'],
    );
  });

  test('glob-ish patterns', () => {
    assert.equal(compileIgnorePattern('_*')('_category_.json', 'x/_category_.json'), true);
    assert.equal(compileIgnorePattern('_*')('a_b', 'a_b'), false);
    assert.equal(compileIgnorePattern('docs/**/draft-?.md')('draft-1.md', 'docs/a/b/draft-1.md'), true);
    assert.equal(compileIgnorePattern('docs/**/draft-?.md')('draft-1.md', 'docs/draft-1.md'), true);
    assert.equal(compileIgnorePattern('docs/*.md')('x.md', 'docs/a/x.md'), false);
  });
});

describe('listDocFiles with a FileGuard', () => {
  test('follows links only inside the data directory and names the rest (outside file, outside folder, loop)', async () => {
    const { mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
    const { FileGuard } = await import('../../../src/core/files/file-guard.js');
    const base = await mkdtemp(path.join(tmpdir(), 'mdx-guard-'));
    try {
      const data = path.join(base, 'data');
      const docs = path.join(data, 'docs');
      mkdirSync(path.join(docs, 'sub'), { recursive: true });
      mkdirSync(path.join(base, 'elsewhere'));
      writeFileSync(path.join(docs, 'a.md'), '# A\n');
      writeFileSync(path.join(data, 'shared.md'), '# Shared\n');
      writeFileSync(path.join(base, 'elsewhere', 'b.md'), '# B\n');
      symlinkSync('/etc/passwd', path.join(docs, 'x.md'));
      symlinkSync(path.join(base, 'elsewhere'), path.join(docs, 'out'));
      symlinkSync(path.join(data, 'shared.md'), path.join(docs, 'sub', 'shared.md'));
      symlinkSync(path.join(docs, 'self.md'), path.join(docs, 'self.md'));
      const skipped: { item: string; reason: string }[] = [];
      const files = await listDocFiles(docs, DEFAULT_IGNORE, { guard: new FileGuard([data]), onSkip: (item, reason) => skipped.push({ item, reason }) });
      assert.deepEqual(files.map((f) => f.relative), ['a.md', 'sub/shared.md']);
      const reasons = Object.fromEntries(skipped.map((s) => [path.relative(docs, s.item), s.reason]));
      assert.match(reasons['x.md'] ?? '', /outside the data directory/);
      assert.match(reasons['out'] ?? '', /outside the data directory/);
      assert.equal(reasons['self.md'], 'symbolic link loop');
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});
