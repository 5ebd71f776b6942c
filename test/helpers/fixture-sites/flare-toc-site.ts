import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoopbackSite } from './loopback-site.js';
import { sendPage, sendStatus, startSite } from './loopback-site.js';

/** Where the fixture WebHelp is published. */
export const TOC_BASE = '/Help/WebHelp/';

/** A topic of the fixture: its path under the output root, title and TOC breadcrumb (undefined when the TOC does not list it). */
export interface FixtureTopic {
  path: string;
  title: string;
  breadcrumb?: string[];
  /** Extra body HTML (links, headings). */
  body?: string;
}

/**
 * The topics, shaped like a Flare HTML5 WebHelp whose navigation exists only in its TOC files:
 * no topic links to another except the one "See also" link to a page the TOC does not list.
 */
export const TOC_TOPICS: FixtureTopic[] = [
  { path: 'Content/Home.htm', title: 'Welcome', breadcrumb: ['Getting Started', 'Welcome'] },
  { path: 'Content/Install/Installing.htm', title: 'Installing', breadcrumb: ['Getting Started', 'Installing'] },
  { path: 'Content/Objects/BBjWindow.htm', title: 'BBjWindow', breadcrumb: ['Reference', 'Objects', 'BBjWindow'] },
  {
    path: 'Content/Objects/BBjButton.htm',
    title: 'BBjButton',
    breadcrumb: ['Reference', 'Objects', 'BBjButton'],
    body: '<h2 id="custom">Custom Task Types <a class="anchor" href="#custom">#</a></h2><p>Buttons run tasks.</p>',
  },
  {
    path: 'Content/Functions/Functions.htm',
    title: 'Functions',
    breadcrumb: ['Reference', 'Functions'],
    body: '<p>See also <a href="ABS.htm">ABS</a>, <a href="../../../Other/outside.htm">an outside page</a> and <a href="/elsewhere/page.htm">elsewhere</a>.</p>',
  },
  { path: 'Content/Tasks/Task1.htm', title: 'Task One', breadcrumb: ['Reference', 'Tasks', 'Task One'] },
  { path: 'Content/Tasks/Task2.htm', title: 'Task Two', breadcrumb: ['Reference', 'Tasks', 'Task Two'] },
  { path: 'Content/Tasks/Task3.htm', title: 'Task Three', breadcrumb: ['Reference', 'Tasks', 'Task Three'] },
  { path: 'Content/Functions/ABS.htm', title: 'ABS() Function' },
  { path: 'Content/Extra/Glossary.htm', title: 'Glossary' },
  { path: 'Content/Extra/Changes.htm', title: 'Changes' },
];

/** Topics the TOC lists in a folder robots.txt disallows. */
export const TOC_PRIVATE = 'Content/Private/Secret.htm';

// Two chunks as Flare writes them: '___' holds books (entries without a link).
const TOC_JS = `define({numchunks:2,prefix:'Default_Chunk',chunkstart:['/Content/Home.htm','/Content/Objects/BBjWindow.htm'],
tree:{n:[{i:0,c:0,n:[{i:2,c:0},{i:3,c:0}]},{i:1,c:0,n:[{i:4,c:1,n:[{i:5,c:1},{i:6,c:1}]},{i:7,c:1},{i:8,c:1,n:[{i:9,c:1},{i:10,c:1},{i:11,c:1}]},{i:12,c:1}]}]}});`;
const CHUNK0 = `define({'___':{i:[0,1],t:['Getting Started','Reference'],b:['','']},
'/Content/Home.htm':{i:[2],t:['Welcome'],b:['']},'/Content/Install/Installing.htm#top':{i:[3],t:['Installing'],b:['']}});`;
const CHUNK1 = `define({'___':{i:[4,8],t:['Objects','Tasks'],b:['','']},
'/Content/Objects/BBjWindow.htm':{i:[5],t:['BBjWindow'],b:['']},'/Content/Objects/BBjButton.htm':{i:[6],t:['BBjButton'],b:['']},
'/Content/Functions/Functions.htm':{i:[7],t:['Functions'],b:['']},
'/Content/Tasks/Task1.htm':{i:[9],t:['Task One'],b:['']},'/Content/Tasks/Task2.htm':{i:[10],t:['Task Two'],b:['']},
'/Content/Tasks/Task3.htm':{i:[11],t:['Task Three'],b:['']},'/${TOC_PRIVATE}':{i:[12],t:['Secret \\'internal\\' notes'],b:['']}});`;

/** A Flare HTML5 topic page: navigation chrome with an empty TOC menu, the topic body, the help-system attributes. */
export function tocTopicPage(path: string, title: string, body: string): string {
  const up = '../'.repeat(path.split('/').length - 1);
  return `<!DOCTYPE html>
<html lang="en-us" data-mc-help-system-file-name="Default.xml" data-mc-path-to-help-system="${up}" data-mc-target-type="WebHelp2" data-mc-runtime-file-type="Topic">
<head><meta charset="utf-8" /><title>${title}</title><script src="${up}Resources/Scripts/require.min.js"></script></head>
<body><div class="title-bar-container"><nav class="title-bar"><div class="search-bar">Search this help</div></nav></div>
<nav class="sidenav-wrapper"><ul class="off-canvas-accordion vertical menu sidenav" data-mc-css-tree-node-expanded="is-accordion-submenu-parent" data-mc-toc="true"></ul></nav>
<div class="body-container"><div role="main" id="mc-main-content" data-mc-content-body="True"><h1>${title}</h1><p>The ${title} topic explains ${title.toLowerCase()} in detail.</p>${body}</div></div>
</body></html>`;
}

