import { describe, test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DocumentInput } from '../../../src/core/contracts/index.js';
import { mdxParser } from '../../../src/plugins/mdx/index.js';
import { corporaDir } from '../../helpers/paths.js';
import type { FakeContext } from './context.js';
import { collect, fakeContext } from './context.js';
import { countDocFiles, documentProblems } from './corpus-expectations.js';
import { codeBlocks } from './markdown-probe.js';

interface Corpus {
  name: string;
  dir: string;
  label?: string;
  base?: string;
}

const CORPORA: Corpus[] = [
  { name: 'mdx-dwc', dir: 'mdx-dwc-course/docs', label: 'DWC Tutorial', base: 'https://basishub.github.io/DWC-Course/' },
  { name: 'mdx-beginner', dir: 'mdx-bbj-beginner-course/docs', label: 'BBj Beginner Tutorial', base: 'https://basishub.github.io/BBj-Beginner-Tutorial' },
  { name: 'mdx-gridex', dir: 'mdx-bbjgridexwidget-docs/docs' },
  { name: 'mdx-courses', dir: 'mdx-basishub-courses-sample/docs/docs', label: 'BASIS Courses' },
  { name: 'mdx-lsp', dir: 'mdx-bbj-language-server-docs/docs', label: 'BBj Language Server' },
];

const runs = new Map<string, { docs: DocumentInput[]; fake: FakeContext; root: string }>();
const run = (name: string) => runs.get(name)!;
const byKey = (name: string, key: string): DocumentInput => {
  const doc = run(name).docs.find((d) => d.key === key);
  assert.ok(doc, `${name} yields ${key}`);
  return doc;
};

before(async () => {
  for (const corpus of CORPORA) {
    const root = path.join(corporaDir, corpus.dir);
    const fake = fakeContext({ name: corpus.name, paths: [root], label: corpus.label, displayBaseUrl: corpus.base });
    assert.deepEqual(await mdxParser.validate!(fake.ctx), []);
    runs.set(corpus.name, { docs: await collect(mdxParser.parse(fake.ctx)), fake, root });
  }
});

