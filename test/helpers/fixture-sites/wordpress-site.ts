import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { corporaDir } from '../paths.js';
import type { LoopbackSite } from './loopback-site.js';
import { sendPage, sendStatus, startSite } from './loopback-site.js';
import { eckbPage, themePage } from './wordpress-theme.js';
import { autop, loadWxrPosts } from './wxr-posts.js';

/** A real PDF with text (py-pdf sample files, CC-BY-SA-4.0), read in place. */
export const samplePdf = (): Buffer => readFileSync(path.join(corporaDir, 'pdf', 'py-pdf-sample-files', '001-trivial', 'minimal-document.pdf'));

/** Hand-written article body exercising spacing, inline markup, comments and highlighter classes. */
const SPACING_AND_CODE = `
<!-- wp:paragraph --><p>Click <a href="../tables-in-figures/">here</a> now, or read the <a href="https://basis.cloud/knowledge-base/">knowledge base</a>.</p><!-- /wp:paragraph -->
<p>Head<code>x</code>ing stays one word, while <strong>bold</strong> <em>words</em> keep their spaces.<!-- secret editor note --></p>
<div>First block</div><div>Second block</div>
<pre class="brush: bbj; title: ; notranslate" title="">rem Open a window
sysgui = unt
open (sysgui)"X0"</pre>
<pre><code class="language-java">System.out.println("hi");</code></pre>
<pre class="lang-sql">SELECT * FROM customer</pre>
<p><img src="/wp-content/uploads/screenshot.png" alt="A screenshot that must not appear"></p>`;

/** A Windows-1252 page: declared only by its meta tag (the header has no charset). */
function cp1252Page(): Buffer {
  const html = themePage('Smart quotes', '<p>\u201cSmart quotes\u201d \u2013 caf\u00e9 costs 5 \u20ac\u2026</p>', '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">');
  return Buffer.from([...html].map((c) => CP1252_ENCODE[c] ?? c.charCodeAt(0)));
}
const CP1252_ENCODE: Record<string, number> = { '\u201c': 0x93, '\u201d': 0x94, '\u2013': 0x96, '\u20ac': 0x80, '\u2026': 0x85 };

/** The paths of the Advantage fixture and what the parser must make of each. */
export const ADVANTAGE = {
  stored: ['/advantage/tables-in-figures/', '/advantage/code-blocks/', '/advantage/html-tags/', '/advantage/nested-lists/', '/advantage/BBJSPCommandFramework.pdf', '/advantage/pdf-as-html/', '/advantage/html-as-pdf.pdf', '/advantage/cp1252/', '/advantage/rate-limited/', '/advantage/flaky/', '/advantage/redirected/'],
  failed: {
    '/advantage/slow/': /timed out/,
    '/advantage/loop/': /redirect loop/,
    '/advantage/moved/': /outside the scope/,
    '/advantage/huge/': /larger than/,
    '/private/advantage/secret/': /robots\.txt/,
    '/advantage/missing/': /HTTP 404/,
  } as Record<string, RegExp>,
};

/**
 * Starts the WordPress fixture site (Advantage index and articles, an Echo Knowledge Base,
 * sitemaps, robots.txt and the faults). `other` is the origin of a second server that
 * stands for a host outside the scope.
 */
