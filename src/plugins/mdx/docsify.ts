import { existsSync } from 'node:fs';
import { FileGuard } from '../../plugin-api.js';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import type { MdNode } from './mdast-node.js';
import { joinTextRuns, paragraph, plainText, text } from './mdast-node.js';

const sidebarReader = unified().use(remarkParse).use(remarkGfm);

// docsify's callouts: `?> tip` and `!> important`, at the start of a paragraph.
const CALLOUTS: Record<string, string> = { '?>': 'Tip', '!>': 'Important' };

/** Splits a paragraph before each line that starts with a callout marker (`text\n?> tip`). */
function splitAtCallouts(p: MdNode): MdNode[] {
  const out: MdNode[] = [];
  let current: MdNode[] = [];
  for (const c of p.children ?? []) {
    const m = c.type === 'text' ? /\n[ \t]*(?=\?>|!>)/.exec(c.value ?? '') : null;
    if (!m) {
      current.push(c);
      continue;
    }
    const value = c.value ?? '';
    current.push(text(value.slice(0, m.index)));
    out.push(paragraph(current));
    // The rest may hold another marked line: split it again.
    const rest = splitAtCallouts(paragraph([text(value.slice(m.index + m[0].length))]));
    current = rest.pop()?.children ?? [];
    out.push(...rest);
  }
  out.push(paragraph(current));
  return out.filter((q) => (q.children ?? []).some((c) => c.type !== 'text' || (c.value ?? '').trim()));
}

/** Drops docsify's link and image options (`':ignore'`, `':size=50x100'`) kept in the title. */
export function docsifyLinkOptions(node: MdNode): void {
  for (const child of node.children ?? []) {
    if ((child.type === 'link' || child.type === 'image') && typeof child.title === 'string' && /^\s*:/.test(child.title)) child.title = null;
    if (child.children && child.type !== 'code') docsifyLinkOptions(child);
  }
}

/** Turns docsify callouts (`?> text`, `!> text`) into a bold `Tip:`/`Important:` note, in place. */
export function docsifyCallouts(node: MdNode): void {
  if (node.children?.some((c) => c.type === 'paragraph')) {
    node.children = node.children.flatMap((c) => (c.type === 'paragraph' ? splitAtCallouts(c) : [c]));
  }
  for (const child of node.children ?? []) {
    if (child.type === 'paragraph') {
      const first = child.children?.[0];
      const m = first?.type === 'text' ? /^(\?>|!>)[ \t]*/.exec(first.value ?? '') : null;
      if (first && m) {
        first.value = (first.value ?? '').slice(m[0].length);
        child.children = [{ type: 'strong', children: [text(`${CALLOUTS[m[1]]}:`)] }, text(' '), ...(child.children ?? [])];
      }
    } else if (child.children && child.type !== 'code') docsifyCallouts(child);
  }
}

/** Removes docsify heading attributes (`## Title :id=custom`, `:docsify-ignore`), in place. */
export function docsifyHeadingAttributes(node: MdNode): void {
  for (const child of node.children ?? []) {
    if (child.type === 'heading') {
      // A `:id=x` read as a directive comes back as a text node of its own: join neighbours first.
      joinTextRuns(child);
      const last = child.children?.at(-1);
      if (last?.type === 'text') last.value = (last.value ?? '').replace(/(\s+:(id=\S+|docsify-ignore(-all)?))+\s*$/, '');
    } else if (child.children) docsifyHeadingAttributes(child);
  }
}

/** What an include resolved to: Markdown to splice in, or a file shown as code. */
export type IncludeResult = { markdown: string; file: string } | { code: string; lang: string } | undefined;

/**
 * Resolves `[label](file.md ':include')` links against the including file, as docsify does:
 * Markdown files are inlined, `:type=code` and other text files become code blocks.
 * Remote URLs and missing files stay as the link's text.
 */
