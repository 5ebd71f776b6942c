import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import { mayUseMdx } from '../../../src/plugins/mdx/mdx-precheck.js';
import { convertPage } from '../../../src/plugins/mdx/index.js';
import { corporaDir } from '../../helpers/paths.js';
import { markdownFiles } from '../../core/chunking/chunk-helpers.js';

// The MDX reader of markdown-convert.ts.
const mdxReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).use(remarkDirective);
const MDX_NODES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

function mdxNodesOf(source: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (MDX_NODES.has(node.type)) found.push(node.type);
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  walk(mdxReader.parse(source));
  return found;
}

describe('MDX precheck of .md pages read with md_format = "detect"', () => {
  const plain: [string, string][] = [
    ['no < or { at all', '# Title\n\nJust text.'],
    ['JSX-like text in a fenced block', '# T\n\n```html\n<div class="x">{value}</div>\n```\n\nText.'],
    ['tilde fence', '~~~~\n<Tabs>\n~~~\n~~~~\nafter'],
    ['code spans', 'Use `<div>` and ``a ` {b}`` here.'],
    ['front matter', '---\ntags: [a, {label: b}]\n---\n# T'],
  ];
  for (const [name, source] of plain) {
    test(`plain: ${name}`, () => {
      assert.equal(mayUseMdx(source), false);
      assert.deepEqual(mdxNodesOf(source), [], 'and the MDX parser agrees');
    });
  }

  const maybe: [string, string][] = [
    ['a JSX element in text', 'Before <Tabs>x</Tabs> after'],
    ['an expression', 'Total: {1 + 1}'],
    ['an import line', "import Tabs from '@theme/Tabs';\n\n# T"],
    ['an unclosed fence (the rest is unsure)', '```\n<div>\n'],
    ['a fence inside a list item (indented: not taken as top-level code)', '- item\n\n  ```\n  <Foo />\n  ```'],
    ['a backtick info string (not a fence)', '```a`b\n<Foo />\n```'],
    ['an escaped backtick on the line', 'Text \\`<Foo />` more'],
    ['an unmatched backtick run', 'Text `` <Foo /> ` more'],
    ['JSX after a closed fence', '```\ncode\n```\n\n<Note>hi</Note>'],
  ];
  for (const [name, source] of maybe) {
    test(`maybe MDX: ${name}`, () => assert.equal(mayUseMdx(source), true));
  }

  test('on the shared Markdown corpora, a page called plain has no MDX syntax and converts as before', () => {
    const files = markdownFiles(corporaDir).filter((f) => f.endsWith('.md') && path.basename(f) !== 'SOURCE.md');
    let plainPages = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!/[<{]/.test(text) || mayUseMdx(text)) continue;
      plainPages += 1;
      assert.deepEqual(mdxNodesOf(text), [], file);
      assert.equal(convertPage(text, 'detect').syntax, 'md', file);
    }
    assert.ok(plainPages >= 10, `${plainPages} pages with < or { outside MDX syntax`);
  });
});
