import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { docSlug } from '../../../src/core/text/docs-slug.js';
import { defaultDisplayUrl, defaultSourceType } from '../../../src/plugins/bbj/display.js';

describe('display defaults (reference §4.6)', () => {
  test('flare:// maps to the published WebHelp', () => {
    assert.equal(defaultDisplayUrl('flare://Content/bbjobjects/Window/bbjwindow/bbjwindow.htm'), 'https://documentation.basis.cloud/BASISHelp/WebHelp/bbjobjects/Window/bbjwindow/bbjwindow.htm');
  });
  test('a per-source base URL replaces the built-in site', () => {
    assert.equal(defaultDisplayUrl('flare://Content/a/b.htm', 'https://help.example.org/'), 'https://help.example.org/a/b.htm');
  });
  test('mdx schemes map to the course sites with Docusaurus slugs (mdx-dwc-course/docs paths)', () => {
    assert.equal(defaultDisplayUrl('mdx-dwc://01-gui-to-bui-to-dwc/03-gui-to-bui-to-dwc.md'), 'https://basishub.github.io/DWC-Course/gui-to-bui-to-dwc/gui-to-bui-to-dwc');
    assert.equal(defaultDisplayUrl('mdx-beginner://file-io/index.md'), 'https://basishub.github.io/BBj-Beginner-Tutorial/file-io');
    assert.equal(docSlug('10-embedding-components/index.mdx'), 'embedding-components');
  });
  test('an unknown mdx source has no default site', () => {
    assert.equal(defaultDisplayUrl('mdx-other://a.md'), '');
  });
  test('https URLs are their own display URL; file, pdf and bbj_api have none', () => {
    assert.equal(defaultDisplayUrl('https://basis.cloud/knowledge-base/x/'), 'https://basis.cloud/knowledge-base/x/');
    assert.equal(defaultDisplayUrl('file://bbj-source/a.bbj'), '');
    assert.equal(defaultDisplayUrl('pdf://manual.pdf#intro'), '');
    assert.equal(defaultDisplayUrl('bbj_api://BBjWindow'), '');
  });
  test('source type labels', () => {
    assert.equal(defaultSourceType('flare://Content/x.htm'), 'BASIS BBj Documentation');
    assert.equal(defaultSourceType('file://bbj-source/a.bbj'), 'BBj Source Code');
    assert.equal(defaultSourceType('bbj_api://BBjWindow'), 'BBj API Reference');
    assert.equal(defaultSourceType('mdx-dwc://intro.md'), 'DWC Tutorial');
    assert.equal(defaultSourceType('https://basis.cloud/knowledge-base/x'), 'BASIS Knowledge Base');
    assert.equal(defaultSourceType('https://documentation.basis.cloud/advantage/v18-2014/14unittest.pdf'), 'BASIS Advantage Blog');
    assert.equal(defaultSourceType('https://documentation.basis.cloud/BASISHelp/WebHelp/index.htm'), 'BASIS BBj Documentation');
    assert.equal(defaultSourceType('other://x'), 'Documentation');
  });
});
