import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentInput } from '../../../src/core/contracts/index.js';
import { mdxParser, MdxOptionsSchema } from '../../../src/plugins/mdx/index.js';
import { collect, fakeContext } from './context.js';

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), text);
  }
}

const BASE = 'https://example.test/course';

describe('mdx parser on a synthetic docs tree', () => {
  let root: string;
  let docs: DocumentInput[];
  let fake: ReturnType<typeof fakeContext>;
  const doc = (key: string): DocumentInput => {
    const found = docs.find((d) => d.key === key);
    assert.ok(found, `yields ${key}`);
    return found;
  };

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'mdx-docs-'));
    await writeTree(root, {
      'index.md': '---\nslug: /\n---\n\nWelcome text.\n',
      '01-getting-started/index.md': 'Chapter intro without any heading.\n',
      '01-getting-started/01-install_steps.md': 'Install text.\n\n```sh\n# Install title that is only a comment\n```\n',
      '01-getting-started/02-config.mdx': '---\nid: configuration\ntitle: "  Configure it  "\nsidebar_position: 2\ntags: [setup, {label: Config, permalink: /c}]\n---\n\n# Heading loses\n\nConfig text.\n',
      '01-getting-started/03-moved.md': '---\nslug: elsewhere\n---\n\n# Moved Page\n\nMoved text.\n',
      '01-getting-started/04-absolute.md': '---\nslug: /top/level\n---\n\nAbsolute text.\n',
      '01-getting-started/_category_.yml': 'label: First Steps\nposition: 1\n',
      '02-broken/01-bad.mdx': "import X from 'x';\n\n# Broken Page\n\n<Unclosed>\n\nStill readable text.\n\nA stray { brace.\n",
      '02-broken/02-only-imports.mdx': "import X from 'x';\nexport const y = 1;\n\n<X />\n",
      '02-broken/03-empty.md': '---\ntitle: Empty\n---\n',
      '02-broken/_category_.json': '{ "label": ',
      '_partial.md': 'Partial text.\n',
    });
    fake = fakeContext({ name: 'mdx-demo', paths: [root], label: 'Demo Course', displayBaseUrl: BASE });
    docs = await collect(mdxParser.parse(fake.ctx));
  });
  after(() => rm(root, { recursive: true, force: true }));

  test('yields the good and the salvageable files in path order; skips the blank ones with their paths', () => {
    assert.deepEqual(docs.map((d) => d.key), [
      '01-getting-started/01-install_steps.md',
      '01-getting-started/02-config.mdx',
      '01-getting-started/03-moved.md',
      '01-getting-started/04-absolute.md',
      '01-getting-started/index.md',
      '02-broken/01-bad.mdx',
      'index.md',
    ]);
    // The malformed MDX page is yielded and also listed, as a fallback, with the skipped items.
    assert.deepEqual(fake.skipped.map((s) => s.item), [
      path.join(root, '02-broken/01-bad.mdx'),
      path.join(root, '02-broken/02-only-imports.mdx'),
      path.join(root, '02-broken/03-empty.md'),
    ]);
    assert.match(fake.skipped[0].reason, /not valid MDX.*kept as a fallback/);
    assert.match(fake.skipped[1].reason, /no text left/);
    assert.deepEqual(fake.progress[0], { done: 0, total: 9, message: '9 Markdown files' });
    assert.deepEqual(fake.progress.at(-1), { done: 9, total: 9 });
  });

  test('a malformed MDX file is read as Markdown, with a warning naming it', () => {
    const bad = doc('02-broken/01-bad.mdx');
    assert.equal(bad.title, 'Broken Page');
    assert.match(bad.content, /Still readable text\./);
    assert.doesNotMatch(bad.content, /import|Unclosed/);
    assert.equal(bad.metadata?.syntax, 'md-fallback');
    assert.ok(fake.warnings.some((w) => w.startsWith(path.join(root, '02-broken/01-bad.mdx')) && /not valid MDX/.test(w)));
  });

  test('titles: front matter, then the first # heading, then the file name (never a code comment)', () => {
    assert.equal(doc('01-getting-started/02-config.mdx').title, 'Configure it');
    assert.equal(doc('01-getting-started/03-moved.md').title, 'Moved Page');
    assert.equal(doc('01-getting-started/01-install_steps.md').title, 'Install Steps');
    assert.equal(doc('01-getting-started/index.md').title, 'First Steps', 'an untitled index page takes its chapter name');
    assert.equal(doc('index.md').title, 'Index');
  });

  test('display URLs honour slug, id, index pages and number prefixes', () => {
    assert.equal(doc('index.md').displayUrl, `${BASE}/`);
    assert.equal(doc('01-getting-started/index.md').displayUrl, `${BASE}/getting-started`);
    assert.equal(doc('01-getting-started/01-install_steps.md').displayUrl, `${BASE}/getting-started/install_steps`);
    assert.equal(doc('01-getting-started/02-config.mdx').displayUrl, `${BASE}/getting-started/configuration`);
    assert.equal(doc('01-getting-started/03-moved.md').displayUrl, `${BASE}/getting-started/elsewhere`);
    assert.equal(doc('01-getting-started/04-absolute.md').displayUrl, `${BASE}/top/level`);
  });

  test('breadcrumbs use _category_ labels, else the folder name; metadata carries position, tags, file and chapter', () => {
    const config = doc('01-getting-started/02-config.mdx');
    assert.deepEqual(config.breadcrumb, ['Demo Course', 'First Steps']);
    assert.deepEqual(config.metadata, {
      file: '01-getting-started/02-config.mdx',
      syntax: 'mdx',
      chapter: 'First Steps',
      sidebar_position: 2,
      front_matter_tags: ['setup', 'Config'],
    });
    assert.deepEqual(doc('02-broken/01-bad.mdx').breadcrumb, ['Demo Course', 'Broken']);
    assert.ok(fake.warnings.some((w) => w.includes('_category_.json') && /unreadable category file/.test(w)));
    assert.deepEqual(doc('index.md').breadcrumb, ['Demo Course']);
    assert.equal(doc('index.md').metadata?.chapter, undefined);
    assert.equal(doc('index.md').sourceUrl, 'mdx-demo://index.md');
    assert.equal(doc('index.md').sourceType, 'Demo Course');
  });

  test('options: doc_type, ignore and md_format change the output', async () => {
    const custom = fakeContext({ name: 'mdx-demo', paths: [root] }, { doc_type: 'guide', ignore: ['02-broken', '.*'], md_format: 'md' });
    const out = await collect(mdxParser.parse(custom.ctx));
    assert.deepEqual(out.map((d) => d.key), [
      '01-getting-started/01-install_steps.md', '01-getting-started/02-config.mdx', '01-getting-started/03-moved.md',
      '01-getting-started/04-absolute.md', '01-getting-started/index.md', '_partial.md', 'index.md',
    ]);
    assert.ok(out.every((d) => d.docType === 'guide' && d.displayUrl === '' && d.sourceType === ''));
    assert.equal(out[0].metadata?.syntax, 'md');
    assert.deepEqual(out[0].breadcrumb, ['Mdx Demo', 'First Steps']);
  });

  test('an aborted run stops yielding', async () => {
    const aborted = fakeContext({ name: 'mdx-demo', paths: [root] });
    const seen: string[] = [];
    for await (const d of mdxParser.parse(aborted.ctx)) {
      seen.push(d.key);
      aborted.abort.abort();
    }
    assert.equal(seen.length, 1);
  });
});

