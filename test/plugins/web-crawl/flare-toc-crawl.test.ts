import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ParserRun } from '../../helpers/fixture-sites/fake-context.js';
import { runWebParser, validatorsFrom } from '../../helpers/fixture-sites/fake-context.js';
import type { TocSite } from '../../helpers/fixture-sites/flare-toc-site.js';
import { TOC_BASE, TOC_PRIVATE, TOC_TOPICS, startTocSite } from '../../helpers/fixture-sites/flare-toc-site.js';
import { webCrawlParser } from '../../../src/plugins/web-crawl/index.js';

describe('web-crawl over a Flare WebHelp whose navigation exists only in its TOC files', () => {
  let site: TocSite;
  let first: ParserRun;
  const options = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ base_url: site.base, rate_limit_ms: 0, timeout_ms: 10_000, ...extra });
  const doc = (path: string) => {
    const found = first.docs.find((d) => d.key === `${site.base}${path}`);
    assert.ok(found, `no document for ${path}; skipped: ${JSON.stringify(first.skipped)}`);
    return found;
  };

  before(async () => {
    site = await startTocSite();
    first = await runWebParser(webCrawlParser, options());
  });
  after(() => site.close());

  test('every topic is stored once: TOC topics, the sitemap pages (robots.txt Sitemap: and Sitemap.xml) and the page only a body link reaches', () => {
    const keys = first.docs.map((d) => d.key).sort();
    assert.deepEqual(keys, TOC_TOPICS.map((t) => `${site.base}${t.path}`).sort());
    for (const t of TOC_TOPICS) assert.equal(site.hits(t.path), 1, t.path);
    assert.deepEqual(first.incomplete, [], 'a complete crawl reports nothing incomplete');
    assert.deepEqual(first.gone, []);
  });

  test('TOC topics carry their TOC path as breadcrumb, books included; others their folders', () => {
    for (const t of TOC_TOPICS) {
      const d = doc(t.path);
      assert.deepEqual(d.breadcrumb, t.breadcrumb ?? t.path.split('/').slice(0, -1), t.path);
      assert.equal(d.metadata?.section_path, (t.breadcrumb ?? t.path.split('/').slice(0, -1)).join(' > '));
      assert.equal(d.metadata?.toc, t.breadcrumb !== undefined);
      assert.equal(d.title, t.title);
    }
  });

  test('the shell start page is no document and no skip; nothing disallowed or out of scope is fetched', () => {
    assert.ok(!first.docs.some((d) => d.key === site.base), 'the shell start page has no content');
    assert.equal(site.hits('Default.htm'), 1);
    assert.equal(site.hits(TOC_PRIVATE), 0, 'robots.txt disallows Content/Private/');
    assert.deepEqual(first.skipped.map((s) => [s.item.replace(site.base, ''), s.reason.replace(/http:\S+/, 'URL')]), [[TOC_PRIVATE, 'disallowed by URL']]);
    const outside = site.requests.filter((r) => !r.path.startsWith(TOC_BASE) && r.path !== '/robots.txt');
    assert.deepEqual(outside.map((r) => r.path), [], 'no request outside the output root');
    assert.equal(site.requests.filter((r) => r.path.includes('#')).length, 0);
  });

  test('headings keep no permalink residue', () => {
    const md = doc('Content/Objects/BBjButton.htm').content;
    assert.match(md, /^## Custom Task Types$/m);
    assert.doesNotMatch(md, /Custom Task Types \\?#/);
  });

  test('a re-run with the stored validators and state downloads no topic: every one answers 304', async () => {
    const mark = site.requests.length;
    const second = await runWebParser(webCrawlParser, options(), { validators: validatorsFrom(first.docs) }, { docs: first.docs });
    assert.equal(second.docs.length, 0);
    assert.deepEqual([...second.unchanged].sort(), first.docs.map((d) => d.key).sort());
    const topicRequests = site.requests.slice(mark).filter((r) => r.path.startsWith(`${TOC_BASE}Content/`));
    assert.equal(topicRequests.length, TOC_TOPICS.length, 'one request per topic');
    assert.ok(topicRequests.every((r) => r.headers['if-none-match']), 'every topic request is conditional');
    assert.deepEqual(second.incomplete, []);
  });

  test('a topic moved in the TOC is read again for its new breadcrumb', async () => {
    const earlier = first.docs.map((d) =>
      d.key.endsWith('Task2.htm') ? { ...d, parserState: { ...(d.parserState as object), breadcrumb: ['Old Book', 'Task Two'] } } : d,
    );
    const again = await runWebParser(webCrawlParser, options(), { validators: validatorsFrom(first.docs) }, { docs: earlier });
    assert.deepEqual(again.docs.map((d) => d.key), [`${site.base}Content/Tasks/Task2.htm`]);
    assert.deepEqual(again.docs[0].breadcrumb, ['Reference', 'Tasks', 'Task Two']);
  });

  test('fetches max_in_flight pages at once, never more, with starts spaced by the interval', async () => {
    site.control.maxInFlight = 0;
    site.control.arrivals = [];
    site.control.barrier = { inFlight: 2, holdMs: 150 };
    try {
      const interval = 40;
      const run = await runWebParser(webCrawlParser, options({ rate_limit_ms: interval, max_in_flight: 2, timeout_ms: 5_000 }));
      assert.equal(run.docs.length, TOC_TOPICS.length);
      assert.equal(site.control.maxInFlight, 2, 'two pages in flight at once, never three');
      // Server-side arrival times: a late arrival shortens one gap and lengthens the next, so the median gap is checked, with tolerance.
      const t = [...site.control.arrivals].sort((a, b) => a - b);
      const gaps = t.slice(1).map((x, i) => x - t[i]).sort((a, b) => a - b);
      assert.ok(gaps[Math.floor(gaps.length / 2)] >= interval * 0.75, `gaps ${gaps.map(Math.round).join(', ')} ms`);
    } finally {
      site.control.barrier = undefined;
    }
  });

  test('a start page that is a TOC topic gets its TOC breadcrumb and is fetched once', async () => {
    site.control.start = 'Content/Home.htm';
    const mark = site.requests.length;
    try {
      const run = await runWebParser(webCrawlParser, options());
      const home = run.docs.filter((d) => d.title === 'Welcome');
      assert.equal(home.length, 1);
      assert.equal(home[0].key, site.base);
      assert.deepEqual(home[0].breadcrumb, ['Getting Started', 'Welcome']);
      assert.equal(site.requests.slice(mark).filter((r) => r.path.endsWith('Content/Home.htm')).length, 1);
      assert.equal(run.docs.length, TOC_TOPICS.length);
    } finally {
      site.control.start = undefined;
    }
  });

    test('without the help system only the sitemap and links are followed', async () => {
    const plain = await runWebParser(webCrawlParser, options({ help_system: false }));
    assert.deepEqual(plain.docs.map((d) => d.key.replace(site.base, '')).sort(), ['Content/Extra/Changes.htm', 'Content/Extra/Glossary.htm', 'Content/Home.htm']);
  });
});

