import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as cheerio from 'cheerio';
import { htmlToMarkdown, pageToMarkdown } from '../../../src/core/web/html-to-markdown.js';

const url = 'https://example.com/docs/page.htm';

describe('htmlToMarkdown', () => {
  const cases: Array<[string, string, string]> = [
    ['inline elements keep the spaces around them', '<p>Click <a href="x.htm">here</a> now and <b>bold</b> <i>it</i>.</p>', `Click [here](https://example.com/docs/x.htm) now and **bold** _it_.`],
    ['inline code inside a word does not add spaces', '<p>Head<code>x</code>ing</p>', 'Head`x`ing'],
    ['adjacent blocks never glue words', '<div>one</div><div>two</div><p>three</p>', 'one\n\ntwo\n\nthree'],
    ['comments never leak', '<p>a<!-- hidden -->b</p><!-- wp:paragraph -->', 'ab'],
    ['images and media are dropped', '<p>See <img src="a.png" alt="alt text"> this<video src="v.mp4">v</video></p>', 'See this'],
    ['in-page and script links become text', '<p><a href="#top">Top</a> and <a href="javascript:void(0)">run</a></p>', 'Top and run'],
    ['a permalink anchor leaves no residue in a heading', '<h2 id="c">Custom Task Types <a class="anchor" href="#c">#</a></h2>', '## Custom Task Types'],
    ['Sphinx headerlink pilcrows go too', '<h3>Options<a class="headerlink" href="#options" title="Permalink">¶</a></h3>', '### Options'],
    ['a leading Docusaurus hash link goes', '<h2><a aria-hidden="true" class="hash-link" href="#x">#</a>Setup</h2>', '## Setup'],
    ['a bare symbol link to the same page goes', `<h2>Install <a href="${url}#install">#</a></h2>`, '## Install'],
    ['a trailing lone hash in heading text goes, C# stays', '<h2>Custom Task Types #</h2><h2>Use C# today</h2>', '## Custom Task Types\n\n## Use C# today'],
    ['a real link in a heading stays', '<h2>See <a href="other.htm">Other</a></h2>', '## See [Other](https://example.com/docs/other.htm)'],
    ['code language from language-x', '<pre><code class="language-bbj">print 1</code></pre>', '```bbj\nprint 1\n```'],
    ['code language from lang-x on pre', '<pre class="lang-java">int a;</pre>', '```java\nint a;\n```'],
    ['code language from SyntaxHighlighter brush', '<pre class="brush: sql; gutter: false">SELECT 1</pre>', '```sql\nSELECT 1\n```'],
    ['code language from a GitHub-style wrapper', '<div class="highlight highlight-source-js"><pre>a()</pre></div>', '```js\na()\n```'],
    ['line breaks inside pre are kept', '<pre>a<br>b</pre>', '```\na\nb\n```'],
    ['table inside figure with caption', '<figure class="wp-block-table"><table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table><figcaption>Cap</figcaption></figure>', '| A | B |\n| - | - |\n| 1 | 2 |\n\nCap'],
    ['block content in cells is flattened with separators', '<table><tr><th>K</th><th>V</th></tr><tr><td><p>p1</p><p>p2</p></td><td><ul><li>a</li><li>b</li></ul></td></tr></table>', '| K     | V    |\n| ----- | ---- |\n| p1 p2 | a; b |'],
    ['pipes in cells are escaped', '<table><tr><th>a|b</th></tr><tr><td>c</td></tr></table>', '| a\\|b |\n| ---- |\n| c    |'],
    ['a layout table around code becomes blocks', '<table><tr><td><pre><code class="language-bbj">x = 1</code></pre></td></tr></table>', '```bbj\nx = 1\n```'],
    ['nested tables: the outer layout table is unwrapped, the inner kept', '<table><tr><td><table><tr><td>i1</td><td>i2</td></tr><tr><td>3</td><td>4</td></tr></table></td><td>out</td></tr></table>', '| i1 | i2 |\n| -- | -- |\n| 3  | 4  |\n\nout'],
    ['table caption becomes a paragraph', '<table><caption>Cap</caption><tr><th>h</th></tr><tr><td>d</td></tr></table>', 'Cap\n\n| h |\n| - |\n| d |'],
    ['non-breaking spaces become spaces', '<p>a&nbsp;b</p>', 'a b'],
  ];
  for (const [name, html, expected] of cases) {
    test(name, () => assert.equal(htmlToMarkdown(html, url), expected));
  }

  test('pageToMarkdown uses the first matching content selector and removes chrome', () => {
    const $ = cheerio.load('<body><nav>Menu</nav><main><div class="sidebar">Side</div><article><p>Body</p></article></main></body>');
    assert.equal(pageToMarkdown($, { pageUrl: url, contentSelectors: ['.missing', 'main'], removeSelectors: ['.sidebar'] }), 'Body');
  });

  test('links resolve against <base href>', () => {
    const $ = cheerio.load('<head><base href="https://cdn.example.org/root/"></head><body><p><a href="a.htm">A</a></p></body>');
    assert.equal(pageToMarkdown($, { pageUrl: url, contentSelectors: [], removeSelectors: [] }), '[A](https://cdn.example.org/root/a.htm)');
  });
});
