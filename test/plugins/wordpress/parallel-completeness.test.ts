import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoopbackSite } from '../../helpers/fixture-sites/loopback-site.js';
import { sendPage, sendStatus, startSite } from '../../helpers/fixture-sites/loopback-site.js';
import { eckbPage, themePage } from '../../helpers/fixture-sites/wordpress-theme.js';
import { runWebParser } from '../../helpers/fixture-sites/fake-context.js';
import { wordpressAdvantageParser, wordpressKbParser } from '../../../src/plugins/wordpress/index.js';

const ARTICLES = [1, 2, 3, 4, 5, 6].map((n) => `/knowledge-base/kb0000${n}/`);

describe('WordPress parsers fetch in parallel and report how complete their run was', () => {
  let site: LoopbackSite;
  const faults = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  let waiters: (() => void)[] = [];
  const options = (extra: Record<string, unknown> = {}) => ({ index_url: `${site.origin}/knowledge-base/`, rate_limit_ms: 0, max_attempts: 1, ...extra });

  before(async () => {
    site = await startSite(async (req, res) => {
      const p = new URL(req.url ?? '/', 'http://x').pathname;
      if (faults.has(p)) return sendStatus(res, faults.get(p)!);
      if (p === '/robots.txt') return sendStatus(res, 404);
      if (p === '/knowledge-base/') return sendPage(req, res, themePage('Knowledge Base', ARTICLES.map((a) => `<a href="${a}">${a}</a>`).join(' ')));
      if (p === '/kb-sitemap.xml') return sendPage(req, res, `<?xml version="1.0"?><urlset><url><loc>${site.origin}${ARTICLES[0]}</loc></url></urlset>`, 'application/xml');
      if (!ARTICLES.includes(p)) return sendStatus(res, 404);
      // Each article waits until a second one is in flight (or 1 s passed), then a little longer,
      // so a client that allowed a third request at once would be seen doing it.
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (inFlight < 2) await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 1_000);
      });
      else {
        for (const w of waiters) w();
        waiters = [];
      }
      await new Promise((r) => setTimeout(r, 100));
      inFlight--;
      return sendPage(req, res, eckbPage(`Article ${p.slice(-3, -1)}`, `<p>Text of ${p}.</p>`));
    });
  });
  after(() => site.close());

  test('wordpress-kb has max_in_flight articles in flight per host, never more, and yields them in list order', async () => {
    maxInFlight = 0;
    const run = await runWebParser(wordpressKbParser, options({ max_in_flight: 2, timeout_ms: 5_000 }));
    assert.deepEqual(run.docs.map((d) => d.key), ARTICLES.map((a) => `${site.origin}${a}`));
    assert.equal(maxInFlight, 2);
    assert.deepEqual(run.incomplete, []);
    assert.deepEqual(run.gone, []);
  });

  test('wordpress-advantage fetches in parallel too', async () => {
    maxInFlight = 0;
    const run = await runWebParser(wordpressAdvantageParser, options({ article_path: '/knowledge-base/kb', max_in_flight: 2, timeout_ms: 5_000 }));
    assert.equal(run.docs.length, ARTICLES.length);
    assert.equal(maxInFlight, 2);
  });

  test('a 503 article makes the run incomplete, a 404 and a 410 article are gone, the page limit is a cut', async () => {
    faults.set(ARTICLES[1], 503);
    faults.set(ARTICLES[2], 404);
    faults.set(ARTICLES[3], 410);
    try {
      const run = await runWebParser(wordpressKbParser, options({ timeout_ms: 5_000 }));
      assert.equal(run.docs.length, 3);
      assert.equal(run.incomplete.length, 1);
      assert.match(run.incomplete[0], /kb00002\/: HTTP 503/);
      assert.deepEqual(run.gone, [ARTICLES[2], ARTICLES[3]].map((a) => `${site.origin}${a}`));
    } finally {
      faults.clear();
    }
    const capped = await runWebParser(wordpressKbParser, options({ max_pages: 3, timeout_ms: 5_000 }));
    assert.equal(capped.docs.length, 2, 'the index is one of the three pages');
    assert.match(capped.incomplete.join('\n'), /page limit of 3 reached/);
  });

  test('an index answering 5xx, and a sitemap answering 5xx, make the run incomplete', async () => {
    faults.set('/knowledge-base/', 502);
    try {
      const run = await runWebParser(wordpressKbParser, options({ timeout_ms: 5_000 }));
      assert.equal(run.docs.length, 1, 'the sitemap still lists one article');
      assert.match(run.incomplete.join('\n'), /the index .* could not be read \(HTTP 502/);
      faults.set('/kb-sitemap.xml', 503);
      const worse = await runWebParser(wordpressKbParser, options({ timeout_ms: 5_000, sitemaps: ['/kb-sitemap.xml', '/sitemap.xml'] }));
      assert.match(worse.incomplete.join('\n'), /sitemap .*kb-sitemap\.xml could not be read \(HTTP 503/);
    } finally {
      faults.clear();
    }
  });
});