describe('mdx parser on the shared corpora', () => {
  for (const corpus of CORPORA) {
    test(`${corpus.name}: one document per file, valid, clean, code untouched, sorted`, (t) => {
      const { docs, fake, root } = run(corpus.name);
      const files = countDocFiles(root);
      t.diagnostic(`${corpus.name} (${corpus.dir}): ${docs.length} documents from ${files} files, ${fake.skipped.length} skipped`);
      assert.deepEqual(fake.skipped, []);
      assert.equal(docs.length, files);
      assert.deepEqual(docs.flatMap((doc) => documentProblems(doc, root)), []);
      const keys = docs.map((d) => d.key);
      assert.deepEqual(keys, [...keys].sort());
      for (const doc of docs) {
        assert.equal(doc.sourceUrl, `${corpus.name}://${doc.key}`);
        assert.equal(doc.metadata?.file, doc.key);
        assert.equal(doc.sourceType, corpus.label ?? '');
        assert.equal(doc.breadcrumb?.[0], corpus.label ?? 'Mdx ' + corpus.name.slice(4).replace(/^./, (c) => c.toUpperCase()));
        assert.equal(doc.docType, 'tutorial');
        assert.deepEqual(doc.generations, []);
        assert.equal(doc.displayUrl === '', corpus.base === undefined);
        assert.ok(doc.title && doc.title.trim() !== '', `${doc.key} has a title`);
      }
      assert.deepEqual(fake.progress.at(-1), { done: files, total: files });
    });
  }

  test('mdx-dwc: URLs, display URLs, chapters and titles', () => {
    const doc = byKey('mdx-dwc', '01-gui-to-bui-to-dwc/01-registering-launching.md');
    assert.equal(doc.sourceUrl, 'mdx-dwc://01-gui-to-bui-to-dwc/01-registering-launching.md');
    assert.equal(doc.displayUrl, 'https://basishub.github.io/DWC-Course/gui-to-bui-to-dwc/registering-launching');
    assert.deepEqual(doc.breadcrumb, ['DWC Tutorial', 'Gui To Bui To Dwc']);
    assert.equal(doc.metadata?.chapter, 'Gui To Bui To Dwc');
    assert.equal(doc.title, 'Registering and Launching a DWC App');
    assert.doesNotMatch(doc.content, /IdealImage|<Image/);
    assert.equal(byKey('mdx-dwc', '01-gui-to-bui-to-dwc/index.md').displayUrl, 'https://basishub.github.io/DWC-Course/gui-to-bui-to-dwc');
    const home = byKey('mdx-dwc', 'index.md');
    assert.equal(home.displayUrl, 'https://basishub.github.io/DWC-Course/', 'front-matter slug "/"');
    assert.deepEqual(home.breadcrumb, ['DWC Tutorial']);
    assert.match(home.content, /Jump into Chapter 1/);
    assert.doesNotMatch(home.content, /Hero|ChapterCards|className/);
    // One list sorted by path: chapter folders and root files interleave, .md and .mdx alike.
    const keys = run('mdx-dwc').docs.map((d) => d.key);
    assert.ok(keys.indexOf('12-deployment/index.md') < keys.indexOf('index.md'));
  });

  test('mdx-dwc: an HTML comment inside a code block survives', () => {
    const doc = byKey('mdx-dwc', '01-gui-to-bui-to-dwc/03-gui-to-bui-to-dwc.md');
    assert.ok(codeBlocks(doc.content).some((c) => c.value.includes('<!-- Various BBj Controls Contained by the Window -->')));
  });

  test('mdx-beginner: titles from the first # heading, index pages at their folder URL', () => {
    const doc = byKey('mdx-beginner', 'file-io/index.md');
    assert.equal(doc.title, 'File I/O and Record-Oriented Data Access');
    assert.equal(doc.displayUrl, 'https://basishub.github.io/BBj-Beginner-Tutorial/file-io');
    assert.equal(byKey('mdx-beginner', 'introduction/index.md').displayUrl, 'https://basishub.github.io/BBj-Beginner-Tutorial/');
  });

  test('mdx-gridex: tabs keep their label and code, admonitions their text, chapters come from _category_.json', () => {
    const { root } = run('mdx-gridex');
    const spanning = byKey('mdx-gridex', 'rows/row-spanning.mdx');
    assert.match(spanning.content, /^\*\*row-span\.bbj\*\*$/m);
    assert.ok(codeBlocks(spanning.content).some((c) => c.value.includes(':     "</div>" +\n:     "<div class=\'show-presenter\'')));
    const sorting = byKey('mdx-gridex', 'rows/row-sorting.mdx');
    assert.equal(sorting.title, 'Row Sorting');
    assert.equal(sorting.metadata?.sidebar_position, 2);
    assert.match(sorting.content, /\*\*Tip\*\*\n\nThe row sorting is enabled by default on all columns/);
    assert.match(sorting.content, /\*\*grid-state\.json\*\*/);
    const label = (dir: string): string => (JSON.parse(readFileSync(path.join(root, dir, '_category_.json'), 'utf8')) as { label: string }).label;
    const nested = byKey('mdx-gridex', 'accessories/toolpanels/overview.md');
    assert.deepEqual(nested.breadcrumb, ['Mdx Gridex', label('accessories'), label('accessories/toolpanels')]);
    assert.equal(sorting.breadcrumb?.[1], 'Rows');
  });

  test('mdx-gridex: titled admonitions keep their title', () => {
    const docs = run('mdx-gridex').docs;
    assert.ok(docs.some((d) => d.content.includes('**Tip: Cell Editor Selector Priority**')));
  });

  test('mdx-courses: JSX video embeds vanish, text and bbj code stay', () => {
    const doc = byKey('mdx-courses', 'intro-bbj/01-getting-started/02-first-hello-world.mdx');
    assert.equal(doc.title, 'A first Hello World');
    assert.doesNotMatch(doc.content, /YouTube|fF9LaVXJGuA/);
    assert.match(doc.content, /"Hello World" is for many languages the first step/);
    assert.deepEqual(codeBlocks(doc.content)[0], { lang: 'bbj', meta: null, value: 'A=MSGBOX("Hello World")\nRELEASE' });
    assert.deepEqual(doc.breadcrumb, ['BASIS Courses', 'Intro Bbj', 'Getting Started']);
  });

  test('mdx-lsp: front-matter title beats the # heading; front-matter slug sets the display path', () => {
    const doc = byKey('mdx-lsp', 'intellij/commands.md');
    assert.equal(doc.title, 'Commands');
    assert.match(doc.content, /^# IntelliJ Commands$/m);
    assert.deepEqual(doc.breadcrumb, ['BBj Language Server', 'IntelliJ Guide']);
  });
});