/** The shell start page: navigation only, the content area filled by script. */
function shellPage(): string {
  return `<!DOCTYPE html>
<html lang="en-us" data-mc-help-system-file-name="Default.xml" data-mc-path-to-help-system="" data-mc-target-type="WebHelp2" data-mc-runtime-file-type="Default">
<head><meta charset="utf-8" /><title>BASIS Help</title></head>
<body><nav class="title-bar"><div class="search-bar">Search this help</div></nav>
<nav class="sidenav-wrapper"><ul class="sidenav" data-mc-toc="true"></ul></nav>
<div class="body-container"><div data-mc-content-body="True"></div></div>
<p class="nocontent"><a href="Content/Home.htm">Home</a> <a href="/elsewhere/start.htm">elsewhere</a></p>
</body></html>`;
}

/** Knobs of a running fixture, changeable between runs. */
export interface TocSiteControl {
  /** Status answered instead of a page (path under the output root -> status). */
  faults: Map<string, number>;
  /** When set, page answers wait until this many are in flight (or `holdMs` passed), then `holdMs` more. */
  barrier?: { inFlight: number; holdMs: number };
  /** Most page requests in flight at once, as the server saw them. */
  maxInFlight: number;
  /** Server receive time (performance.now()) of each page request, in order. */
  arrivals: number[];
  /** Where the output root redirects (default `Default.htm`, the shell). */
  start?: string;
}

/** A running TOC fixture. */
export interface TocSite extends LoopbackSite {
  /** `http://127.0.0.1:PORT/Help/WebHelp/` */
  base: string;
  /** Knobs and what the server observed. */
  control: TocSiteControl;
  /** Requests for a path under the output root. */
  hits(path: string): number;
}

/**
 * Serves the fixture WebHelp: shell start page, `Default.xml`, the TOC module and two chunks,
 * topics, `Sitemap.xml` (listing the glossary only) and a robots.txt disallowing `Content/Private/`
 * that names two sitemaps: one in the output root (listing the changes page) and one outside it.
 */
export async function startTocSite(): Promise<TocSite> {
  const control: TocSiteControl = { faults: new Map(), maxInFlight: 0, arrivals: [] };
  const pages = new Map<string, string>();
  for (const t of TOC_TOPICS) pages.set(t.path, tocTopicPage(t.path, t.title, t.body ?? ''));
  pages.set(TOC_PRIVATE, tocTopicPage(TOC_PRIVATE, 'Secret', ''));
  pages.set('Default.htm', shellPage());
  let inFlight = 0;
  let waiters: (() => void)[] = [];
  const hold = async (): Promise<void> => {
    const barrier = control.barrier;
    if (!barrier) return;
    if (inFlight < barrier.inFlight) await new Promise<void>((resolve) => {
      waiters.push(resolve);
      setTimeout(resolve, barrier.holdMs * 4);
    });
    else {
      for (const w of waiters) w();
      waiters = [];
    }
    // Keep the request open a while longer, so a client exceeding the limit would be seen.
    await new Promise((r) => setTimeout(r, barrier.holdMs));
  };
  const site = (await startSite(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fixture');
    if (url.pathname === '/robots.txt') {
      const sitemaps = `Sitemap: http://${req.headers.host}${TOC_BASE}Data/extra-sitemap.xml\nSitemap: http://${req.headers.host}/sitemap.xml\n`;
      return sendPage(req, res, `User-agent: *\nDisallow: ${TOC_BASE}Content/Private/\n\n${sitemaps}`, 'text/plain');
    }
    if (url.pathname === TOC_BASE) return sendStatus(res, 302, { location: `${TOC_BASE}${control.start ?? 'Default.htm'}` });
    if (!url.pathname.startsWith(TOC_BASE)) return sendStatus(res, 404);
    const rel = decodeURIComponent(url.pathname.slice(TOC_BASE.length));
    const fault = control.faults.get(rel);
    if (fault) return sendStatus(res, fault);
    if (rel === 'Default.xml') return sendPage(req, res, '<?xml version="1.0" encoding="utf-8"?>\n<WebHelpSystem DefaultUrl="Content/Home.htm" Toc="Data/Tocs/Default.js" Index="Data/Index.js" TargetType="WebHelp2" />', 'text/xml');
    if (rel === 'Data/Tocs/Default.js') return sendPage(req, res, TOC_JS, 'application/javascript');
    if (rel === 'Data/Tocs/Default_Chunk0.js') return sendPage(req, res, CHUNK0, 'application/javascript');
    if (rel === 'Data/Tocs/Default_Chunk1.js') return sendPage(req, res, CHUNK1, 'application/javascript');
    if (rel === 'Data/extra-sitemap.xml') {
      const loc = `http://${req.headers.host}${TOC_BASE}Content/Extra/Changes.htm`;
      return sendPage(req, res, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${loc}</loc></url></urlset>`, 'application/xml');
    }
        if (rel === 'Sitemap.xml') {
      const loc = `http://${req.headers.host}${TOC_BASE}Content/Extra/Glossary.htm`;
      return sendPage(req, res, `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${loc}</loc></url></urlset>`, 'application/xml');
    }
    const page = pages.get(rel);
    if (!page) return sendStatus(res, 404);
    control.arrivals.push(performance.now());
    inFlight++;
    control.maxInFlight = Math.max(control.maxInFlight, inFlight);
    try {
      await hold();
    } finally {
      inFlight--;
    }
    return sendPage(req, res, page);
  })) as TocSite;
  site.base = `${site.origin}${TOC_BASE}`;
  site.control = control;
  site.hits = (path) => site.requests.filter((r) => new URL(r.path, 'http://x').pathname === `${TOC_BASE}${path}`).length;
  return site;
}
