import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentInput } from '../../../src/core/contracts/document.js';
import type { HttpClient } from '../../../src/core/contracts/http.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import type { ParserContext } from '../../../src/core/contracts/parser.js';
import { firstSentence, javadocParser, javadocRoots, type JavadocOptions } from '../../../src/plugins/javadoc/index.js';
import { corporaDir } from '../../helpers/paths.js';

const corpus = path.join(corporaDir, 'javadoc-json-bbj');
const flat = path.join(corpus, 'examples', 'javadoc');
const noHttp: HttpClient = { get: async (url) => ({ ok: false, url, reason: 'no network in tests' }) };

function context(paths: string[], options: Partial<JavadocOptions> = {}, skipped: { item: string; reason: string }[] = []): ParserContext<JavadocOptions> {
  return {
    source: { name: 'javadoc', parser: 'javadoc', paths, generationTag: 'auto' },
    options: javadocParser.optionsSchema.parse(options),
    // Files are read only inside the data directory; '/' lets tests use temporary folders too.
    dataDir: '/',
    http: noHttp,
    log: silentLogger,
    progress: () => {},
    skip: (item, reason) => skipped.push({ item, reason }),
    unchanged: () => {},
    signal: new AbortController().signal,
  };
}

async function parse(paths: string[], options: Partial<JavadocOptions> = {}) {
  const skipped: { item: string; reason: string }[] = [];
  const docs: DocumentInput[] = [];
  for await (const d of javadocParser.parse(context(paths, options, skipped))) docs.push(d);
  return { docs, skipped };
}

/** Classes and methods counted straight from the JSON, independently of the parser. */
function countJson(dir: string) {
  const pairs = new Set<string>();
  let methods = 0;
  for (const f of readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name.endsWith('.json'))) {
    const pkg = JSON.parse(readFileSync(path.join(f.parentPath, f.name), 'utf8')) as { name: string; classes: { name: string; methods: { name: string }[] }[] };
    for (const c of pkg.classes) {
      if (pairs.has(`${pkg.name}.${c.name}`)) continue;
      pairs.add(`${pkg.name}.${c.name}`);
      methods += c.methods.filter((m) => m.name !== '<init>').length;
    }
  }
  return { classes: pairs.size, methods };
}

