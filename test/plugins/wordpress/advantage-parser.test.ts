import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoopbackSite } from '../../helpers/fixture-sites/loopback-site.js';
import { startSite } from '../../helpers/fixture-sites/loopback-site.js';
import { ADVANTAGE, startWordpressSite } from '../../helpers/fixture-sites/wordpress-site.js';
import type { ParserRun } from '../../helpers/fixture-sites/fake-context.js';
import { runWebParser, validatorsFrom } from '../../helpers/fixture-sites/fake-context.js';
import { advantageOptionsSchema, wordpressAdvantageParser } from '../../../src/plugins/wordpress/index.js';

describe('wordpress-advantage over a loopback WordPress site', () => {
  let site: LoopbackSite;
  let other: LoopbackSite;
  let first: ParserRun;
  const options = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
    index_url: `${site.origin}/advantage-index/`,
    rate_limit_ms: 0,
    extra_hosts: [],
    ...extra,
  });
  const doc = (path: string) => {
    const found = first.docs.find((d) => d.key === `${site.origin}${path}`);
    assert.ok(found, `no document for ${path}; skipped: ${JSON.stringify(first.skipped)}`);
    return found;
  };

  before(async () => {
    other = await startSite((_req, res) => void res.end('other host'));
    site = await startWordpressSite(other.origin);
    first = await runWebParser(wordpressAdvantageParser, options());
  });
  after(async () => {
    await site.close();
    await other.close();
  });

  test('yields every good article once, keyed by the URL as fetched, in sorted order', () => {
    const keys = first.docs.map((d) => d.key);
    assert.deepEqual(keys, ADVANTAGE.stored.map((p) => `${site.origin}${p}`).sort());
    for (const d of first.docs) {
      assert.equal(d.sourceUrl, d.key);
      assert.equal(d.docType, 'article');
      assert.deepEqual(d.breadcrumb, ['Advantage Magazine']);
      assert.ok(d.httpValidators?.etag, `${d.key} has no ETag saved`);
    }
    // Redirected articles keep the URL as fetched; the final URL is metadata.
    assert.equal(doc('/advantage/redirected/').metadata?.final_url, `${site.origin}/advantage/new-home/`);
  });

  test('titles lose the site name, however it is separated', () => {
    assert.equal(doc('/advantage/tables-in-figures/').title, 'Tables in figures');
    assert.equal(doc('/advantage/BBJSPCommandFramework.pdf').title, 'BBJSP Command Framework');
  });

  test('Gutenberg tables inside figure are kept as GFM tables with their captions', () => {
    const md = doc('/advantage/tables-in-figures/').content;
    assert.match(md, /^\| Header label +\| Header label +\|$/m);
    assert.match(md, /^\| -+ \| -+ \|$/m);
    assert.match(md, /^\| Cell 3 +\| Cell 4 +\|$/m);
    assert.match(md, /^Caption$/m);
    assert.doesNotMatch(md, /wp:table|<!--/);
  });

  test('words never run together, links keep text and absolute URLs, comments and images vanish', () => {
    const md = doc('/advantage/code-blocks/').content;
    assert.match(md, new RegExp(`Click \\[here\\]\\(${site.origin}/advantage/tables-in-figures/\\) now, or read the \\[knowledge base\\]\\(https://basis.cloud/knowledge-base/\\)\\.`));
    assert.match(md, /Head`x`ing stays one word, while \*\*bold\*\* _words_ keep their spaces\./);
    assert.match(md, /^First block\n\nSecond block$/m);
    assert.doesNotMatch(md, /secret editor note|wp:paragraph|screenshot|<!--/);
  });

  test('code blocks keep their language whatever the highlighter', () => {
    const md = doc('/advantage/code-blocks/').content;
    assert.match(md, /```bbj\nrem Open a window\nsysgui = unt\nopen \(sysgui\)"X0"\n```/);
    assert.match(md, /```java\nSystem\.out\.println\("hi"\);\n```/);
    assert.match(md, /```sql\nSELECT \* FROM customer\n```/);
    assert.match(md, /```\nHello World, default width \(none\)\.\n```/);
  });

  test('theme chrome (menu, entry meta, comments, widgets, footer, scripts) is removed', () => {
    for (const d of first.docs.filter((x) => x.metadata?.format === 'html')) {
      assert.doesNotMatch(d.content, /Knowledge Base\]\(|Posted on June|Spam comment|Recent widget post|All rights reserved|dataLayer|Previous post/, d.key);
    }
  });

  test('classic post markup: headings, nested lists, blockquotes', () => {
    const md = doc('/advantage/html-tags/').content;
    assert.match(md, /^## Header two$/m);
    assert.match(md, /^> Stay hungry\. Stay foolish\.$/m);
    assert.match(doc('/advantage/nested-lists/').content, /^1\. ordered item\n\n2\. ordered item\n\n {3}- \*\*unordered\*\*/m);
  });

  test('PDFs are extracted by content, whatever the Content-Type says; HTML served as PDF is read as HTML', () => {
    const pdf = doc('/advantage/BBJSPCommandFramework.pdf');
    assert.equal(pdf.metadata?.format, 'pdf');
    assert.match(pdf.content, /Lorem ipsum dolor sit amet/);
    const disguised = doc('/advantage/pdf-as-html/');
    assert.equal(disguised.metadata?.format, 'pdf');
    assert.match(disguised.content, /Lorem ipsum/);
    const htmlAsPdf = doc('/advantage/html-as-pdf.pdf');
    assert.equal(htmlAsPdf.metadata?.format, 'html');
    assert.equal(htmlAsPdf.content, 'This page claims to be a PDF but is HTML.');
  });

  test('a Windows-1252 page declared by meta http-equiv is decoded correctly', () => {
    assert.equal(doc('/advantage/cp1252/').content, '\u201cSmart quotes\u201d \u2013 caf\u00e9 costs 5 \u20ac\u2026');
  });

  test('429 with Retry-After and 500 are retried and stored', () => {
    assert.equal(site.count('/advantage/rate-limited/'), 2);
    assert.equal(site.count('/advantage/flaky/'), 2);
    assert.match(doc('/advantage/rate-limited/').content, /Served after a 429/);
  });

  test('each fault ends as a listed failure with its reason, and the source goes on', () => {
    for (const [path, reason] of Object.entries(ADVANTAGE.failed)) {
      const skip = first.skipped.find((s) => s.item === `${site.origin}${path}`);
      assert.ok(skip, `${path} not listed as skipped`);
      assert.match(skip.reason, reason, path);
    }
    assert.equal(site.count('/advantage/missing/'), 1, '404 is never retried');
    assert.equal(site.count('/advantage/slow/'), 2, 'timeouts are retried up to maxAttempts');
    assert.equal(site.count('/private/advantage/secret/'), 0, 'robots.txt disallowed pages are never requested');
    // The timeout leaves the run incomplete (stored articles are kept); the 404 article is gone.
    assert.equal(first.incomplete.length, 1);
    assert.match(first.incomplete[0], /advantage\/slow\/: timed out/);
    assert.deepEqual(first.gone, [`${site.origin}/advantage/missing/`]);
  });

  test('no request ever reaches a host outside the scope (redirects and index links included)', () => {
    assert.equal(other.requests.length, 0);
    assert.ok(first.skipped.some((s) => s.item === `${other.origin}/advantage/external-article/` && /outside the source's scope/.test(s.reason)));
  });

  test('a second run with the stored validators yields nothing and reports every page unchanged', async () => {
    const second = await runWebParser(wordpressAdvantageParser, options(), { validators: validatorsFrom(first.docs) });
    assert.equal(second.docs.length, 0);
    assert.deepEqual([...second.unchanged].sort(), first.docs.map((d) => d.key).sort());
    const conditional = site.requests.filter((r) => r.headers['if-none-match'] && r.headers['if-modified-since']);
    assert.ok(conditional.length >= first.docs.length);
  });

  test('falls back to the sitemap index when the index page links no article', async () => {
    const run = await runWebParser(wordpressAdvantageParser, options({ index_url: `${site.origin}/empty-index/`, sitemaps: ['/sitemap_index.xml'] }));
    assert.deepEqual(
      run.docs.map((d) => d.key),
      ['/advantage/code-blocks/', '/advantage/html-tags/', '/advantage/tables-in-figures/'].map((p) => `${site.origin}${p}`),
    );
  });

  test('options are strict and default to the real site', () => {
    const defaults = advantageOptionsSchema.parse({});
    assert.equal(defaults.index_url, 'https://basis.cloud/advantage-index/');
    assert.deepEqual(wordpressAdvantageParser.http(defaults).scope.hosts, ['basis.cloud', 'documentation.basis.cloud']);
    assert.equal(advantageOptionsSchema.safeParse({ index_ur: 'x' }).success, false);
  });
});
