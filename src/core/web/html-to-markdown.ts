import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import { domReadableChars } from '../../core/text/readable-chars.js';
import { findCodeLanguage } from './code-language.js';
import { prepareTables } from './table-prep.js';
import { cheerio, htmlMarkdownProcessor } from './lazy-modules.js';

/** Elements that never carry document text: scripts, media (images are dropped), form controls. */
export const ALWAYS_REMOVED = [
  'script', 'style', 'noscript', 'template', 'link', 'meta', 'img', 'picture', 'svg', 'video', 'audio', 'iframe',
  'canvas', 'object', 'embed', 'map', 'button', 'input', 'select', 'textarea',
];

/** How a page becomes Markdown. */
export interface PageToMarkdownOptions {
  /** The page's URL: relative links are resolved against it (or against `<base href>`). */
  pageUrl: string;
  /** Content root: the first selector that matches wins; none matching means `body`. */
  contentSelectors: string[];
  /** Page chrome removed before conversion (navigation, sidebars, toolbars). */
  removeSelectors: string[];
}

/** A page's Markdown and the letters and digits of the text it was made from. */
export interface PageText {
  markdown: string;
  /** Readable characters of the content root after the chrome was removed (for `Document.textChars`). */
  textChars: number;
}

/** Converts a whole HTML page: chrome removed, content root chosen, then Markdown. Mutates `$`. */
export function pageToMarkdown($: CheerioAPI, options: PageToMarkdownOptions): string {
  return pageText($, options).markdown;
}

/** `pageToMarkdown`, also counting the text of the content root before conversion. Mutates `$`. */
export function pageText($: CheerioAPI, options: PageToMarkdownOptions): PageText {
  const base = baseUrlOf($, options.pageUrl);
  removeComments($);
  $([...ALWAYS_REMOVED, ...options.removeSelectors].join(', ')).remove();
  const root = options.contentSelectors.map((s) => $(s).first()).find((m) => m.length > 0) ?? $('body');
  if (root.length === 0) return { markdown: fragmentToMarkdown($.html()), textChars: domReadableChars($.root().toArray()) };
  const element = root.get(0) as Element;
  // Counted on the page as the reader sees it, before links, code and tables are rewritten.
  const textChars = domReadableChars([element]);
  removePermalinks($, root, base);
  prepareLinks($, root, base);
  prepareCode($, root);
  prepareTables($, root);
  return { markdown: fragmentToMarkdown(element.tagName === 'body' ? (root.html() ?? '') : $.html(root)), textChars };
}

/** Converts an HTML fragment (already free of chrome) to Markdown. */
export function htmlToMarkdown(html: string, pageUrl: string): string {
  const $ = cheerio().load(html);
  return pageToMarkdown($, { pageUrl, contentSelectors: [], removeSelectors: [] });
}

function fragmentToMarkdown(html: string): string {
  const markdown = String(htmlMarkdownProcessor().processSync(html));
  return markdown
    .replace(/&#x(?:A0|a0);/g, ' ')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function baseUrlOf($: CheerioAPI, pageUrl: string): string {
  const href = $('base[href]').attr('href');
  if (!href) return pageUrl;
  try {
    return new URL(href, pageUrl).href;
  } catch {
    return pageUrl;
  }
}

function removeComments($: CheerioAPI): void {
  const walk = (nodes: AnyNode[]): void => {
    for (const node of nodes) {
      if (node.type === 'comment') $(node).remove();
      else if ('children' in node) walk([...node.children]);
    }
  };
  walk([...$.root().contents()]);
}

// Permalink anchors that site generators put into headings (Sphinx `¶`, Docusaurus `#`, anchor.js, GitHub).
const PERMALINK_CLASS = /(^|[\s_-])(anchor|anchorjs-link|headerlink|hash-link|heading-link|header-link|permalink|anchor-link|deep-link)($|[\s_-])/i;
const PERMALINK_TEXT = /^[\s#¶§🔗⚓]*$/u;

/**
 * Removes permalink residue from headings: anchors pointing into the page whose text is only a
 * symbol (`#`, `¶`, `§`, `🔗`) or that carry a permalink class, and a trailing lone symbol, so
 * `Custom Task Types #` reads `Custom Task Types`.
 */
function removePermalinks($: CheerioAPI, root: ReturnType<CheerioAPI>, base: string): void {
  const page = pageWithoutFragment(base);
  root.find('h1, h2, h3, h4, h5, h6').each((_, el) => {
    const heading = $(el);
    heading.find('a, span').each((_, a) => {
      const link = $(a);
      const classes = link.attr('class') ?? '';
      const href = (link.attr('href') ?? '').trim();
      const inPage = href.startsWith('#') || (href !== '' && pageWithoutFragment(href, base) === page && href.includes('#'));
      const symbolOnly = PERMALINK_TEXT.test(link.text());
      if ((PERMALINK_CLASS.test(classes) && (symbolOnly || inPage)) || (a.tagName === 'a' && inPage && symbolOnly)) link.remove();
    });
    const node = heading.contents().last().get(0);
    // Edit the text node's data: handing a string to cheerio would parse it as HTML.
    if (node?.type === 'text') (node as Text).data = (node as Text).data.replace(/(\s+[#§]|\s*[¶🔗⚓])\s*$/u, '');
  });
}

function pageWithoutFragment(href: string, base?: string): string {
  try {
    const url = new URL(href, base);
    url.hash = '';
    return url.href;
  } catch {
    return href;
  }
}

/** Links keep their text and get absolute URLs; in-page and script links become plain text. */
function prepareLinks($: CheerioAPI, root: ReturnType<CheerioAPI>, base: string): void {
  root.find('a').each((_, el) => {
    const a = $(el);
    const href = (a.attr('href') ?? '').trim();
    if (a.text().trim() === '') {
      a.remove();
      return;
    }
    if (!href || href.startsWith('#') || /^javascript:/i.test(href)) {
      a.replaceWith(a.contents());
      return;
    }
    try {
      a.attr('href', new URL(href, base).href);
    } catch {
      a.replaceWith(a.contents());
    }
  });
}

/** Code blocks become `<pre><code class="language-x">` with their text, whatever highlighter made them. */
function prepareCode($: CheerioAPI, root: ReturnType<CheerioAPI>): void {
  root.find('pre').each((_, el) => {
    const pre = $(el);
    const language = findCodeLanguage(pre);
    pre.find('br').replaceWith('\n');
    const text = pre.text();
    const code = $('<code></code>').text(text);
    if (language) code.addClass(`language-${language}`);
    pre.empty().append(code);
  });
}
