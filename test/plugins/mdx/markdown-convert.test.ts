import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { convertPage } from '../../../src/plugins/mdx/index.js';
import { codeBlocks, proseOf } from './markdown-probe.js';

const JAVA = [
  'import java.util.List;',
  'import java.util.Map;',
  '',
  'public class Repo<T extends Entity> {',
  '  private final Map<String, List<T>> byName = new HashMap<String, List<T>>();',
  '  // <div> and </div> and <Tabs> are text here',
  '  String html = "<div class=\\"x\\"></div>";',
  '}',
].join('\n');

const MDX_PAGE = `---
title: Generics
sidebar_position: 3
tags: [java, {label: Generics, permalink: /g}]
---
import Tabs from '@theme/Tabs';
import TabItem from '@theme/TabItem';
export const meta = { x: 1 };

# Working with generics

Before the tabs {/* an MDX comment */} and a literal {'<'} sign.

<Tabs>
<TabItem value="java" label="Repo.java">

\`\`\`java showLineNumbers
${JAVA}
\`\`\`

</TabItem>
<TabItem value="txt" label="Notes">Inner text of the second tab.</TabItem>
</Tabs>

<div className="wrapper">

Wrapped **paragraph** with <kbd>Ctrl</kbd> inside.

</div>

<Hero />

:::tip Cell Editor Selector Priority
Editors are chosen in this order.
:::

:::note

Plain note body.

:::

It starts at 10:30 on C:Windows.
`;

describe('convertPage on MDX', () => {
  const page = convertPage(MDX_PAGE, 'mdx');

  test('reads the page as MDX with its front matter', () => {
    assert.equal(page.syntax, 'mdx');
    assert.deepEqual(page.warnings, []);
    assert.equal(page.frontMatter.title, 'Generics');
    assert.equal(page.frontMatter.sidebar_position, 3);
    assert.equal(page.heading, 'Working with generics');
  });

  test('keeps code blocks byte for byte, generics, imports and </div> included', () => {
    assert.deepEqual(codeBlocks(page.markdown), [{ lang: 'java', meta: 'showLineNumbers', value: JAVA }]);
  });

  test('removes imports, exports, JSX tags and MDX comments outside code', () => {
    const prose = proseOf(page.markdown);
    assert.doesNotMatch(prose, /\bimport\b|\bexport\b/);
    assert.doesNotMatch(prose, /<\/?[A-Za-z]/);
    assert.doesNotMatch(prose, /an MDX comment|Hero|className/);
    assert.doesNotMatch(page.markdown, /^---$/m, 'front matter is not part of the body');
  });

  test('keeps the inner text of wrappers, with tab labels as bold lines', () => {
    assert.match(page.markdown, /^\*\*Repo\.java\*\*$/m);
    assert.match(page.markdown, /\*\*Notes\*\* Inner text of the second tab\./);
    assert.match(page.markdown, /Wrapped \*\*paragraph\*\* with `Ctrl` inside\./);
    assert.match(page.markdown, /and a literal < sign\./);
  });

  test('keeps admonitions as a bold caption followed by their text', () => {
    assert.match(page.markdown, /\*\*Tip: Cell Editor Selector Priority\*\*\n\nEditors are chosen in this order\./);
    assert.match(page.markdown, /\*\*Note\*\*\n\nPlain note body\./);
    assert.doesNotMatch(page.markdown, /:::/);
  });

  test('HTML inline marks written as JSX keep their meaning: code stays code, bold stays bold', () => {
    const { markdown } = convertPage('# T\n\n<p>Use <code>foo()</code>, press <kbd>Ctrl</kbd>, <strong>bold</strong> and <em>it</em>.</p>\n', 'mdx');
    assert.match(markdown, /^Use `foo\(\)`, press `Ctrl`, \*\*bold\*\* and _it_\.$/m);
  });

  test('leaves colons in prose alone (no accidental text directives)', () => {
    assert.match(page.markdown, /It starts at 10:30 on C:Windows\./);
  });
});

