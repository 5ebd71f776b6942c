import type { Element } from 'domhandler';
import { isTag } from 'domhandler';
import { isMadCap, localName } from '../xml-dom.js';

/** HTML elements that start a block of their own. */
const HTML_BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'aside', 'main', 'nav', 'header', 'footer', 'figure', 'figcaption', 'body',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'pre', 'blockquote', 'hr',
  'form', 'fieldset', 'address', 'details', 'summary', 'caption', 'center', 'html',
]);

/** MadCap elements that hold block content. */
const MADCAP_BLOCKS = new Set(['snippetblock', 'dropdown', 'dropdownhead', 'dropdownbody', 'codesnippet', 'codesnippetbody', 'codesnippetcaption']);

/**
 * MadCap elements without readable content: index keywords, concepts, proxies that Flare
 * fills at build time, the copy button, change-tracking data. Any other MadCap element
 * keeps its content (the reference dropped unknown ones, losing drop-downs and more).
 */
const MADCAP_DROPPED = new Set([
  'keyword', 'concept', 'minitocproxy', 'indexproxy', 'conceptlink', 'microcontent', 'bodyproxy', 'breadcrumbsproxy',
  'searchbarproxy', 'menuproxy', 'topictoolbarproxy', 'codesnippetcopybutton', 'changedata', 'glossaryproxy',
  'relationshipsproxy', 'endnotesproxy', 'listofproxy', 'tocproxy', 'elasticitysearchbarproxy', 'annotation',
  'centralaccountproxy', 'shortcut', 'qrcode', 'equation', 'pagebreak', 'slideshow',
]);

/** HTML elements with no text to keep (media, scripts, form controls, the head). */
const HTML_DROPPED = new Set([
  'head', 'script', 'style', 'noscript', 'img', 'svg', 'object', 'embed', 'video', 'audio', 'iframe', 'map', 'area',
  'input', 'button', 'select', 'textarea', 'canvas', 'source', 'track', 'link', 'meta', 'template', 'param', 'col', 'colgroup',
]);

/**
 * Dropped elements that still read as something in running text: an image as its alt text, an
 * embedded page or video (`<iframe src>`, `<video src>`) as a link to it, so a section made only
 * of a video keeps a body that says what and where it is.
 */
export const EMBEDS_AS_TEXT = new Set(['img', 'iframe', 'video']);

/** How the converter treats an element. */
export type ElementKind = 'drop' | 'block' | 'inline';

/** Classifies an element; transparent inline wrappers with block children count as blocks. */
export function kindOf(el: Element): ElementKind {
  const name = localName(el);
  if (isMadCap(el)) {
    if (MADCAP_DROPPED.has(name)) return 'drop';
    if (MADCAP_BLOCKS.has(name)) return 'block';
  } else {
    if (HTML_DROPPED.has(name)) return 'drop';
    if (HTML_BLOCKS.has(name) || name === 'tr' || name === 'td' || name === 'th') return 'block';
  }
  return hasBlockDescendant(el) ? 'block' : 'inline';
}

function hasBlockDescendant(el: Element): boolean {
  for (const child of el.children) {
    if (!isTag(child)) continue;
    const name = localName(child);
    if (isMadCap(child) ? MADCAP_BLOCKS.has(name) : HTML_BLOCKS.has(name)) return true;
    if (!(isMadCap(child) ? MADCAP_DROPPED : HTML_DROPPED).has(name) && hasBlockDescendant(child)) return true;
  }
  return false;
}
