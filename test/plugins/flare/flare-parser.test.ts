import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DocumentSchema } from '../../../src/core/contracts/index.js';
import { flareParser } from '../../../src/plugins/flare/index.js';
import { fixturesDir } from '../../helpers/paths.js';
import { context, runParse } from './parser-context.js';

const mini = path.join(fixturesDir, 'flare', 'mini');

describe('flare parser on the mini project', async () => {
  const run = await runParse([mini], { exclude_conditions: ['Primary.Internal'] }, 'https://docs.example.com/help/');
  const byKey = new Map(run.docs.map((d) => [d.key, d]));

  test('yields the topics, in path order, and reports unusable files with reasons', () => {
    assert.deepEqual([...byKey.keys()], ['Resources/linked-resource.htm', 'guide/intro.htm', 'guide/latin1.htm', 'guide/orphan_topic.htm', 'guide/page.html', 'guide/sub/install.htm']);
    const reasons = Object.fromEntries(run.skipped.map((s) => [path.relative(mini, s.item), s.reason]));
    assert.match(reasons['Content/guide/image.htm'], /binary/);
    assert.match(reasons['Content/guide/nobody.htm'], /no <body>/);
    assert.equal(run.skipped.length, 2);
    for (const d of run.docs) DocumentSchema.parse(d);
  });

  test('TOC breadcrumbs: priority order, linked titles and headers, variables, anchors, nested TOCs', () => {
    assert.deepEqual(byKey.get('guide/intro.htm')?.breadcrumb, ['User Guide', 'Introduction to BBj']);
    assert.equal(byKey.get('guide/intro.htm')?.metadata?.toc_file, 'basishelp');
    assert.deepEqual(byKey.get('guide/sub/install.htm')?.breadcrumb, ['User Guide', 'Introduction to BBj', 'Install BBj']);
    assert.deepEqual(byKey.get('Resources/linked-resource.htm')?.breadcrumb, ['User Guide', 'Sub book', 'Resource header']);
  });

  test('topics in no TOC get the folder breadcrumb and toc: false', () => {
    const orphan = byKey.get('guide/orphan_topic.htm');
    assert.deepEqual(orphan?.breadcrumb, ['guide']);
    assert.equal(orphan?.metadata?.section_path, 'guide');
    assert.equal(orphan?.metadata?.toc, false);
    assert.equal(orphan?.title, 'orphan topic');
  });

  test('document fields: key, source URL, display URL, title, metadata', () => {
    const intro = byKey.get('guide/intro.htm');
    assert.equal(intro?.sourceUrl, 'flare://Content/guide/intro.htm');
    assert.equal(intro?.displayUrl, 'https://docs.example.com/help/guide/intro.htm');
    assert.equal(intro?.title, 'Introduction to BBj');
    assert.equal(intro?.docType, '');
    assert.deepEqual(intro?.generations, []);
    assert.deepEqual(intro?.metadata?.conditions, ['Primary.BASISHelp', 'Primary.Deprecated']);
    assert.deepEqual(intro?.metadata?.inline_conditions, ['Primary.Internal']);
    assert.equal(intro?.metadata?.topic_path, 'guide/intro.htm');
    assert.equal(intro?.metadata?.section_path, 'User Guide > Introduction to BBj');
  });

  test('content: BOM handled, variables, snippets (with a cycle cut), exclusion, xref text', () => {
    const intro = byKey.get('guide/intro.htm');
    assert.equal(
      intro?.content,
      '# Intro heading\n\nWelcome to BBj 25.0.\n\nNote from the snippet.\n\nInner snippet resolved relative to its parent snippet.\n\nLoop start.\n\nShort: inline **snippet** text.',
    );
    assert.equal((intro?.metadata?.unresolved_snippets as string[]).length, 1);
    assert.equal(byKey.get('guide/sub/install.htm')?.content, '# Installing\n\nSee [Introduction](https://docs.example.com/help/guide/intro.htm).');
  });

  test('Windows-1252 bytes are decoded, not replaced', () => {
    const doc = byKey.get('guide/latin1.htm');
    assert.equal(doc?.content, 'Café crème “quoted”');
    assert.equal(doc?.metadata?.encoding, 'windows-1252');
  });

  test('.html files are topics unless included as snippets; resource folders only when a TOC links them', () => {
    assert.equal(byKey.get('guide/page.html')?.content, '# HTML topic\n\nOnly used as an include.');
    assert.ok(!byKey.has('guide/included.html'));
    assert.ok(!byKey.has('Resources/template.htm'));
    assert.ok(!byKey.has('guide/internal.htm'), 'topic whose root carries an excluded condition');
  });

  test('progress reaches done = total', () => {
    const last = run.progress[run.progress.length - 1];
    // 11 candidate files, minus the template in Resources/ and the .html used as an include.
    assert.equal(last.total, 9);
    assert.equal(last.done, last.total);
  });

  test('toc_order decides which TOC places a topic first', async () => {
    const other = await runParse([mini], { toc_order: ['aaa'] });
    const intro = other.docs.find((d) => d.key === 'guide/intro.htm');
    assert.deepEqual(intro?.breadcrumb, ['Alphabetically first, but not in toc_order']);
    assert.equal(intro?.displayUrl, '');
    assert.ok(other.docs.some((d) => d.key === 'guide/internal.htm'), 'without exclude_conditions the topic is yielded');
  });
});

describe('flare parser validation and bad roots', () => {
  test('validate names a missing root and a root without Content/', async () => {
    const missing = path.join(mini, 'nope');
    const issues = await flareParser.validate!(context([missing, path.join(mini, 'Project')]).ctx);
    assert.equal(issues.length, 2);
    assert.match(issues[0].message, /nope does not exist/);
    assert.match(issues[1].message, /has no Content\/ directory/);
    assert.deepEqual(await flareParser.validate!(context([mini]).ctx), []);
  });
  test('parse skips a bad root with its reason and goes on', async () => {
    const run = await runParse([path.join(mini, 'nope'), mini]);
    assert.equal(run.skipped[0].item, path.join(mini, 'nope'));
    assert.ok(run.docs.length > 0);
    assert.ok(run.docs.every((d) => d.key.startsWith('mini/') && String(d.sourceUrl).startsWith('flare://mini/Content/')));
  });
  test('unknown options are rejected', () => {
    assert.equal(flareParser.optionsSchema.safeParse({ toc: 'x' }).success, false);
  });
});
