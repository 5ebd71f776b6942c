import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { flareParser } from '../../../src/plugins/flare/index.js';
import { outputPath } from '../../../src/plugins/flare/target.js';
import { fixturesDir } from '../../helpers/paths.js';
import { context, runParse } from './parser-context.js';

const online = path.join(fixturesDir, 'flare', 'online');
const TOPIC = 'Admin/Installation Settings.htm';

describe('flare parser: the online target decides breadcrumbs and display URLs', async () => {
  const run = await runParse([online], {}, 'https://help.example.com/pd/');
  const byKey = new Map(run.docs.map((d) => [d.key, d]));

  test('a topic in two TOCs takes its breadcrumb from the HTML5 target master TOC, sub-TOC expanded in place', () => {
    const doc = byKey.get(TOPIC);
    assert.deepEqual(doc?.breadcrumb, ['Administration', 'System Administration', 'IT Admin Area', 'Installation Settings', 'Properties']);
    assert.equal(doc?.metadata?.toc_file, 'Online');
    assert.equal(doc?.metadata?.target, 'HTML5');
  });

  test('a topic the master TOC does not place keeps the placement of another TOC', () => {
    assert.deepEqual(byKey.get('Other/Only Alpha.htm')?.breadcrumb, ['Azure and Process Director', 'O365 CDA', 'Only here']);
    assert.equal(byKey.get('Other/Only Alpha.htm')?.metadata?.toc_file, 'Alpha');
  });

  test('display URLs follow the target: Content/ kept, lower case, spaces to underscores, custom extension', () => {
    assert.equal(byKey.get(TOPIC)?.displayUrl, 'https://help.example.com/pd/content/admin/installation_settings.html');
    assert.equal(byKey.get(TOPIC)?.sourceUrl, 'flare://Content/Admin/Installation Settings.htm');
  });

  test('the target option names another target: its master TOC and output settings apply', async () => {
    const blog = await runParse([online], { target: 'Blog' }, 'https://help.example.com/pd/');
    const doc = blog.docs.find((d) => d.key === TOPIC);
    assert.deepEqual(doc?.breadcrumb, ['Release notes', 'Settings changes']);
    assert.equal(doc?.displayUrl, 'https://help.example.com/pd/Admin/Installation%20Settings.htm');
  });

  test('an unknown target is a validation error naming the targets there are', async () => {
    const issues = await flareParser.validate!(context([online], { target: 'Nope' }).ctx);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /no target "Nope".*HTML5/);
  });

  test('outputPath keeps Content/ unless moved to root', () => {
    assert.equal(outputPath('A B/c.htm', { lowerCase: false, underscores: false, contentAtRoot: false }), 'Content/A B/c.htm');
    assert.equal(outputPath('A B/c.htm', { lowerCase: true, underscores: true, contentAtRoot: true, topicExtension: '.html' }), 'a_b/c.html');
  });

  test('the topic body: drop-downs head their sections, permalink image dropped, code lines kept, date line removed', () => {
    assert.equal(
      byKey.get(TOPIC)?.content,
      [
        '# Installation Settings Properties',
        'Settings of Process Director.',
        '## Functions',
        '### Set Form Data',
        'Stores values in the form.',
        '```js\nsetFormData(form, {\n  CASE_ID: 42\n});\n```',
        '## System variables',
        '### CASE_DEF_NAME',
        'The name of the case definition.',
        '#### Returns',
        'A string.',
        '### CASE_ID',
        'The case number.',
        '#### Returns',
        'An integer.',
      ].join('\n\n'),
    );
  });
});
