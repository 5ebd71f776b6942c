import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import * as cheerio from 'cheerio';
import { corporaDir, fixturesDir } from '../paths.js';
import type { LoopbackSite } from './loopback-site.js';
import { sendPage, sendStatus, startSite } from './loopback-site.js';

/** Where the WebHelp output lives on the fixture server (like documentation.basis.cloud). */
export const WEBHELP_BASE = '/BASISHelp/WebHelp/';

const contentDir = path.join(corporaDir, 'flare-laserfiche-cloud', 'Content');

/** Topics published by the fixture: path under the WebHelp root -> source file. */
export const WEBHELP_TOPICS: Record<string, string> = {
  'Keyboard_Shortcuts.htm': path.join(contentDir, 'Keyboard_Shortcuts.htm'),
  'Resources/Rules/Rules.htm': path.join(contentDir, 'Resources/Rules/Rules.htm'),
  'Resources/Rules/Creating-Rules.htm': path.join(contentDir, 'Resources/Rules/Creating-Rules.htm'),
  'Resources/Rules/Decision-Tables/Operators.htm': path.join(contentDir, 'Resources/Rules/Decision-Tables/Operators.htm'),
  'Resources/Rules/Decision-Tables/hit-policy/first-hit-policy.htm': path.join(contentDir, 'Resources/Rules/Decision-Tables/hit-policy/first-hit-policy.htm'),
  'bbjobjects/Window/bbjwindow/bbjwindow.htm': path.join(fixturesDir, 'web', 'bbjwindow.htm'),
};

/**
 * Publishes a Flare source topic the way HTML5 WebHelp (side navigation skin) does: title bar
 * with search, side navigation, breadcrumbs and topic toolbar around `[data-mc-content-body]`;
 * xrefs become links, other MadCap elements are resolved or dropped. Links to topics that are
 * not published become plain text.
 */
export function publishTopic(relPath: string, source: string): string {
  const $ = cheerio.load(source.replace(/^\uFEFF/, ''), { xml: false });
  $('madcap\\:keyword, madcap\\:concept, madcap\\:snippetblock, madcap\\:indexproxy').remove();
  $('madcap\\:xref').each((_, el) => void $(el).replaceWith($('<a class="MCXref xref"></a>').attr('href', $(el).attr('href') ?? '').append($(el).contents())));
  $('[madcap\\:conditions]').removeAttr('madcap:conditions');
  $('*').each((_, el) => {
    if (el.type === 'tag' && el.tagName.startsWith('madcap:')) $(el).replaceWith($(el).contents());
  });
  const dir = path.posix.dirname(relPath);
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href') ?? '';
    if (/^(https?:|#|mailto:)/.test(href)) return;
    const target = path.posix.normalize(path.posix.join(dir, href.split('#')[0]));
    if (!(target in WEBHELP_TOPICS)) $(el).replaceWith($(el).contents());
  });
  const title = $('h1').first().text().trim() || path.posix.basename(relPath, '.htm');
  return webHelpPage(relPath, title, $('body').html() ?? '');
}

