/* global AbortController */
// Unit tests of the parser, without the CLI or a database: bbj-rag/testing runs the parser
// and checks its documents and descriptors exactly as the host does. Run: npm test
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkPlugin, collectDocuments, createTestContext, validateSource } from 'bbj-rag/testing';
import register from '../src/hooks/register.js';
import { asciidocParser } from '../src/index.js';

const docs = path.join(path.dirname(fileURLToPath(import.meta.url)), 'docs');

function scratchDir(files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'adoc-test-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('bbj:register hook', () => {
  test('returns a descriptor the host accepts, adding parser type asciidoc', async () => {
    const check = await checkPlugin(register(), { name: 'bbj-rag-parser-asciidoc', version: '0.1.0' });
    assert.deepEqual(check.problems, []);
    assert.deepEqual(check.parsers, ['asciidoc']);
  });
});

describe('asciidoc parser', () => {
  test('converts each file to one Markdown document; partials are included, not listed', async () => {
    const { documents } = await collectDocuments(asciidocParser, { paths: [docs], name: 'widgets', displayBaseUrl: 'https://docs.example.com/widgets' });
    assert.deepEqual(documents.map((d) => d.key), ['guide/install.adoc', 'index.adoc']);
    const [install, index] = documents;
    assert.equal(index.title, 'Widget Toolkit Guide');
    assert.equal(index.sourceUrl, 'widgets://index.adoc');
    assert.equal(index.displayUrl, 'https://docs.example.com/widgets/index.html');
    assert.match(index.content, /^# Widget Toolkit Guide\n/);
    assert.match(index.content, /\n## Creating a window\n/);
    assert.match(index.content, /```java\nWindow w = Window\.create\("Orders", 800, 600\);\nw\.show\(\);\n```/);
    assert.match(index.content, /\| Option \| Meaning \|\n\| --- \| --- \|\n\| resizable \| The user may resize the window\. \|/);
    assert.match(index.content, /> \*\*Note:\*\* A window stays hidden until `show\(\)` is called\./);
    assert.equal(index.metadata.author, 'Jane Writer');
    assert.equal(index.metadata.revnumber, '2.1');
    assert.deepEqual(install.breadcrumb, ['guide']);
    assert.match(install.content, /> \*\*Tip:\*\* The toolkit needs Java 17 or later\./, 'the include:: directive is resolved');
    assert.doesNotMatch(install.content, /Table of Contents/, 'a generated TOC is navigation, not content');
  });

  test('skips an empty file and a file that is not UTF-8, with reasons, and goes on', async () => {
    const { documents, skipped } = await collectDocuments(asciidocParser, { paths: [docs] });
    assert.equal(documents.length, 2);
    assert.deepEqual(
      skipped.map((s) => [path.basename(s.item), s.reason]),
      [
        ['comment-only.adoc', 'no content after conversion'],
        ['latin1.adoc', 'not valid UTF-8 (AsciiDoc files must be UTF-8)'],
      ],
    );
  });

  test('include_partials reads files starting with "_"; attributes reach the document', async () => {
    const dir = scratchDir({ 'page.adoc': '= Page\n\nProduct: {product}.\n', '_part.adoc': 'Shared text.\n' });
    const { documents } = await collectDocuments(asciidocParser, { paths: [dir], options: { include_partials: true, attributes: { product: 'Widgets' } } });
    assert.deepEqual(documents.map((d) => d.key), ['_part.adoc', 'page.adoc']);
    assert.match(documents[1].content, /Product: Widgets\./);
  });

  test('Asciidoctor warnings (a missing include) go to the host logger, naming the file', async () => {
    const dir = scratchDir({ 'broken.adoc': '= Broken\n\ninclude::nowhere.adoc[]\n\nStill here.\n' });
    const warnings = [];
    const log = { debug() {}, info() {}, warn: (m) => warnings.push(m) };
    const { documents } = await collectDocuments(asciidocParser, { paths: [dir], log });
    assert.equal(documents.length, 1);
    assert.match(warnings.join('\n'), /broken\.adoc: asciidoctor error at line 3: include file not found/);
  });

  test('includes resolve from the including file, anywhere inside the source folder and never outside it', async () => {
    const outer = scratchDir({
      'outside.adoc': 'OUTSIDE secret.\n',
      'src/guide/page.adoc': '= Page\n\ninclude::_near.adoc[]\n\ninclude::../shared/_far.adoc[]\n\ninclude::../../outside.adoc[]\n',
      'src/guide/_near.adoc': 'NEAR text.\n',
      'src/shared/_far.adoc': 'FAR text.\n\ninclude::_deeper.adoc[]\n',
      'src/shared/_deeper.adoc': 'DEEPER text.\n',
    });
    const warnings = [];
    const log = { debug() {}, info() {}, warn: (m) => warnings.push(m) };
    const { documents } = await collectDocuments(asciidocParser, { paths: [path.join(outer, 'src')], log });
    assert.deepEqual(documents.map((d) => d.key), ['guide/page.adoc']);
    const { content } = documents[0];
    for (const text of ['NEAR text.', 'FAR text.', 'DEEPER text.']) assert.ok(content.includes(text), `${text} included:\n${content}`);
    assert.ok(!content.includes('OUTSIDE secret'), 'nothing outside the source folder is read');
    assert.match(warnings.join('\n'), /page\.adoc: asciidoctor .*(illegal reference to ancestor of jail|include file not found)/);
  });

  test('unknown options are refused with the key named', () => {
    assert.throws(() => createTestContext(asciidocParser, { options: { extension: ['.adoc'] } }), /invalid options for parser "asciidoc":\n {2}options\.extension: unknown option \(known: .*extensions.*\)/);
  });

  test('validate reports a directory without AsciiDoc files', async () => {
    const dir = scratchDir({ 'readme.md': '# Not AsciiDoc\n' });
    const issues = await validateSource(asciidocParser, { paths: [dir] });
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /no AsciiDoc file \(\.adoc \.asciidoc \.asc\) under .*adoc-test-/);
    assert.deepEqual(await validateSource(asciidocParser, { paths: [docs] }), []);
  });

  test('an aborted run throws instead of ending early, so the host sweeps nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('interrupted by SIGINT'));
    await assert.rejects(collectDocuments(asciidocParser, { paths: [docs], signal: controller.signal }), /interrupted by SIGINT/);
  });
});