describe('convertPage on Docusaurus syntax MDX itself rejects', () => {
  test('HTML comments and heading ids are removed, the page stays MDX', () => {
    const page = convertPage('import X from "x";\n\n## Setup {#setup-id}\n\n<!-- hidden -->\n\nVisible <X>text</X>.\n', 'mdx');
    assert.equal(page.syntax, 'mdx');
    assert.match(page.markdown, /^## Setup$/m);
    assert.doesNotMatch(page.markdown, /hidden|setup-id/);
    assert.match(page.markdown, /Visible text\./);
  });

  test('admonition shorthand and comments inside code are not rewritten', () => {
    const code = ':::tip Not a title\n<!-- kept -->\n## Heading {#kept}';
    const page = convertPage(`Intro <b>x</b>\n\n\`\`\`text\n${code}\n\`\`\`\n`, 'mdx');
    assert.deepEqual(codeBlocks(page.markdown).map((c) => c.value), [code]);
  });

  test('without comments (blocks read without their inline syntax) code, definitions and list items are still told apart', () => {
    const code = ':::tip Not a title\n## Heading {#kept}';
    const source = [
      '## Setup *now* {#setup-id}', '', '- ## In a list {#list-id}', '', '> :::note Quoted `code` title', '> Body.', '> :::', '',
      '[ref]: https://example.com "a title', ':::tip Inside a title', 'end"', '',
      '```text', code, '```', '', '    :::tip Indented code', '', ':::warning Last [one]', 'Text [ref].', ':::', '',
    ].join('\n');
    const page = convertPage(source, 'md');
    assert.deepEqual(codeBlocks(page.markdown).map((c) => c.value), [code, ':::tip Indented code']);
    assert.match(page.markdown, /^## Setup _now_$/m);
    assert.match(page.markdown, /^- ## In a list$/m);
    assert.match(page.markdown, /^> \*\*Note: Quoted `code` title\*\*$/m);
    assert.match(page.markdown, /^\*\*Warning: Last \\?\[one\\?\]\*\*$/m);
    assert.match(page.markdown, /"a title\n:::tip Inside a title\nend"/);
    assert.doesNotMatch(page.markdown, /setup-id|list-id/);
  });

  test('comments inside a paragraph are removed too, comments in code spans and blocks of code are kept', () => {
    const page = convertPage('<!-- a block comment -->\n\nVisible <!-- hidden --> text, `<!-- in a span -->`.\n\n```html\n<!-- in code -->\n```\n', 'mdx');
    assert.equal(page.syntax, 'mdx');
    assert.deepEqual(page.warnings, []);
    assert.doesNotMatch(page.markdown, /hidden|block comment/);
    assert.match(page.markdown, /^Visible +text, `<!-- in a span -->`\.$/m);
    assert.deepEqual(codeBlocks(page.markdown).map((c) => c.value), ['<!-- in code -->']);
  });

  test('an admonition title with brackets survives', () => {
    const page = convertPage(':::info Why [this] matters\nBody.\n:::\n', 'mdx');
    assert.match(page.markdown, /\*\*Info: Why \\?\[this\\?\] matters\*\*/);
  });
});

describe('convertPage fallbacks and formats', () => {
  test('invalid MDX falls back to Markdown with a warning, imports and tags still removed', () => {
    const page = convertPage("import A from 'a';\n\n<Callout>\n\nUnclosed component text.\n\nA { lone brace.\n", 'mdx');
    assert.equal(page.syntax, 'md-fallback');
    assert.equal(page.warnings.length, 1);
    assert.match(page.warnings[0], /not valid MDX .* at \d+:\d+\); read as plain Markdown/);
    assert.match(page.markdown, /Unclosed component text\./);
    assert.match(page.markdown, /A \{ lone brace\./);
    assert.doesNotMatch(page.markdown, /import|Callout/);
  });

  test('detect reads plain Markdown as Markdown (indented code stays code)', () => {
    const page = convertPage('Text with a { brace.\n\n    indented code <T>\n', 'detect');
    assert.equal(page.syntax, 'md');
    assert.deepEqual(codeBlocks(page.markdown).map((c) => c.value), ['indented code <T>']);
  });

  test('detect reads a .md file with imports and JSX as MDX', () => {
    const page = convertPage("import I from '@theme/IdealImage';\n\n<I img={require('x.png')} alt=\"Pic\" />\n\nText.\n", 'detect');
    assert.equal(page.syntax, 'mdx');
    assert.equal(page.markdown, 'Text.');
  });

  test('md format treats JSX as HTML and keeps only its text', () => {
    const page = convertPage("import T from '@theme/Tabs';\n\n<Tabs>\n<TabItem value=\"a\">Tab text</TabItem>\n</Tabs>\n\nAfter.\n", 'md');
    assert.equal(page.syntax, 'md');
    assert.match(page.markdown, /Tab text/);
    assert.doesNotMatch(page.markdown, /import|<\/?Tab/);
  });

  test('bad YAML front matter is reported and ignored', () => {
    const page = convertPage('---\ntitle: [unclosed\n---\n\nBody text.\n', 'mdx');
    assert.deepEqual(page.frontMatter, {});
    assert.match(page.warnings.join('\n'), /front matter is not valid YAML/);
    assert.equal(page.markdown, 'Body text.');
  });

  test('long base64 payloads of data URIs are dropped before parsing, short ones and the rest of the page stay', () => {
    const payload = 'iVBORw0KGgo' + 'A'.repeat(4000) + '==';
    const page = convertPage(`Intro ![][image1] and ![tiny](data:image/gif;base64,R0lGOD==).\n\nAfter.\n\n[image1]: <data:image/png;base64,${payload}>\n`, 'md');
    assert.doesNotMatch(page.markdown, /AAAA/);
    assert.match(page.markdown, /\[image1\]: data:image\/png;base64,$/m);
    assert.match(page.markdown, /data:image\/gif;base64,R0lGOD==/);
    assert.match(page.markdown, /^After\.$/m);
  });

  test('the first level-1 heading is found in prose, never in code', () => {
    const page = convertPage('```bash\n# not a title\n```\n\nSetext Title\n============\n', 'mdx');
    assert.equal(page.heading, 'Setext Title');
    assert.equal(convertPage('```bash\n# only a comment\n```\n', 'mdx').heading, undefined);
  });
});

describe('convertPage on other wrappers', () => {
  test('links keep their target, details keep summary and body, custom admonitions keep their title', () => {
    const page = convertPage(
      'See <a href="https://x.test/a">the docs</a> and <Link to="/intro">intro</Link>.\n\n' +
        '<details>\n<summary>Show more</summary>\n\nHidden body.\n\n</details>\n\n:::details My Summary\nCustom body.\n:::\n',
      'mdx',
    );
    assert.match(page.markdown, /See \[the docs\]\(https:\/\/x\.test\/a\) and \[intro\]\(\/intro\)\./);
    assert.match(page.markdown, /^Show more$/m);
    assert.match(page.markdown, /^Hidden body\.$/m);
    assert.match(page.markdown, /\*\*Details: My Summary\*\*\n\nCustom body\./);
  });
});

describe('convertPage on README badges', () => {
  const readme = [
    '# skr canvas [![CI](https://github.com/o/canvas/actions/workflows/CI.yaml/badge.svg)](https://github.com/o/canvas/actions)',
    '',
    '[![NPM version](https://img.shields.io/npm/v/x.svg)](https://www.npmjs.com/package/x)',
    '[![Build][build-badge]][build]',
    '',
    'Fast canvas. See [![the screenshot](shot.png)](shot-large.png) for an example.',
    '',
    '[![Demo](demo.png)](https://example.com/demo)',
    '',
    '```md',
    '[![NPM version](https://img.shields.io/npm/v/x.svg)](https://www.npmjs.com/package/x)',
    '```',
    '',
    '[build-badge]: https://github.com/o/x/workflows/main/badge.svg',
    '[build]: https://github.com/o/x/actions',
  ].join('\n');
  const page = convertPage(readme, 'md');

  test('badge lines and badges in headings are dropped; screenshots, prose and code stay', () => {
    assert.equal(page.heading, 'skr canvas');
    assert.doesNotMatch(proseOf(page.markdown), /NPM version|badge|Build\]/);
    assert.match(page.markdown, /^# skr canvas$/m);
    assert.match(page.markdown, /Fast canvas\. See \[!\[the screenshot\]\(shot\.png\)\]\(shot-large\.png\) for an example\./);
    assert.match(page.markdown, /\[!\[Demo\]\(demo\.png\)\]\(https:\/\/example\.com\/demo\)/);
    assert.match(page.markdown, /```md\n\[!\[NPM version\]\(https:\/\/img\.shields\.io\/npm\/v\/x\.svg\)\]/);
  });
});

describe('convertPage block by block', () => {
  // Two lists in a row (`-` then `*` starts a new list), a table, a heading and a link reference.
  const page = convertPage(['# Title', '', '- one', '- two', '', '* three', '', '| a | b |', '| - | - |', '| 1 | 2 |', '', 'See [x][y].', '', '[y]: https://example.com'].join('\n'), 'md');

  test('each top-level block is written as if alone: the second of two adjacent lists keeps the `-` marker', () => {
    assert.equal(page.markdown, '# Title\n\n- one\n- two\n\n- three\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nSee [x][y].\n\n[y]: https://example.com');
  });

  test('the parsed blocks slice the Markdown into exactly those blocks, in order', () => {
    const slices = page.parsed.blocks.map((b) => page.markdown.slice(b.start, b.end));
    assert.deepEqual(slices, ['# Title', '- one\n- two', '- three', '| a | b |\n| - | - |\n| 1 | 2 |', 'See [x][y].', '[y]: https://example.com']);
    assert.deepEqual(page.parsed.blocks.map((b) => b.node.type), ['heading', 'list', 'list', 'table', 'paragraph', 'definition']);
  });
});