describe('mdx parser with several docs directories', () => {
  let parent: string;
  before(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'mdx-multi-'));
    await writeTree(parent, { 'guide/intro.md': '# Guide intro\n', 'api/intro.md': '# API intro\n' });
  });
  after(() => rm(parent, { recursive: true, force: true }));

  test('keys and URLs are prefixed with the directory name, in configured order', async () => {
    const fake = fakeContext({ name: 'mdx-multi', paths: [path.join(parent, 'guide'), path.join(parent, 'api')], displayBaseUrl: 'https://x.test' });
    const docs = await collect(mdxParser.parse(fake.ctx));
    assert.deepEqual(docs.map((d) => [d.key, d.sourceUrl, d.displayUrl]), [
      ['guide/intro.md', 'mdx-multi://guide/intro.md', 'https://x.test/intro'],
      ['api/intro.md', 'mdx-multi://api/intro.md', 'https://x.test/intro'],
    ]);
  });
});

describe('mdx parser validation', () => {
  let parent: string;
  before(async () => {
    parent = await mkdtemp(path.join(tmpdir(), 'mdx-validate-'));
    await writeTree(parent, { 'docs/a.md': 'A\n', 'other/docs/b.md': 'B\n', 'empty/_only-partial.md': 'x\n', 'file.md': 'x\n' });
  });
  after(() => rm(parent, { recursive: true, force: true }));

  test('a good docs directory has no issues', async () => {
    assert.deepEqual(await mdxParser.validate!(fakeContext({ paths: [path.join(parent, 'docs')] }).ctx), []);
  });

  test('every problem is reported, naming the source and the path', async () => {
    const paths = ['missing', 'file.md', 'empty', 'docs', 'other/docs'].map((p) => path.join(parent, p));
    const issues = (await mdxParser.validate!(fakeContext({ name: 'mdx-bad', paths }).ctx)).map((i) => i.message);
    assert.equal(issues.length, 4, issues.join('\n'));
    assert.ok(issues.every((m) => m.startsWith('source "mdx-bad": ')));
    assert.match(issues[0], new RegExp(`${paths[0]} does not exist`));
    assert.match(issues[1], new RegExp(`${paths[1]} is not a directory`));
    assert.match(issues[2], new RegExp(`${paths[2]} has no \\.md or \\.mdx files`));
    assert.match(issues[3], /two paths end in "docs"/);
  });

  test('no paths at all is an issue', async () => {
    const issues = await mdxParser.validate!(fakeContext({ paths: [] }).ctx);
    assert.match(issues[0].message, /at least one Docusaurus docs directory/);
  });

  test('the options schema is strict and has defaults', () => {
    assert.deepEqual(MdxOptionsSchema.parse({}), { doc_type: 'tutorial', md_format: 'detect', site: 'auto', ignore: ['node_modules', '_*', '.*'] });
    assert.equal(MdxOptionsSchema.safeParse({ md_fromat: 'md' }).success, false);
    assert.equal(MdxOptionsSchema.safeParse({ md_format: 'markdown' }).success, false);
    assert.equal(mdxParser.type, 'mdx');
    assert.equal(mdxParser.requiresPaths, true);
  });
});
