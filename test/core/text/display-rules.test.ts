import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { joinUrlPath } from '../../../src/core/text/url-path.js';
import { defaultDisplayUrl } from '../../../src/plugins/bbj/display.js';
import { displayUrlOf } from '../../../src/plugins/flare/topic-document.js';
import { displayUrlFor } from '../../../src/plugins/mdx/display-url.js';

// Before one rule set was shared, the BBj enricher's defaults did not encode paths and had its own
// (simpler) Docusaurus slug, so the same file got a different URL from the parser and the enricher.
describe('display URLs: parsers and the BBj defaults agree', () => {
  const base = 'https://docs.example.org/site/';

  const mdxPaths = [
    '01-intro/02-setup.md',
    '01-gui-to-bui-to-dwc/03-gui-to-bui-to-dwc.md',
    '02-guides/02-guides.md',
    'intro/README.md',
    '3_setup/index.mdx',
    '2021-08-01-release.md',
    'my dir/a page#1?.md',
  ];
  for (const rel of mdxPaths) {
    test(`mdx page ${rel}`, () => {
      assert.equal(defaultDisplayUrl(`mdx-dwc://${rel}`, base), displayUrlFor(base, rel));
    });
  }

  const flarePaths = ['bbjobjects/Window/bbjwindow.htm', 'Topics/My Topic.htm', 'a/b#c.htm'];
  for (const rel of flarePaths) {
    test(`flare topic ${rel}`, () => {
      assert.equal(defaultDisplayUrl(`flare://Content/${rel}`, base), displayUrlOf(rel, { prefix: '', displayBaseUrl: base }));
    });
  }

  test('one join: one slash, per-segment encoding (a # or ? in a name stays in the path)', () => {
    assert.equal(joinUrlPath('https://h/x//', '/a b/c#d?.htm'), 'https://h/x/a%20b/c%23d%3F.htm');
    assert.equal(joinUrlPath('https://h/x', ''), 'https://h/x/');
    assert.equal(displayUrlFor('https://h/d', 'a/b#c.md'), 'https://h/d/a/b%23c');
  });
});
