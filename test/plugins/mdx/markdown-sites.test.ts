import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentInput } from '../../../src/core/contracts/index.js';
import { mdxParser } from '../../../src/plugins/mdx/index.js';
import { detectSite } from '../../../src/plugins/mdx/site.js';
import { displayUrlFor } from '../../../src/plugins/mdx/display-url.js';
import { convertPage } from '../../../src/plugins/mdx/markdown-convert.js';
import { fixturesDir } from '../../helpers/paths.js';
import { collect, fakeContext } from './context.js';

const docsify = path.join(fixturesDir, 'mdx', 'docsify-site');
const docusaurus = path.join(fixturesDir, 'mdx', 'docusaurus-site');

function byKey(docs: DocumentInput[], key: string): DocumentInput {
  const found = docs.find((d) => d.key === key);
  assert.ok(found, `yields ${key}`);
  return found;
}

describe('markdown sites: detection', () => {
  test('docusaurus.config.* above the docs folder, index.html with $docsify, else plain', async () => {
    assert.equal(await detectSite(docsify), 'docsify');
    assert.equal(await detectSite(path.join(docusaurus, 'docs')), 'docusaurus');
    assert.equal(await detectSite(path.join(docusaurus, 'blog')), 'docusaurus');
    const plain = await mkdtemp(path.join(tmpdir(), 'plain-md-'));
    try {
      await writeFile(path.join(plain, '01-notes.md'), '# Notes\n');
      assert.equal(await detectSite(plain), 'plain');
    } finally {
      await rm(plain, { recursive: true, force: true });
    }
  });
});

