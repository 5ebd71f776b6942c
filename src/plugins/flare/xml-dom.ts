import { Parser, parseDocument } from 'htmlparser2';
import type { AnyNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';

/**
 * Parses Flare XHTML leniently: htmlparser2 in XML mode keeps MadCap's mixed-case tags,
 * self-closing elements and markup inside `<title>`, and recovers from unclosed or stray
 * tags. It reads no DTD, so external entities are never expanded; named HTML entities
 * (`&nbsp;`, `&rsquo;`), which XML mode leaves alone, are decoded afterwards.
 */
export function parseFlareXml(text: string): Document {
  const doc = parseDocument(text, { xmlMode: true, decodeEntities: false, recognizeCDATA: true });
  decodeTree(doc.children);
  return doc;
}

function decodeTree(nodes: AnyNode[]): void {
  for (const node of nodes) {
    if (isText(node)) node.data = decodeEntities(node.data);
    else if (isTag(node)) {
      for (const [k, v] of Object.entries(node.attribs)) node.attribs[k] = decodeEntities(v);
      decodeTree(node.children);
    } else if ('children' in node) decodeTree((node as Document).children);
  }
}

/** Decodes HTML and XML character references (`&amp;`, `&#160;`, `&nbsp;`); unknown ones stay as written. */
export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  let out = '';
  const parser = new Parser({ ontext: (t) => (out += t) }, { decodeEntities: true });
  // Raw `<` cannot occur in parsed text, but a recovered malformed file may carry one.
  parser.write(value.replace(/</g, '&lt;'));
  parser.end();
  return out;
}

/** Local name of an element, lower-cased, without its prefix (`MadCap:dropDown` -> `dropdown`). */
export function localName(el: Element): string {
  const i = el.name.indexOf(':');
  return (i >= 0 ? el.name.slice(i + 1) : el.name).toLowerCase();
}

/** True for MadCap-namespaced elements (`MadCap:xref`). */
export function isMadCap(el: Element): boolean {
  return el.name.toLowerCase().startsWith('madcap:');
}

/** Attribute value by name, case-insensitively (`MadCap:conditions`, `madcap:conditions`). */
export function attr(el: Element, name: string): string | undefined {
  const direct = el.attribs[name];
  if (direct !== undefined) return direct;
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(el.attribs)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** Child elements of a node. */
export function childElements(node: Document | Element): Element[] {
  return node.children.filter(isTag);
}

/** First descendant element (depth-first) with the given local name. */
export function findFirst(node: Document | Element, name: string): Element | undefined {
  for (const child of childElements(node)) {
    if (localName(child) === name) return child;
    const found = findFirst(child, name);
    if (found) return found;
  }
  return undefined;
}

/** All text below a node, as written. */
export function rawText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (isTag(node)) return node.children.map(rawText).join('');
  if ('children' in node) return (node as Document).children.map(rawText).join('');
  return '';
}

/** True when the element's `class` attribute contains the token (case-insensitive). */
export function hasClass(el: Element, token: string): boolean {
  const cls = attr(el, 'class');
  if (!cls) return false;
  const want = token.toLowerCase();
  return cls.split(/\s+/).some((c) => c.toLowerCase() === want);
}

/** The class tokens of an element. */
export function classTokens(el: Element): string[] {
  return (attr(el, 'class') ?? '').split(/\s+/).filter(Boolean);
}