describe('javadoc parser on ../shared/corpora/javadoc-json-bbj', async () => {
  const { docs, skipped } = await parse([corpus], { recursive: true });

  test('one document per class; class and method counts match the JSON', () => {
    const expected = countJson(corpus);
    assert.equal(skipped.length, 0);
    assert.equal(docs.length, expected.classes);
    const methods = docs.reduce((n, d) => n + Number(d.metadata?.method_count), 0);
    assert.equal(methods, expected.methods);
    assert.ok(docs.length > 700 && methods > 8000, `${docs.length} classes, ${methods} methods`);
  });

  test('the BBjWindow card: description, package, help link, overloads with typed parameters', () => {
    const w = docs.find((d) => d.sourceUrl === 'bbj_api://BBjWindow');
    assert.ok(w);
    assert.equal(w.title, 'BBjWindow');
    assert.equal(w.docType, 'api-reference');
    assert.deepEqual(w.breadcrumb, ['BBj API Reference', 'com.basis.bbj.proxies.sysgui']);
    assert.equal(w.displayUrl, 'https://documentation.basis.cloud/BASISHelp/WebHelp/bbjobjects/Window/bbjwindow/bbjwindow.htm');
    assert.ok(w.content.startsWith('A BBjWindow is an object that provides an interface to a GUI window. Graphical controls and child windows can be added to a BBjWindow.'));
    assert.ok(w.content.includes('**Package:** com.basis.bbj.proxies.sysgui'));
    assert.ok(w.content.includes('\n## Methods\n'));
    assert.ok(w.content.includes('\n### addButton\n'));
    assert.ok(w.content.includes('- `addButton(int p_controlID, BBjNumber p_left, BBjNumber p_top, BBjNumber p_width, BBjNumber p_height, String p_title)`'));
    // The per-method help link stays inside that method's section.
    const section = w.content.slice(w.content.indexOf('\n### addButton\n'), w.content.indexOf('\n### addCEdit\n'));
    assert.ok(section.includes('Creates a button in the BBjWindow.'));
    assert.ok(section.includes('Documentation: https://documentation.basis.cloud/BASISHelp/WebHelp/bbjobjects/Window/bbjwindow/bbjwindow_addbutton.htm'));
    for (const leak of ['[Docs]', '&#160;', '<a ', '\u00a0', '\r']) assert.ok(!w.content.includes(leak), leak);
    assert.equal(w.metadata?.package, 'com.basis.bbj.proxies.sysgui');
    assert.equal(w.metadata?.class, 'BBjWindow');
  });

  test('method summaries use real first sentences (version numbers do not end a sentence)', () => {
    const w = docs.find((d) => d.sourceUrl === 'bbj_api://BBjWindow')!;
    assert.ok(w.content.includes('- `addBarChart` (6 overloads) - In BBj 7.00 and higher, this method adds a bar chart control to the BBjWindow.\n'));
  });

  test('a deprecation note stays in its method section (BBjGrid::getInterspace)', () => {
    const g = docs.find((d) => d.sourceUrl === 'bbj_api://BBjGrid')!;
    assert.ok(g.content.includes('### getInterspace()\n\nIn BBj 5.0 and higher, this method is deprecated; use getHorizontalCellSpacing().'));
  });

  test('whole help pages pasted into docu lose their page furniture (BBjMappingDescription::getType)', () => {
    const m = docs.find((d) => d.sourceUrl === 'bbj_api://BBjMappingDescription')!;
    for (const junk of ['Skip To Main Content', 'Documentation Search', 'jquery', 'Navigate previous']) assert.ok(!m.content.includes(junk), junk);
    assert.ok(m.content.includes('**BBjMappingDescription::getType**'));
  });

  test('raw Java doc comments become text (java.util HashMap)', () => {
    const h = docs.find((d) => d.sourceUrl === 'bbj_api://HashMap')!;
    assert.ok(h.content.startsWith('Hash table based implementation of the `Map` interface.'));
    assert.ok(!h.content.includes('{@code'));
    assert.ok(!/^\s*\*\s|\/\*\*/m.test(h.content.split('**Package:**')[0]), 'comment markers removed');
    assert.ok(h.content.includes('**@param** `<K>` the type of keys maintained by this map'));
  });

  test('a class name defined in two packages gets a package-qualified URL for the later one', () => {
    const urls = docs.filter((d) => d.title === 'BBjString').map((d) => d.sourceUrl).sort();
    assert.deepEqual(urls, ['bbj_api://BBjString', 'bbj_api://com.basis.util.common.BBjString']);
    const keys = docs.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  test('fields and constructors are kept (bbj-vscode/test/test-data/com.basis.util.json)', () => {
    const c = docs.find((d) => d.title === 'BBjStringConverter')!;
    assert.ok(c.content.includes('## Fields\n\n- `DEFAULT_DATE_FORMAT` - The default date format used by the class.'));
    assert.ok(c.content.includes('## Constructors\n\n### BBjStringConverter(dateString)\n\nCreates a new instance of the class.'));
    assert.ok(c.content.includes('### convertToDate(dateString)'));
  });

  test('the flat directory reads only its own files (no recursion by default)', async () => {
    const r = await parse([flat]);
    assert.equal(r.docs.length, countJson(flat).classes);
    assert.ok(!r.docs.some((d) => d.title === 'BBjStringConverter'));
  });
});

describe('javadoc validation and bad files', () => {
  test('missing $BBJ_HOME/documentation/javadoc is a validation issue naming the directory and the fix', async () => {
    const saved = process.env.BBJ_HOME;
    process.env.BBJ_HOME = path.join(tmpdir(), 'no-such-bbj-home');
    try {
      const issues = await javadocParser.validate!(context([]));
      assert.equal(issues.length, 1);
      assert.ok(issues[0].message.includes(path.join(tmpdir(), 'no-such-bbj-home', 'documentation', 'javadoc')));
      assert.match(issues[0].message, /BBJ_HOME/);
    } finally {
      if (saved === undefined) delete process.env.BBJ_HOME;
      else process.env.BBJ_HOME = saved;
    }
  });

  test('BBJ_HOME defaults to /usr/local/bbj; configured paths win', () => {
    assert.deepEqual(javadocRoots([], {}), ['/usr/local/bbj/documentation/javadoc']);
    assert.deepEqual(javadocRoots(['/x'], { BBJ_HOME: '/opt/bbj' }), ['/x']);
  });

  test('a directory without *.json is a validation issue', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'javadoc-empty-'));
    const issues = await javadocParser.validate!(context([dir]));
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /no \*\.json/);
    assert.ok(issues[0].message.includes(dir));
  });

  test('an invalid JSON file is skipped with a reason and the others are read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'javadoc-bad-'));
    copyFileSync(path.join(flat, 'java.util.json'), path.join(dir, 'java.util.json'));
    writeFileSync(path.join(dir, 'broken.json'), '{"name": "x", "classes": [');
    const r = await parse([dir]);
    assert.equal(r.docs.length, 1);
    assert.equal(r.skipped.length, 1);
    assert.ok(r.skipped[0].item.endsWith('broken.json'));
    assert.match(r.skipped[0].reason, /not a javadoc JSON file/);
  });
});

describe('first sentence', () => {
  test('abbreviations and dotted names do not end it', () => {
    assert.equal(firstSentence('Sets the font, e.g. Arial. Then more.'), 'Sets the font, e.g. Arial.');
    assert.equal(firstSentence('Calls java.lang.String.valueOf() for x. Next.'), 'Calls java.lang.String.valueOf() for x.');
  });
  test('long sentences are cut at a word with an ellipsis', () => {
    const s = firstSentence('word '.repeat(80).trim() + '.', 50);
    assert.ok(s.length <= 50 && s.endsWith('…'));
    assert.ok(!s.includes('wor…'));
  });
});