describe('markdown sites: a docsify site with two doc versions', async () => {
  const fake = fakeContext({ name: 'dwc', paths: [docsify], label: 'DWC', displayBaseUrl: 'https://docs.example.com/dwc/' });
  const docs = await collect(mdxParser.parse(fake.ctx));

  test('23-docs keeps its name: keys, titles, breadcrumbs and display URLs stay apart from docs/', () => {
    const current = byKey(docs, 'docs/dwc/BBjButton.md');
    const old = byKey(docs, '23-docs/dwc/BBjButton.md');
    assert.equal(current.displayUrl, 'https://docs.example.com/dwc/#/docs/dwc/BBjButton');
    assert.equal(old.displayUrl, 'https://docs.example.com/dwc/#/23-docs/dwc/BBjButton');
    assert.notDeepEqual(current.breadcrumb, old.breadcrumb);
    assert.equal(new Set(docs.map((d) => d.displayUrl)).size, docs.length, 'display URLs are unique');
    assert.equal(byKey(docs, 'README.md').displayUrl, 'https://docs.example.com/dwc/#/');
    assert.ok(!fake.warnings.some((w) => /same display URL/.test(w)), fake.warnings.join('\n'));
  });

  test('_sidebar.md groups are the breadcrumbs (absolute links without .md too)', () => {
    assert.deepEqual(byKey(docs, 'docs/dwc/BBjButton.md').breadcrumb, ['DWC', 'Current release']);
    assert.deepEqual(byKey(docs, 'docs/dwc/BBjEditBox.md').breadcrumb, ['DWC', 'Current release', 'Controls']);
    assert.deepEqual(byKey(docs, '23-docs/dwc/BBjButton.md').breadcrumb, ['DWC', 'Version 23']);
    assert.deepEqual(byKey(docs, 'README.md').breadcrumb, ['DWC'], 'a page in no sidebar falls back to its folders');
  });

  test('callouts become notes, includes are resolved (Markdown inlined, code as code), :id attributes removed', () => {
    const c = byKey(docs, 'docs/dwc/BBjButton.md').content;
    assert.match(c, /^\*\*Important:\*\* Buttons need a window\.$/m);
    assert.match(byKey(docs, 'README.md').content, /^\*\*Tip:\*\* Start with the button page\.$/m);
    assert.match(c, /^## Example$/m);
    assert.match(c, /```bbj\nbutton! = window!\.addButton\(101, 10, 10, 90, 30, "OK"\)\nrem done\n```/);
    assert.match(c, /^## Events\n\nON_BUTTON_PUSH fires when the button is pushed\.\n\nNested include text\.$/m);
    assert.match(c, /```bbj\nrem \?> stays in code\n```/, 'code is never touched');
    assert.doesNotMatch(c, /:include|^\?>|^!>/m);
  });

  test('no HTML character references from re-serialisation', () => {
    for (const d of docs) assert.doesNotMatch(d.content, /&#x[0-9a-f]+;/i, d.key);
    assert.match(byKey(docs, 'docs/dwc/BBjEditBox.md').content, /An edit box for text\\\nwith a line break\./);
  });
});

describe('markdown sites: Docusaurus MDX and blog', async () => {
  const fake = fakeContext({ name: 'site', paths: [path.join(docusaurus, 'docs')], displayBaseUrl: 'https://site.example.com/docs' });
  const docs = await collect(mdxParser.parse(fake.ctx));
  const blogFake = fakeContext({ name: 'blog', paths: [path.join(docusaurus, 'blog')], displayBaseUrl: 'https://site.example.com/blog' });
  const posts = await collect(mdxParser.parse(blogFake.ctx));

  const jsxCode = '```jsx\nconst App = () => (\n  <Div>\n    <Button>OK</Button>\n  </Div>\n);\n```';

  test('code inside indented <TabItem> keeps every line and no JSX leaks into it; captions kept', () => {
    const c = byKey(docs, '01-guide/01-tabs.mdx').content;
    assert.ok(c.includes(jsxCode), c);
    assert.match(c, /\*\*BBj\*\*\n\n```bbj\nbutton! = window!\.addButton\(101, 10, 10, 90, 30, "OK"\)\n```/);
    assert.match(c, /^\*\*Tip: Remember\*\*\n\nTabs keep their captions\.$/m);
    assert.match(c, /^Starred pages keep their words\.$/m, 'no &#x20; where a JSX element was removed');
  });

  test('JSX that MDX rejects: listed as a skipped-with-warning fallback, and its tab code still intact', () => {
    const broken = byKey(docs, '01-guide/02-broken-tabs.md');
    assert.equal(broken.metadata?.syntax, 'md-fallback');
    assert.ok(broken.content.includes(jsxCode), broken.content);
    assert.doesNotMatch(broken.content, /TabItem|<Tabs>|import /);
    assert.match(broken.content, /After the tabs\./);
    const listed = fake.skipped.find((s) => s.item.endsWith('02-broken-tabs.md'));
    assert.match(listed?.reason ?? '', /not valid MDX.*kept as a fallback/);
  });

  test('Docusaurus strips number prefixes in URLs', () => {
    assert.equal(byKey(docs, '01-guide/01-tabs.mdx').displayUrl, 'https://site.example.com/docs/guide/tabs');
  });

  test('blog posts: /blog/<slug> from front matter, Docusaurus date path otherwise, never the date folder', () => {
    assert.equal(byKey(posts, '2025-11-21-release.md').displayUrl, 'https://site.example.com/blog/release-25');
    assert.equal(byKey(posts, '2025-11-20-table-renderers/index.md').displayUrl, 'https://site.example.com/blog/2025/11/20/table-renderers');
    assert.equal(byKey(posts, '2025-11-21-release.md').metadata?.blog_post, true);
    assert.equal(
      displayUrlFor('https://s.example.com', 'blog/2025-11-21-release.md', { slug: 'rel' }, { site: 'docusaurus', blog: { relative: '2025-11-21-release.md', route: 'blog/' } }),
      'https://s.example.com/blog/rel',
    );
  });

  test('the site option overrides detection', async () => {
    const forced = fakeContext({ name: 'x', paths: [docsify], displayBaseUrl: 'https://x.example.com' }, { site: 'docusaurus' });
    const out = await collect(mdxParser.parse(forced.ctx));
    // Read as Docusaurus, the version prefix is a sort number: the two versions collide, and that is reported.
    assert.equal(byKey(out, '23-docs/dwc/BBjButton.md').displayUrl, 'https://x.example.com/docs/dwc/BBjButton');
    assert.ok(forced.warnings.some((w) => /same display URL/.test(w)));
  });
});

describe('markdown sites: shapes seen on public docsify and Docusaurus sites', () => {
  test('docsify: a callout line inside a paragraph starts its own note; link options are dropped', async () => {
    const { convertPage } = await import('../../../src/plugins/mdx/markdown-convert.js');
    const page = convertPage("Include this script:\n?> The `.public` workaround.\n\n![logo](https://x.example.com/icon.svg ':size=50x100') and [link](/demo/ ':ignore')\n", 'detect', { site: 'docsify' });
    assert.equal(page.markdown, 'Include this script:\n\n**Tip:** The `.public` workaround.\n\n![logo](https://x.example.com/icon.svg) and [link](/demo/)');
  });
  test('Docusaurus: an mdx-code-block fence is rendered MDX, so its admonitions and JSX are unwrapped', async () => {
    const { convertPage } = await import('../../../src/plugins/mdx/markdown-convert.js');
    const source = "import X from 'x';\n\n```mdx-code-block\n<BrowserWindow>\n\n:::note Your Title\n\nSome **content**.\n\n:::\n\n</BrowserWindow>\n```\n\n```md\n:::note\nkept as code\n:::\n```\n";
    const page = convertPage(source, 'mdx');
    assert.equal(page.markdown, '**Note: Your Title**\n\nSome **content**.\n\n```md\n:::note\nkept as code\n:::\n```');
  });
});

describe('markdown sites: GitHub alerts (seen in npm READMEs)', () => {
  test('> [!NOTE] becomes a bold Note: lead instead of an escaped \\[!NOTE]', async () => {
    const { convertPage } = await import('../../../src/plugins/mdx/markdown-convert.js');
    const page = convertPage('> [!NOTE]\n> While `TomlDate` is faster.\n>\n> Second para.\n\n> [!WARNING]\n> Careful.\n', 'detect');
    assert.equal(page.markdown, '> **Note:** While `TomlDate` is faster.\n>\n> Second para.\n\n> **Warning:** Careful.');
  });
});

describe('markdown sites: docsify nested sidebars (seen on docsify.js.org)', () => {
  test('a folder _sidebar.md wins for its pages, and one-space nesting counts as nesting', async () => {
    const { DocsifySidebar } = await import('../../../src/plugins/mdx/docsify.js');
    const { mkdir } = await import('node:fs/promises');
    const root = await mkdtemp(path.join(tmpdir(), 'docsify-sb-'));
    try {
      await mkdir(path.join(root, 'zh-cn'));
      await writeFile(path.join(root, '_sidebar.md'), '- Guide\n  - [Deploy](deploy.md)\n  - [Deploy zh](zh-cn/deploy.md)\n');
      await writeFile(path.join(root, 'zh-cn', '_sidebar.md'), '- 指南\n - [部署](zh-cn/deploy)\n');
      await writeFile(path.join(root, 'deploy.md'), '# Deploy\n');
      await writeFile(path.join(root, 'zh-cn', 'deploy.md'), '# 部署\n');
      const sidebar = await DocsifySidebar.load(root);
      assert.deepEqual(sidebar.groups('deploy.md'), ['Guide']);
      assert.deepEqual(sidebar.groups('zh-cn/deploy.md'), ['指南']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('markdown sites: docsify includes as docsify.js.org writes them', () => {
  test("an included page's title goes below the page's title; an embedded web page stays a link", async () => {
    // The shape of docsify's own embed-files.md: `# Embed files`, then an include whose file
    // starts with `# Example`, then `## Tag attribute` and an iframe include of a web site.
    const root = await mkdtemp(path.join(tmpdir(), 'docsify-include-'));
    try {
      await writeFile(path.join(root, 'example.md'), '# Example\n\nThis is an **example** include.\n\n## Inside\n\nDeeper text.\n');
      const page = path.join(root, 'embed-files.md');
      const text = "# Embed files\n\nIntro.\n\n[filename](example.md ':include')\n\n## Tag attribute\n\n[cinwell website](https://cinwell.com ':include :type=iframe width=100% height=400px')\n\nAfter.\n";
      const { markdown, heading } = convertPage(text, 'detect', { site: 'docsify', file: page, root });
      assert.equal(heading, 'Embed files');
      assert.match(markdown, /^## Example\n\nThis is an \*\*example\*\* include\.\n\n### Inside\n\nDeeper text\.\n\n## Tag attribute$/m);
      assert.match(markdown, /^\[cinwell website\]\(https:\/\/cinwell\.com\)$/m);
      // A page without headings of its own keeps the included headings as they are.
      const bare = convertPage("[filename](example.md ':include')\n", 'detect', { site: 'docsify', file: page, root });
      assert.match(bare.markdown, /^# Example$/m);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