/** The WebHelp page frame around a topic body. */
export function webHelpPage(relPath: string, title: string, body: string): string {
  const up = '../'.repeat(relPath.split('/').length - 1);
  const nav = Object.keys(WEBHELP_TOPICS)
    .map((t) => `<li class="tree-node"><a href="${up}${t}?TocPath=Reference%7C_____${t.length}">Nav ${path.posix.basename(t, '.htm')}</a></li>`)
    .join('');
  return `<!DOCTYPE html>
<html xmlns:MadCap="http://www.madcapsoftware.com/Schemas/MadCap.xsd" lang="en-us" xml:lang="en-us" class="_Skins_SideNav" data-mc-search-type="Stem" data-mc-help-system-file-name="Default.xml" data-mc-path-to-help-system="${up}" data-mc-target-type="WebHelp2" data-mc-runtime-file-type="Topic" data-mc-preload-images="false" data-mc-in-preview-mode="false" data-mc-toc-path="">
<head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" /><title>${title} - BASISHelp</title>
<link href="${up}Skins/Default/Stylesheets/Slideshow.css" rel="stylesheet" /><script src="${up}Resources/Scripts/jquery.min.js"></script></head>
<body>
<div class="foundation-wrap off-canvas-wrapper"><div class="off-canvas-wrapper-inner" data-off-canvas-wrapper="">
<aside class="off-canvas position-right" role="navigation" id="offCanvas" data-off-canvas="" data-position="right"><ul class="off-canvas-accordion vertical menu off-canvas-list"><li>Mobile Nav Entry</li></ul></aside>
<div class="off-canvas-content inner-wrap" data-off-canvas-content="">
  <div data-sticky-container="" class="title-bar-container"><nav class="title-bar tab-bar" role="banner" data-sticky="">
    <div class="nav-search-wrapper"><div class="nav-search row"><form class="search" action="#"><div class="search-bar search-bar-container needs-pie"><input class="search-field needs-pie" type="search" placeholder="Search the help" /><div class="search-submit-wrapper"><div class="search-submit" title="Search the help"><span>Search</span></div></div></div></form></div></div>
  </nav></div>
  <div class="main-section"><div class="row outer-row sidenav-layout">
    <nav class="sidenav-wrapper"><div class="sidenav-container"><ul class="off-canvas-accordion vertical menu sidenav">${nav}</ul></div></nav>
    <div class="body-container">
      <div data-mc-content-body="True">
        <div class="nocontent"><div class="MCBreadcrumbsBox_0 breadcrumbs" role="navigation" aria-label="Breadcrumbs" data-mc-breadcrumbs-divider=" &gt; " data-mc-breadcrumbs-count="3" data-mc-toc="True"><span class="MCBreadcrumbsPrefix">You are here: </span>Breadcrumb Trail Text</div></div>
        <div class="buttons popup-container clearfix topicToolbarProxy _Skins_TopicToolbar mc-component nocontent" style="mc-topic-toolbar-items: PreviousTopic NextTopic;"><div class="button-group-container-left"><button class="button needs-pie previous-topic-button" type="button" title="Navigate previous"><span>Navigate previous</span></button></div></div>
        ${body}
      </div>
    </div>
  </div></div>
  <a data-close="true"></a>
</div></div></div>
<script>/* <![CDATA[ */$(document).ready(function(){ MadCap.WebHelp.init(); });/* ]]> */</script>
</body>
</html>`;
}

/** Starts the WebHelp fixture; `/BASISHelp/WebHelp/` redirects to `Default.htm`, the home topic. */
export async function startWebHelpSite(extra: Record<string, (res: ServerResponse) => void> = {}): Promise<LoopbackSite> {
  const pages = new Map<string, string>();
  for (const [rel, file] of Object.entries(WEBHELP_TOPICS)) pages.set(rel, publishTopic(rel, readFileSync(file, 'utf8')));
  const homeBody = `<h1>BASIS Help</h1><p>Start with <a href="Resources/Rules/Rules.htm">Rules</a> or the <a href="bbjobjects/Window/bbjwindow/bbjwindow.htm#methods">BBjWindow</a> reference.</p>
<p><a href="manual.pdf">Manual as PDF</a>, <a href="/elsewhere/page.htm">elsewhere</a>, <a href="private/hidden.htm">hidden</a>, <a href="Default.htm?Highlight=window">highlighted home</a>, <a href="missing/topic.htm">a missing topic</a>.</p>`;
  pages.set('Default.htm', webHelpPage('Default.htm', 'BASIS Help', homeBody));
  return startSite((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (url.pathname === '/robots.txt') return sendPage(req, res, `User-agent: *\nDisallow: ${WEBHELP_BASE}private/\n`, 'text/plain');
    if (url.pathname === WEBHELP_BASE) return sendStatus(res, 302, { location: `${WEBHELP_BASE}Default.htm` });
    const rel = decodeURIComponent(url.pathname.slice(WEBHELP_BASE.length));
    if (extra[rel]) return extra[rel](res);
    const page = url.pathname.startsWith(WEBHELP_BASE) ? pages.get(rel) : undefined;
    if (page) return sendPage(req, res, page);
    return sendStatus(res, 404);
  });
}