export async function startWordpressSite(other: string): Promise<LoopbackSite> {
  const blocks = loadWxrPosts('64-block-test-data.xml');
  const classic = loadWxrPosts('themeunittestdata.wordpress.xml');
  const post = (posts: Map<string, string>, title: string): string => {
    const html = posts.get(title);
    if (html === undefined) throw new Error(`no post "${title}" in the WXR data`);
    return autop(html);
  };
  const articles: Record<string, string> = {
    '/advantage/tables-in-figures/': themePage('Tables in figures', post(blocks, 'Table')),
    '/advantage/code-blocks/': themePage('Code blocks', post(blocks, 'Code') + SPACING_AND_CODE),
    '/advantage/html-tags/': themePage('Markup: HTML Tags and Formatting', post(classic, 'Markup: HTML Tags and Formatting')),
    '/advantage/nested-lists/': themePage('Nested And Mixed Lists', post(classic, 'Edge Case: Nested And Mixed Lists')),
    '/advantage/html-as-pdf.pdf': themePage('HTML served as PDF', '<p>This page claims to be a PDF but is HTML.</p>'),
    '/advantage/rate-limited/': themePage('Rate limited', '<p>Served after a 429 with Retry-After.</p>'),
    '/advantage/flaky/': themePage('Flaky', '<p>Served after one HTTP 500.</p>'),
    '/advantage/new-home/': themePage('Redirect target', '<p>The article moved here.</p>'),
    '/knowledge-base/kb00101/': eckbPage('Installing BBj', post(blocks, 'Preformatted')),
    '/knowledge-base/kb00102/': eckbPage('Getting Started', '<p>Start the <strong>Enterprise Manager</strong> first.</p><table><tr><th>Setting</th><th>Value</th></tr><tr><td>port</td><td>2002</td></tr></table>'),
    '/knowledge-base/kb00103/': eckbPage('Lists of things', post(classic, 'Edge Case: Nested And Mixed Lists')),
  };
  const indexLinks = [
    '../advantage/tables-in-figures/', '/advantage/code-blocks/', 'https://example.invalid/ignored', '/advantage/html-tags/#comments',
    '/advantage/html-tags/', '/advantage/nested-lists/', 'ADVANTAGE_ORIGIN/advantage/BBJSPCommandFramework.pdf', '/advantage/pdf-as-html/',
    '/advantage/html-as-pdf.pdf', '/advantage/cp1252/', '/advantage/rate-limited/', '/advantage/flaky/', '/advantage/redirected/',
    ...Object.keys(ADVANTAGE.failed), '/advantage-index/', '/products/', `${other}/advantage/external-article/`,
  ];
  const indexPage = (origin: string): string =>
    themePage('Advantage Index', `<ul>${indexLinks.map((l) => `<li><a href="${l.replace('ADVANTAGE_ORIGIN', origin)}">Article ${l}</a></li>`).join('')}</ul>`);
  const kbIndex = themePage('Knowledge Base', '<ul><li><a href="kb00101/">Installing</a></li><li><a href="/knowledge-base/kb00102/">Getting started</a></li><li><a href="kb00103/#toc">Lists</a></li><li><a href="category/installation/">Category</a></li></ul>');
  const urlset = (origin: string, paths: string[]): string =>
    `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${paths.map((p) => `<url><loc>${origin}${p}</loc></url>`).join('')}</urlset>`;

  return startSite(async (req: IncomingMessage, res: ServerResponse, site: LoopbackSite) => {
    const url = new URL(req.url ?? '/', site.origin);
    const p = url.pathname;
    const times = site.count(req.url ?? '/');
    if (p === '/robots.txt') return sendPage(req, res, 'User-agent: *\nDisallow: /private/\nDisallow: /*?replytocom=\n\nUser-agent: bbj-rag\nDisallow: /private/\n', 'text/plain');
    if (p === '/advantage-index/') return sendPage(req, res, indexPage(site.origin));
    if (p === '/empty-index/') return sendPage(req, res, themePage('Nothing here', '<p>No links.</p>'));
    if (p === '/knowledge-base/') return sendPage(req, res, kbIndex);
    if (p === '/sitemap_index.xml') {
      const body = `<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>${site.origin}/post-sitemap.xml</loc></sitemap><sitemap><loc>${site.origin}/page-sitemap.xml</loc></sitemap></sitemapindex>`;
      return sendPage(req, res, body, 'application/xml');
    }
    if (p === '/post-sitemap.xml') return sendPage(req, res, urlset(site.origin, ['/advantage/tables-in-figures/', '/advantage/code-blocks/', '/advantage-index/']), 'text/xml');
    if (p === '/page-sitemap.xml') return sendPage(req, res, urlset(site.origin, ['/products/', '/advantage/html-tags/']), 'text/xml');
    if (p === '/kb-sitemap.xml') return sendPage(req, res, urlset(site.origin, ['/knowledge-base/kb00101/', '/knowledge-base/kb00102/']), 'text/xml');
    if (p === '/advantage/BBJSPCommandFramework.pdf') return sendPage(req, res, samplePdf(), 'application/pdf');
    if (p === '/advantage/pdf-as-html/') return sendPage(req, res, samplePdf(), 'text/html; charset=utf-8');
    if (p === '/advantage/html-as-pdf.pdf') return sendPage(req, res, articles[p], 'application/pdf');
    if (p === '/advantage/cp1252/') return sendPage(req, res, cp1252Page(), 'text/html');
    if (p === '/advantage/rate-limited/' && times === 1) return sendStatus(res, 429, { 'retry-after': '1' });
    if (p === '/advantage/flaky/' && times === 1) return sendStatus(res, 500);
    if (p === '/advantage/redirected/') return sendStatus(res, 301, { location: '/advantage/new-home/' });
    if (p === '/advantage/loop/') return sendStatus(res, 302, { location: '/advantage/loop-b/' });
    if (p === '/advantage/loop-b/') return sendStatus(res, 302, { location: '/advantage/loop/' });
    if (p === '/advantage/moved/') return sendStatus(res, 302, { location: `${other}/advantage/moved/` });
    if (p === '/advantage/slow/') {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return sendPage(req, res, themePage('Slow', '<p>Too late.</p>'));
    }
    if (p === '/advantage/huge/') {
      // Chunked, without Content-Length: only streaming with a cap can stop it.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let i = 0; i < 64 && !res.destroyed; i++) res.write(chunk);
      return void res.end();
    }
    if (p === '/private/advantage/secret/') return sendPage(req, res, themePage('Secret', '<p>Robots say no.</p>'));
    const article = articles[p];
    if (article) return sendPage(req, res, article);
    return sendStatus(res, 404);
  });
}
