import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { LoopbackSite } from '../../helpers/fixture-sites/loopback-site.js';
import { startSite } from '../../helpers/fixture-sites/loopback-site.js';
import { startWordpressSite } from '../../helpers/fixture-sites/wordpress-site.js';
import type { ParserRun } from '../../helpers/fixture-sites/fake-context.js';
import { runWebParser, validatorsFrom } from '../../helpers/fixture-sites/fake-context.js';
import { kbOptionsSchema, wordpressKbParser } from '../../../src/plugins/wordpress/index.js';

describe('wordpress-kb over a loopback Echo Knowledge Base', () => {
  let site: LoopbackSite;
  let other: LoopbackSite;
  let first: ParserRun;
  const options = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ index_url: `${site.origin}/knowledge-base/`, rate_limit_ms: 0, ...extra });
  const articles = ['kb00101', 'kb00102', 'kb00103'];

  before(async () => {
    other = await startSite((_req, res) => void res.end('other host'));
    site = await startWordpressSite(other.origin);
    first = await runWebParser(wordpressKbParser, options());
  });
  after(async () => {
    await site.close();
    await other.close();
  });

  test('relative index links are resolved against the index URL; categories are not articles', () => {
    assert.deepEqual(
      first.docs.map((d) => d.key),
      articles.map((a) => `${site.origin}/knowledge-base/${a}/`),
    );
    assert.deepEqual(first.skipped, []);
    assert.equal(site.count('/knowledge-base/category/installation/'), 0);
  });

  test('documents: title without the site name, Knowledge Base breadcrumb, type left to enrichment', () => {
    const doc = first.docs[1];
    assert.equal(doc.title, 'Getting Started');
    assert.deepEqual(doc.breadcrumb, ['Knowledge Base']);
    assert.equal(doc.docType, '');
    assert.equal(doc.metadata?.source, 'knowledge_base');
  });

  test('content is the article body without the grid sidebars, header and rating footer', () => {
    const md = first.docs[1].content;
    assert.equal(md, 'Start the **Enterprise Manager** first.\n\n| Setting | Value |\n| ------- | ----- |\n| port    | 2002  |');
    for (const doc of first.docs) {
      assert.doesNotMatch(doc.content, /Sidebar Category|Table Of Contents Sidebar|Breadcrumb Category|Print this article|Was this article helpful/);
    }
  });

  test('preformatted blocks from real post HTML stay fenced and comment-free', () => {
    const md = first.docs[0].content;
    assert.match(md, /^```\nSome preformatted text\n```$/m);
    assert.match(md, /^## Typography$/m);
    assert.doesNotMatch(md, /<!--|wp:preformatted/);
  });

  test('the second run sends conditional requests and reports every article unchanged', async () => {
    const second = await runWebParser(wordpressKbParser, options(), { validators: validatorsFrom(first.docs) });
    assert.equal(second.docs.length, 0);
    // Articles are fetched in parallel, so they are reported unchanged as they answer.
    assert.deepEqual([...second.unchanged].sort(), first.docs.map((d) => d.key).sort());
  });

  test('falls back to kb-sitemap.xml when the index has no article link', async () => {
    const run = await runWebParser(wordpressKbParser, options({ index_url: `${site.origin}/empty-index/` }));
    assert.deepEqual(
      run.docs.map((d) => d.key),
      ['kb00101', 'kb00102'].map((a) => `${site.origin}/knowledge-base/${a}/`),
    );
  });

  test('an index and sitemaps without articles is reported, not silently empty', async () => {
    const run = await runWebParser(wordpressKbParser, options({ index_url: `${site.origin}/empty-index/`, sitemaps: ['/nothing.xml'] }));
    assert.equal(run.docs.length, 0);
    assert.match(run.skipped[0]?.reason ?? '', /no article links found/);
  });

  test('options default to the real knowledge base and reject a bad pattern', () => {
    assert.equal(kbOptionsSchema.parse({}).index_url, 'https://basis.cloud/knowledge-base/');
    assert.equal(kbOptionsSchema.safeParse({ article_pattern: '(' }).success, false);
  });
});
