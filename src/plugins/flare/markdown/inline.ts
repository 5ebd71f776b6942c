import type { AnyNode, Element } from 'domhandler';
import { isCDATA, isTag, isText } from 'domhandler';
import { attr, isMadCap, localName } from '../xml-dom.js';
import { EMBEDS_AS_TEXT, kindOf } from './classify.js';
import type { RenderEnv } from './render-env.js';
import { DATE_VARIABLE, keepElement, lookupVariable } from './render-env.js';
import { withSnippet } from './snippet-expand.js';
import { expandVariableRefs } from '../variables.js';
import { codeText } from './code.js';

/** Marks a hard line break inside inline text until the text is finished. */
export const BREAK = '\u0001';

/**
 * Inline Markdown of a node list. Whitespace is collapsed as a browser would (so words are
 * never glued and no space is invented before punctuation); the result is not trimmed,
 * because the caller joins it with its siblings. Block elements met here (a `p` inside a
 * `snippetText`) are flattened to their inline text, separated by spaces.
 */
export function renderInline(nodes: AnyNode[], env: RenderEnv): string {
  let out = '';
  for (const node of nodes) {
    // A literal `*` in prose would otherwise open or close emphasis (`***.tif**`).
    if (isText(node)) out += collapse(node.data.includes('[%=') ? expandInlineRefs(node.data, env) : node.data).replace(/\*/g, '\\*');
    else if (isCDATA(node)) out += collapse(node.children.map((c) => (isText(c) ? c.data : '')).join(''));
    else if (isTag(node)) out += inlineElement(node, env);
  }
  return out;
}

