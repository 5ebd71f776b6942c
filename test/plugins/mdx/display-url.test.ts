import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { displayUrlFor, docSlug } from '../../../src/plugins/mdx/index.js';
import { humanize, stripNumberPrefix, titleFromFileName } from '../../../src/plugins/mdx/naming.js';

describe('docSlug', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['01-gui-to-bui-to-dwc/03-registering-launching.md', {}, 'gui-to-bui-to-dwc/registering-launching'],
    ['01-intro/02-setup.mdx', {}, 'intro/setup'],
    ['guide/index.md', {}, 'guide'],
    ['guide/Index.mdx', {}, 'guide'],
    ['index.md', {}, ''],
    ['intro/README.md', {}, 'intro'],
    // A category index is named exactly like its folder, number prefix included (Docusaurus's isCategoryIndex).
    ['02-guides/02-guides.md', {}, 'guides'],
    ['02-guides/01-guides.md', {}, 'guides/guides'],
    ['01-gui-to-bui-to-dwc/03-gui-to-bui-to-dwc.md', {}, 'gui-to-bui-to-dwc/gui-to-bui-to-dwc'],
    ['guides/Guides.md', {}, 'guides'],
    ['2021-08-01-release.md', {}, '2021-08-01-release'],
    ['1.2-notes.md', {}, '1.2-notes'],
    ['index.md', { slug: '/' }, ''],
    ['01-a/02-b.md', { slug: '/custom/page/' }, 'custom/page'],
    ['01-a/02-b.md', { slug: 'renamed' }, 'a/renamed'],
    ['01-a/02-b.md', { id: 'my-id' }, 'a/my-id'],
    ['01-a/index.md', { id: 'overview' }, 'a/overview'],
    ['01-a/02-b.md', { id: 'ignored', slug: '/wins' }, 'wins'],
    ['01-a/02-b.md', { slug: '   ', id: 42 }, 'a/b'],
  ];
  for (const [relative, frontMatter, expected] of cases) {
    test(`${relative} ${JSON.stringify(frontMatter)} -> "${expected}"`, () => {
      assert.equal(docSlug(relative, frontMatter), expected);
    });
  }
});

describe('displayUrlFor', () => {
  test('is empty without a base URL', () => {
    assert.equal(displayUrlFor(undefined, '01-a/02-b.md'), '');
    assert.equal(displayUrlFor('  ', '01-a/02-b.md'), '');
  });

  test('joins base and slug with exactly one slash, encoding spaces', () => {
    assert.equal(displayUrlFor('https://h/DWC-Course/', '01-a/02-b.md'), 'https://h/DWC-Course/a/b');
    assert.equal(displayUrlFor('https://h/DWC-Course', 'index.md', { slug: '/' }), 'https://h/DWC-Course/');
    assert.equal(displayUrlFor('https://h/d', 'my dir/a page.md'), 'https://h/d/my%20dir/a%20page');
  });
});

describe('naming', () => {
  test('number prefixes go, dates and versions stay', () => {
    assert.equal(stripNumberPrefix('01-intro'), 'intro');
    assert.equal(stripNumberPrefix('3_setup'), 'setup');
    assert.equal(stripNumberPrefix('10. Summary'), 'Summary');
    assert.equal(stripNumberPrefix('2021-08-01-post'), '2021-08-01-post');
    assert.equal(stripNumberPrefix('404'), '404');
  });

  test('titles from file names', () => {
    assert.equal(titleFromFileName('01-hello_world.md'), 'Hello World');
    assert.equal(titleFromFileName('gui-to-bui-to-dwc.mdx'), 'Gui To Bui To Dwc');
    assert.equal(humanize('mdx-dwc'), 'Mdx Dwc');
    assert.equal(humanize('REST_API'), 'REST API');
  });
});