describe('web-crawl completeness', () => {
  let site: TocSite;
  let first: ParserRun;
  const options = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ base_url: site.base, rate_limit_ms: 0, max_attempts: 1, ...extra });
  before(async () => {
    site = await startTocSite();
    first = await runWebParser(webCrawlParser, options());
  });
  after(() => site.close());

  test('a crawl cut by max_pages is incomplete', async () => {
    const run = await runWebParser(webCrawlParser, options({ max_pages: 4 }));
    assert.equal(run.docs.length, 3, 'the shell counts as a page');
    assert.equal(run.incomplete.length, 1);
    assert.match(run.incomplete[0], /max_pages \(4\) reached/);
  });

  test('a page answering 503 makes the run incomplete; a page answering 404 or 410 is gone', async () => {
    site.control.faults.set('Content/Tasks/Task1.htm', 503);
    site.control.faults.set('Content/Tasks/Task2.htm', 404);
    site.control.faults.set('Content/Tasks/Task3.htm', 410);
    try {
      const run = await runWebParser(webCrawlParser, options());
      assert.equal(run.incomplete.length, 1);
      assert.match(run.incomplete[0], /Task1\.htm: HTTP 503/);
      assert.deepEqual(run.gone.sort(), [`${site.base}Content/Tasks/Task2.htm`, `${site.base}Content/Tasks/Task3.htm`]);
      assert.equal(run.docs.length, first.docs.length - 3);
    } finally {
      site.control.faults.clear();
    }
  });

  test('a page that times out makes the run incomplete', async () => {
    site.control.barrier = { inFlight: 99, holdMs: 200 };
    try {
      const run = await runWebParser(webCrawlParser, options({ max_depth: 1, sitemaps: false, timeout_ms: 150 }));
      assert.ok(run.incomplete.some((r) => /timed out after 150 ms/.test(r)), JSON.stringify(run.incomplete));
      assert.deepEqual(run.gone, []);
    } finally {
      site.control.barrier = undefined;
    }
  });

  test('a TOC chunk that cannot be read makes the run incomplete; the other chunk is still followed', async () => {
    site.control.faults.set('Data/Tocs/Default_Chunk1.js', 500);
    try {
      const run = await runWebParser(webCrawlParser, options());
      assert.equal(run.incomplete.length, 1);
      assert.match(run.incomplete[0], /Flare TOC chunk .*Default_Chunk1\.js could not be read \(HTTP 500/);
      assert.ok(run.docs.some((d) => d.key.endsWith('Content/Install/Installing.htm')));
      assert.ok(!run.docs.some((d) => d.key.endsWith('BBjWindow.htm')));
    } finally {
      site.control.faults.clear();
    }
  });

  test('a missing help-system file makes the run incomplete; a missing optional sitemap does not', async () => {
    site.control.faults.set('Sitemap.xml', 404);
    try {
      assert.deepEqual((await runWebParser(webCrawlParser, options())).incomplete, []);
      site.control.faults.set('Default.xml', 404);
      const run = await runWebParser(webCrawlParser, options());
      assert.match(run.incomplete.join('\n'), /Flare help-system file .*Default\.xml could not be read \(HTTP 404\)/);
    } finally {
      site.control.faults.clear();
    }
  });
});
