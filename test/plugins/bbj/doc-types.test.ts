import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyDocType, normalizeDocType } from '../../../src/plugins/bbj/doc-types.js';
import { scanMarkdown } from '../../../src/plugins/bbj/markdown-scan.js';

const classify = (markdown: string, topicPath = '') => classifyDocType(scanMarkdown(markdown), topicPath);

// The ASC() entry of BBx-Kitchen+bbj-language-server/bbj-vscode/src/language/lib/functions.bbl
// (MIT), as Markdown: a Syntax and a Description heading.
const ASC = '#### Syntax\n`ASC(string{,ERR:lineref})`\n\n#### Description\n\nThe **ASC()** function returns the ASCII numeric value of the first character in a string.';

describe('document type rules (reference §4.3)', () => {
  test('api-reference: BBjGrid method topics under gridmethods/ (path of BBjGrid::getInterspace help)', () => {
    assert.equal(classify(ASC, 'gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm').type, 'api-reference');
  });
  test('api-reference: Description + Syntax under an API path (headings of functions.bbl, path of BBjWindow help)', () => {
    const r = classify(ASC, 'bbjobjects/Window/bbjwindow/bbjwindow_addbutton.htm');
    assert.equal(r.type, 'api-reference');
    assert.equal(r.rule, 'api-reference');
  });
  test('api-reference bonus: Syntax with Parameters beats language-reference under commands/', () => {
    assert.equal(classify(`${ASC}\n\n## Parameters\n\nstring`, 'commands/asc_function.htm').type, 'api-reference');
  });
  test('language-reference: Syntax + Description without an API path (functions.bbl ASC)', () => {
    assert.equal(classify(ASC).type, 'language-reference');
  });
  test('version-note: a version number in prose (mdx-bbj-language-server-docs/docs/vscode/getting-started.md)', () => {
    assert.equal(classify('- **Visual Studio Code** version 1.67.0 or higher').type, 'version-note');
  });
  test("version-note: What's New heading with a whatsnew path (no such topic in ../shared; rule from §4.3)", () => {
    assert.equal(classify("## What's New\n\nNew things.", 'whatsnew/bbj2400.htm').type, 'version-note');
  });
  test('Version History alone does not make a version note (every BASIS help topic ends with one)', () => {
    assert.equal(classify('Adds a button.\n\n## Version History\n\nBBj 4.00 introduced this method.').type, 'concept');
  });
  test('migration: "Migration Steps" prose (mdx-dwc-course/docs/04-upgrading-apps/02-upgrading-grids.md)', () => {
    assert.equal(classify('## Migration Steps\n\nReplace the BBjGrid with a BBjGridExWidget.').type, 'migration');
  });
  test('migration: Converting heading (rule from §4.3)', () => {
    assert.equal(classify('## Converting\n\nPrograms keep working.').type, 'migration');
  });
  test('example: "Step 1" in prose (mdx-dwc-course/docs/01-gui-to-bui-to-dwc/03-gui-to-bui-to-dwc.md)', () => {
    assert.equal(classify('Open the program.\n\nStep 1: Enable Flow Layout').type, 'example');
  });
  test('example: code-dominant documents (a BBj source file)', () => {
    const r = classify('```bbj\nuse ::SignaturePad.bbj::SignaturePad\npng$ = SignaturePad.getSignatureAsPng(file$)\nch=unt\nOPEN (CH,mode="O_TRUNC,O_CREATE")path$+"sig_thin.png"\n```');
    assert.deepEqual([r.type, r.rule], ['example', 'code-dominant']);
  });
  test('example: as much code as prose and no other rule (BBx-Kitchen+bbj-language-server/examples/retry.bbj with its header)', () => {
    const r = classify('retry statement\n\n```bbj\nREM retry statement\nRETRY\n```');
    assert.deepEqual([r.type, r.rule], ['example', 'code-heavy']);
  });
  test('best-practice: "recommended" (mdx-bbj-beginner-course/docs/file-io/index.md)', () => {
    assert.equal(classify('MKEYED (Multi-Keyed) files are the recommended file type for new development:').type, 'best-practice');
  });
  test('concept: plain prose with no signal (mdx-dwc-course/docs/10-embedding-components/index.md)', () => {
    assert.deepEqual(classify('Slots allow you to insert content into specific locations within web components.'), { type: 'concept', score: 0, rule: 'default' });
  });
  test('headings inside code fences do not count', () => {
    assert.equal(classify('Run the installer from a shell as shown below, then restart the service.\n\n```bash\n# Syntax\n# Description\n```', 'bbjobjects/x.htm').type, 'concept');
  });
  test('content patterns inside code fences do not count (a BBj comment saying "recommended")', () => {
    assert.equal(classify('Intro text that is long enough to not be code-dominant at all, really.\n\n```bbj\nrem recommended\n```').type, 'concept');
  });
});

describe('parser doc types', () => {
  test('vocabulary values are kept', () => {
    for (const t of ['api-reference', 'tutorial', 'article', 'concept']) assert.equal(normalizeDocType(t), t);
  });
  test('underscore spellings and plurals are mapped', () => {
    assert.equal(normalizeDocType('api_reference'), 'api-reference');
    assert.equal(normalizeDocType('best_practice'), 'best-practice');
    assert.equal(normalizeDocType('Examples'), 'example');
  });
  test('parser labels are never kept: they need classification', () => {
    assert.equal(normalizeDocType('flare'), undefined);
    assert.equal(normalizeDocType('web_crawl'), undefined);
    assert.equal(normalizeDocType(''), undefined);
  });
});
