import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoopbackSite } from '../../helpers/fixture-sites/loopback-site.js';
import { startSite } from '../../helpers/fixture-sites/loopback-site.js';
import { WEBHELP_BASE, WEBHELP_TOPICS, startWebHelpSite } from '../../helpers/fixture-sites/flare-webhelp-site.js';
import type { ParserRun } from '../../helpers/fixture-sites/fake-context.js';
import { runWebParser, validatorsFrom } from '../../helpers/fixture-sites/fake-context.js';
import { webCrawlOptionsSchema, webCrawlParser } from '../../../src/plugins/web-crawl/index.js';

describe('web-crawl over a loopback Flare HTML5 WebHelp', () => {
  let site: LoopbackSite;
  let other: LoopbackSite;
  let first: ParserRun;
  const base = (): string => `${site.origin}${WEBHELP_BASE}`;
  // Real Flare topics take a while to convert on a loaded machine, and conversions share the event loop with the other page in flight.
  const options = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ base_url: base(), rate_limit_ms: 0, timeout_ms: 10_000, max_attempts: 2, ...extra });
  const doc = (rel: string) => {
    const found = first.docs.find((d) => d.key === `${base()}${rel}`);
    assert.ok(found, `no document for ${rel}; skipped: ${JSON.stringify(first.skipped)}`);
    return found;
  };

  before(async () => {
    other = await startSite((_req, res) => void res.end('other'));
    site = await startWebHelpSite({
      'moved.htm': (res) => void res.writeHead(301, { location: `${other.origin}${WEBHELP_BASE}moved.htm` }).end(),
    });
    first = await runWebParser(webCrawlParser, options());
  });
  after(async () => {
    await site.close();
    await other.close();
  });

  test('crawls every published topic once, breadth-first from the base URL', () => {
    const keys = first.docs.map((d) => d.key);
    assert.equal(keys[0], base(), 'the base page comes first');
    assert.deepEqual(keys.slice(1).sort(), Object.keys(WEBHELP_TOPICS).map((t) => `${base()}${t}`).sort());
    // TocPath and Highlight query strings and fragments do not make new pages.
    for (const path of Object.keys(WEBHELP_TOPICS)) assert.equal(site.count(`${WEBHELP_BASE}${path}`), 1, path);
    assert.equal(site.requests.filter((r) => r.path.includes('?')).length, 0);
  });

  test('links outside the base directory, PDFs and robots-disallowed pages are not fetched', () => {
    assert.equal(site.count('/elsewhere/page.htm'), 0);
    assert.equal(site.count(`${WEBHELP_BASE}manual.pdf`), 0);
    assert.equal(site.count(`${WEBHELP_BASE}private/hidden.htm`), 0);
    assert.deepEqual(
      first.skipped.map((s) => [s.item.slice(base().length), s.reason.replace(/http:\S+/, 'URL')]),
      [['private/hidden.htm', 'disallowed by URL'], ['missing/topic.htm', 'HTTP 404']],
    );
  });

  test('topic path, section path and breadcrumb come from the URL path', () => {
    const window = doc('bbjobjects/Window/bbjwindow/bbjwindow.htm');
    assert.equal(window.metadata?.topic_path, 'bbjobjects/Window/bbjwindow/bbjwindow.htm');
    assert.equal(window.metadata?.section_path, 'bbjobjects > Window > bbjwindow');
    assert.deepEqual(window.breadcrumb, ['bbjobjects', 'Window', 'bbjwindow']);
    assert.equal(window.docType, '');
    assert.equal(window.title, 'BBjWindow');
    assert.equal(doc('').metadata?.topic_path, 'Default.htm');
  });

  test('the WebHelp chrome is removed and the topic converts to clean Markdown', () => {
    for (const d of first.docs) {
      assert.doesNotMatch(d.content, /Search the help|Nav Keyboard_Shortcuts|You are here|Breadcrumb Trail Text|Navigate previous|Mobile Nav Entry|MadCap\.WebHelp/, d.key);
    }
    const md = doc('bbjobjects/Window/bbjwindow/bbjwindow.htm').content;
    assert.match(md, /^# BBjWindow\n\nThe \*\*BBjWindow\*\* object provides methods/);
    assert.match(md, /^\| BBjButton +\| addButton\(int ID, number x, number y, number w, number h, string title\) \|$/m);
    assert.match(md, /```bbj\nsysgui = unt\nopen \(sysgui\)"X0"\n/);
    assert.match(md, new RegExp(`See also \\[keyboard shortcuts\\]\\(${base()}Keyboard_Shortcuts\\.htm\\)\\.`));
  });

  test('real Flare topics keep their tables, captions and lists', () => {
    const keys = doc('Keyboard_Shortcuts.htm').content;
    assert.match(keys, /^Keyboard Shortcuts in the Folder Browser$/m);
    assert.match(keys, /^\| Shortcut +\| Description +\|$/m);
    assert.match(keys, /^\| CTRL\+SHIFT\+0 +\| Shift focus to the center pane\. +\|$/m);
    assert.match(doc('Resources/Rules/Decision-Tables/Operators.htm').content, /^- Less than \("<"\)$/m);
  });

  test('a redirect out of the scope is refused without contacting the other host', async () => {
    const run = await runWebParser(webCrawlParser, options({ base_url: `${base()}moved.htm` }));
    assert.equal(run.docs.length, 0);
    assert.match(run.skipped[0].reason, /outside the scope/);
    assert.equal(other.requests.length, 0);
  });

  test('max_pages and max_depth bound the crawl', async () => {
    const capped = await runWebParser(webCrawlParser, options({ max_pages: 3 }));
    assert.equal(capped.docs.length, 3);
    assert.match(capped.skipped.at(-1)?.reason ?? '', /max_pages \(3\) reached/);
    const shallow = await runWebParser(webCrawlParser, options({ max_depth: 0 }));
    assert.deepEqual(shallow.docs.map((d) => d.key), [base()]);
  });

  test('a second run with conditional requests yields nothing and reports every page unchanged', async () => {
    const second = await runWebParser(webCrawlParser, options(), { validators: validatorsFrom(first.docs) });
    assert.equal(second.docs.length, 0);
    assert.deepEqual([...second.unchanged].sort(), first.docs.map((d) => d.key).sort());
  });

  test('options are strict with the real help as default', () => {
    assert.equal(webCrawlOptionsSchema.parse({}).base_url, 'https://documentation.basis.cloud/BASISHelp/WebHelp/');
    assert.deepEqual(webCrawlParser.http(webCrawlOptionsSchema.parse({})).scope, { hosts: ['documentation.basis.cloud'], pathPrefix: '/BASISHelp/WebHelp/' });
    assert.equal(webCrawlOptionsSchema.safeParse({ maxpages: 1 }).success, false);
  });
});