export function resolveInclude(url: string, title: string, fromFile: string, root: string): IncludeResult {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  const clean = decodeURI(url.split(/[?#]/)[0]);
  const base = clean.startsWith('/') ? root : path.dirname(fromFile);
  const file = path.resolve(base, clean.replace(/^\/+/, ''));
  const inside = path.relative(path.resolve(root), file);
  if (inside.startsWith('..') || path.isAbsolute(inside) || !existsSync(file)) return undefined;
  // Links included: an include that resolves outside the docs folder (or is too large) is not read.
  const read = new FileGuard([root]).readSync(file);
  if (!read.ok) return undefined;
  const content = read.bytes.toString('utf8');
  const type = /:type=(\w+)/.exec(title)?.[1];
  const ext = path.extname(file).slice(1).toLowerCase();
  if (type === 'code' || (type === undefined && !['md', 'markdown'].includes(ext))) {
    if (['png', 'jpg', 'jpeg', 'gif', 'svg', 'mp4', 'webm', 'mp3', 'pdf'].includes(ext)) return undefined;
    return { code: content.replace(/\r\n?/g, '\n').replace(/\n+$/, ''), lang: /:type=code\s+:?(\w+)/.exec(title)?.[1] ?? (ext === 'md' ? '' : ext) };
  }
  return { markdown: content, file };
}

/** True when a link is a docsify include (`':include'` in its title). */
export function isInclude(node: MdNode): boolean {
  return node.type === 'link' && /(^|\s):include\b/.test(typeof node.title === 'string' ? node.title : '');
}

/** A paragraph holding one include link and nothing else. */
export function includeOf(node: MdNode): MdNode | undefined {
  if (node.type !== 'paragraph') return undefined;
  const meaningful = (node.children ?? []).filter((c) => !(c.type === 'text' && !(c.value ?? '').trim()));
  return meaningful.length === 1 && isInclude(meaningful[0]) ? meaningful[0] : undefined;
}

/** Sidebar group titles above each page, by docs-relative path (lower-cased). */
export class DocsifySidebar {
  private readonly places = new Map<string, string[]>();

  /** Reads every `_sidebar.md` under a docsify docs folder; a missing or odd sidebar gives no groups. */
  static async load(root: string): Promise<DocsifySidebar> {
    const sidebar = new DocsifySidebar();
    const files = ((await readdir(root, { recursive: true }).catch(() => [])) as string[])
      .map((f) => f.split(path.sep).join('/'))
      .filter((f) => f === '_sidebar.md' || f.endsWith('/_sidebar.md'))
      .filter((f) => !f.split('/').some((s) => s === 'node_modules' || s.startsWith('.')))
      // The sidebar closest to a page wins: deeper sidebars are read first.
      .sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
    for (const rel of files) {
      const textOf = await readFile(path.join(root, rel), 'utf8').catch(() => '');
      // docsify's renderer nests items indented by one space (` - [x](x)`); CommonMark needs two.
      const tree = sidebarReader.parse(textOf.replace(/^ (?=[-*+] )/gm, '  ')) as MdNode;
      sidebar.walk(tree, [], root, path.posix.dirname(rel));
    }
    return sidebar;
  }

  /** Group titles above a page (outermost first), or undefined when no sidebar lists it. */
  groups(relative: string): string[] | undefined {
    return this.places.get(relative.toLowerCase());
  }

  private walk(node: MdNode, crumbs: string[], root: string, dir: string): void {
    for (const item of node.children ?? []) {
      if (item.type === 'list') {
        this.walk(item, crumbs, root, dir);
        continue;
      }
      if (item.type !== 'listItem') continue;
      const lead = (item.children ?? []).find((c) => c.type === 'paragraph');
      const title = lead ? plainText(lead).trim() : '';
      const link = lead ? findLink(lead) : undefined;
      if (typeof link?.url === 'string' && link.url) {
        const rel = pagePath(link.url, root, dir);
        if (rel && !this.places.has(rel.toLowerCase())) this.places.set(rel.toLowerCase(), crumbs);
      }
      for (const sub of (item.children ?? []).filter((c) => c.type === 'list')) this.walk(sub, title ? [...crumbs, title] : crumbs, root, dir);
    }
  }
}

function findLink(node: MdNode): MdNode | undefined {
  if (node.type === 'link') return node;
  for (const c of node.children ?? []) {
    const hit = findLink(c);
    if (hit) return hit;
  }
  return undefined;
}

/** Docs-relative file of a sidebar link (`/guide`, `guide.md`, `#/zh-cn/`), if it names a local page. */
function pagePath(url: string, root: string, dir: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined;
  let p = url.replace(/^#/, '').split(/[?#]/)[0];
  try {
    p = decodeURI(p);
  } catch {
    // keep it as written
  }
  if (p === '' || p.endsWith('/')) p += 'README.md';
  else if (!/\.md$/i.test(p)) p += '.md';
  const candidates = p.startsWith('/') ? [p.slice(1)] : [p, path.posix.join(dir, p)];
  for (const c of candidates) {
    const norm = path.posix.normalize(c);
    if (!norm.startsWith('..') && existsSync(path.join(root, norm))) return norm;
  }
  return undefined;
}

/** Replaces a paragraph node's content by a caption (used when an include cannot be resolved). */
export function includeLabel(link: MdNode): MdNode {
  const url = typeof link.url === 'string' ? link.url : '';
  const label = link.children?.length ? link.children : [text(url)];
  // A web page or file embedded from elsewhere (an iframe, a gist) stays a link to it.
  return paragraph(/^https?:\/\//i.test(url) ? [{ type: 'link', url, children: label }] : label);
}