/** Trims and finishes inline text: single spaces, hard breaks as newlines. */
export function finishInline(text: string): string {
  return dropDateVariables(text)
    .replace(/ {2,}/g, ' ')
    .replace(new RegExp(` ?${BREAK} ?`, 'g'), '\n')
    .replace(/^\s+|\s+$/g, '')
    .replace(/\n{2,}/g, '\n')
    // `word ,` comes from markup split across lines (`<a>x</a>\n,`); punctuation hugs its word.
    .replace(/([\w*)\]`]) +([,.;:!?])(?=\s|$)/g, '$1$2');
}

/** Removes date variables and the empty brackets or separators they leave (`Updated: , ()`). */
function dropDateVariables(text: string): string {
  if (!text.includes(DATE_VARIABLE)) return text;
  return text
    .split(DATE_VARIABLE)
    .join('')
    .replace(/\(\s*[,;]?\s*\)|\[\s*\]/g, '')
    .replace(/([,;:])(\s*[,;])+/g, '$1')
    .replace(/\s*[,;(]+\s*$/, '');
}

/** Expands `[%=Set.Name%]` written in text (Flare allows it in cross-reference and link text). */
export function expandInlineRefs(text: string, env: RenderEnv): string {
  return expandVariableRefs(text, (name) => {
    const value = lookupVariable(name, env);
    if (value === undefined) env.stats.unresolvedVariables.add(name);
    return value;
  });
}

/**
 * An embedded page or video as a Markdown link named by its `title`, else by its file name
 * (`New-Features-in-Cloud-June-2024.html` -> `New Features in Cloud June 2024`). Only web
 * addresses: a local or script source says nothing to a reader.
 */
function embedLink(el: Element): string {
  const src = (attr(el, 'src') ?? '').trim();
  if (!/^https?:\/\//i.test(src)) return ' ';
  const kind = localName(el) === 'video' ? 'Video' : 'Embedded page';
  let name = collapse(attr(el, 'title') ?? '').trim();
  if (!name) {
    const last = src.split(/[?#]/)[0].split('/').filter(Boolean).at(-1) ?? '';
    let file = last;
    try {
      file = decodeURIComponent(last);
    } catch {
      // a stray `%` in the address: the raw segment reads as well
    }
    name = file.replace(/\.[a-z0-9]+$/i, '').replace(/[-_]+/g, ' ').trim();
  }
  return ` [${kind}${name ? `: ${name.replace(/[[\]]/g, '')}` : ''}](${src.replace(/[()\s]/g, encodeURIComponent)}) `;
}

function collapse(text: string): string {
  // Flare writes `&#160;` between words everywhere; it is an ordinary space for search.
  return text.replace(/[\s\u00a0]+/g, ' ');
}

function inlineElement(el: Element, env: RenderEnv): string {
  if (!keepElement(el, env)) return '';
  const name = localName(el);
  if (isMadCap(el)) return madcapInline(el, name, env);
  const kind = kindOf(el);
  if (kind === 'drop' && !EMBEDS_AS_TEXT.has(name)) return '';
  const inner = (): string => renderInline(el.children, env);
  switch (name) {
    case 'br':
      return BREAK;
    case 'img': {
      // Alt text names inline icons ("click the grid icon (...)"); file-name alts add nothing.
      // Spaces around it: an image is never part of the word next to it (`<img alt="Link"/>Set` is not `LinkSet`).
      const alt = (attr(el, 'alt') ?? '').trim();
      return alt && !/\.(png|gif|jpe?g|svg|bmp)$/i.test(alt) ? ` ${collapse(alt)} ` : ' ';
    }
    case 'iframe':
    case 'video':
      return embedLink(el);
    case 'b':
    case 'strong':
      return wrap(inner(), '**');
    case 'i':
    case 'em':
      return wrap(inner(), '*');
    case 's':
    case 'del':
    case 'strike':
      return wrap(inner(), '~~');
    case 'code':
    case 'kbd':
    case 'samp':
    case 'tt':
      // Code text is taken raw: Markdown escapes would show inside a code span.
      return codeSpan(collapse(codeText(el.children, env)));
    case 'a':
      // A permalink icon (`<a href="#x"><img alt="Link"/></a>`) is navigation, not text.
      if (onlyImages(el) && /^(#|$)/.test((attr(el, 'href') ?? '').trim())) return ' ';
      return link(inner(), attr(el, 'href'), env);
    default:
      // Block elements flattened into inline context keep a word boundary around them.
      return kind === 'block' ? ` ${inner()} ` : inner();
  }
}

/** True when an element holds images and nothing else to read. */
function onlyImages(el: Element): boolean {
  let images = 0;
  const visit = (nodes: AnyNode[]): boolean =>
    nodes.every((n) => {
      if (isText(n)) return !n.data.replace(/\u00a0/g, ' ').trim();
      if (!isTag(n)) return true;
      if (localName(n) === 'img') return ++images > 0;
      return visit(n.children);
    });
  return visit(el.children) && images > 0;
}

function madcapInline(el: Element, name: string, env: RenderEnv): string {
  switch (name) {
    case 'variable': {
      const varName = attr(el, 'name') ?? '';
      const value = lookupVariable(varName, env);
      if (value !== undefined) return collapse(value);
      env.stats.unresolvedVariables.add(varName);
      return renderInline(el.children, env);
    }
    case 'xref':
      return link(renderInline(el.children, env), attr(el, 'href'), env);
    case 'snippettext':
    case 'snippetblock':
      return withSnippet(el, env, (body, inner) => ` ${renderInline(body.children, inner)} `) ?? '';
    case 'popup': {
      const parts = el.children.filter(isTag);
      const head = parts.filter((c) => localName(c) === 'popuphead').map((c) => renderInline(c.children, env)).join(' ');
      const body = parts.filter((c) => localName(c) === 'popupbody').map((c) => finishInline(renderInline(c.children, env))).join(' ');
      return body ? `${head} (${body})` : head;
    }
    case 'expandinghead':
    case 'expandingbody':
    case 'dropdownhead':
    case 'dropdownbody':
      return ` ${renderInline(el.children, env)} `;
    default:
      return kindOf(el) === 'drop' ? '' : renderInline(el.children, env);
  }
}

/** Wraps text in emphasis markers, keeping surrounding spaces outside the markers. */
export function wrap(text: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!m || !m[2]) return text;
  return `${m[1]}${marker}${m[2]}${marker}${m[3]}`;
}

/** An inline code span whose fence is longer than any backtick run inside it. */
export function codeSpan(text: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text.split(BREAK).join(' '));
  if (!m || !m[2]) return text;
  const longest = Math.max(0, ...(m[2].match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = m[2].startsWith('`') || m[2].endsWith('`') ? ' ' : '';
  return `${m[1]}${fence}${pad}${m[2]}${pad}${fence}${m[3]}`;
}

/** A Markdown link for absolute URLs (and for topic links when a display base is set), else the text. */
function link(text: string, href: string | undefined, env: RenderEnv): string {
  const label = text.trim();
  if (!label || !href) return text;
  let target: string | undefined;
  if (/^(https?:|mailto:)/i.test(href)) target = href;
  else if (!href.startsWith('#') && env.project.topicUrl) {
    const [file, anchor] = href.split('#');
    const rel = env.project.snippets.resolvePath(file, env.file);
    if (rel) target = env.project.topicUrl(rel) + (anchor ? `#${anchor}` : '');
  }
  if (!target) return text;
  const m = /^(\s*)[\s\S]*?(\s*)$/.exec(text);
  return `${m?.[1] ?? ''}[${label.replace(/([[\]])/g, '\\$1')}](${target.replace(/ /g, '%20').replace(/\)/g, '%29')})${m?.[2] ?? ''}`;
}
