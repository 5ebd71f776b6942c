import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkStringify from 'remark-stringify';
import type { Options as StringifyOptions } from 'remark-stringify';
import type { Root, RootContent } from 'mdast';
import type { ParsedBlock, ParsedMarkdown } from '../../plugin-api.js';
import { parse as parseYaml } from 'yaml';
import type { MdNode } from './mdast-node.js';
import { joinTextRuns, plainText, text, walk } from './mdast-node.js';
import { cleanTree } from './mdast-clean.js';
import { treeTextChars } from './tree-text-chars.js';
import { prepareDocusaurusSource } from './docusaurus-prepare.js';
import { dropDataUriPayloads } from './data-uri.js';
import { flattenJsxLines, looksLikeMdx } from './jsx-fallback.js';
import { mayUseMdx } from './mdx-precheck.js';
import type { SiteKind } from './site.js';
import { docsifyCallouts, docsifyHeadingAttributes, docsifyLinkOptions, includeLabel, includeOf, resolveInclude } from './docsify.js';
import { errorMessage } from '../../plugin-api.js';

/** How to read a file: as MDX, as Markdown, or as MDX only when it uses MDX syntax. */
export type SourceFormat = 'md' | 'mdx' | 'detect';

/** Which syntax the file was finally read with. */
export type ReadSyntax = 'mdx' | 'md' | 'md-fallback';

/** A page converted to plain Markdown. */
export interface ConvertedPage {
  /** The Markdown body, without front matter and MDX syntax. */
  markdown: string;
  /** The YAML front matter (empty when absent or unreadable). */
  frontMatter: Record<string, unknown>;
  /** Text of the first level-1 heading, if any. */
  heading?: string;
  /** The syntax the page was read with. */
  syntax: ReadSyntax;
  /** Problems that did not stop the conversion (MDX syntax error, bad front matter). */
  warnings: string[];
  /** The cleaned tree's top-level blocks with their offsets in `markdown`, handed to the chunker. */
  parsed: ParsedMarkdown;
  /** Letters and digits of the page's visible text before the cleanup (see `treeTextChars`). */
  textChars: number;
}

const markdownReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
const mdxReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).use(remarkDirective);
const fragmentReader = unified().use(remarkParse).use(remarkMdx);
type Handle = Required<NonNullable<StringifyOptions['handlers']>>['root'];
type WriterState = Parameters<Handle>[2];
/** A page's top-level blocks for the writer; `written` receives each one's text, in order. */
interface PageBlocks {
  type: 'pageBlocks';
  children: RootContent[];
  written: string[];
}
/**
 * Handler of the `pageBlocks` node: writes each child exactly as `toMarkdown` writes a root that
 * holds only that child (fresh list-marker memory, positions from 1:1). One serializer call per
 * page instead of one per block: configuring `toMarkdown` (handlers, GFM, join and unsafe rules)
 * cost as much as writing a short block.
 */
function writePageBlocks(node: PageBlocks, _parent: unknown, state: WriterState): string {
  for (const child of node.children) {
    state.bulletLastUsed = undefined;
    node.written.push(state.handle({ type: 'root', children: [child] }, undefined, state, { before: '\n', after: '\n', now: { line: 1, column: 1 }, lineShift: 0 }));
  }
  return '';
}
const writer = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-', fences: true, listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*',
    handlers: { pageBlocks: writePageBlocks } as unknown as StringifyOptions['handlers'],
  });
const MDX_NODES = new Set(['mdxjsEsm', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxFlowExpression', 'mdxTextExpression']);

function parseFragment(fragment: string): MdNode[] | undefined {
  try {
    return (fragmentReader.parse(fragment) as MdNode).children;
  } catch {
    return undefined;
  }
}

function usesMdx(tree: MdNode): boolean {
  let found = false;
  walk(tree, (node) => {
    found ||= MDX_NODES.has(node.type);
  });
  return found;
}

function describe(error: unknown): string {
  const e = error as { reason?: string; message?: string; line?: number; column?: number };
  const where = e.line ? ` at ${e.line}:${e.column ?? 1}` : '';
  return `${e.reason ?? e.message ?? String(error)}${where}`;
}

function read(source: string, format: SourceFormat, warnings: string[]): { tree: MdNode; syntax: ReadSyntax; source: string } {
  if (format === 'mdx' || (format === 'detect' && mayUseMdx(source))) {
    try {
      const tree = mdxReader.parse(source) as MdNode;
      if (format === 'mdx' || usesMdx(tree)) return { tree, syntax: 'mdx', source };
    } catch (error) {
      // A page written as MDX (JSX wrappers, imports) that MDX rejects is read as CommonMark
      // with its JSX lines flattened, and reported; plain Markdown with a stray `<` is not.
      if (format === 'mdx' || looksLikeMdx(source)) {
        warnings.push(`not valid MDX (${describe(error)}); read as plain Markdown with JSX wrapper lines removed`);
        const flat = flattenJsxLines(source);
        return { tree: markdownReader.parse(flat) as MdNode, syntax: 'md-fallback', source: flat };
      }
    }
  }
  return { tree: markdownReader.parse(source) as MdNode, syntax: 'md', source };
}

/** Where a page lives, for site rules that need it (docsify includes). */
export interface PageContext {
  /** The site generator; default Docusaurus. */
  site?: SiteKind;
  /** Absolute path of the page. */
  file?: string;
  /** Absolute path of the docs folder. */
  root?: string;
}

const MAX_INCLUDE_DEPTH = 4;

/** The smallest heading depth among a tree's headings (7 when it has none). */
function topHeadingDepth(node: MdNode): number {
  let top = 7;
  walk(node, (n) => {
    if (n.type === 'heading' && typeof n.depth === 'number') top = Math.min(top, n.depth);
  });
  return top;
}

/** The shallowest depth an included heading may take: below the page's title (any depth on a page without headings). */
function includeFloor(page: MdNode): number {
  const top = topHeadingDepth(page);
  return top > 6 ? 1 : Math.min(top + 1, 6);
}

/**
 * Splices docsify includes into the tree, in place (included pages may include others). An
 * included page's headings go below the including page's title: a `# Example` spliced into a
 * page would otherwise become a second title, and every later section its child.
 */
function expandIncludes(node: MdNode, fromFile: string, root: string, depth: number, warnings: string[], floor = includeFloor(node)): void {
  const out: MdNode[] = [];
  for (const child of node.children ?? []) {
    const link = includeOf(child);
    if (!link) {
      if (child.children && child.type !== 'code') expandIncludes(child, fromFile, root, depth, warnings, floor);
      out.push(child);
      continue;
    }
    const url = typeof link.url === 'string' ? link.url : '';
    const found = depth < MAX_INCLUDE_DEPTH ? resolveInclude(url, typeof link.title === 'string' ? link.title : '', fromFile, root) : undefined;
    if (found === undefined) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) warnings.push(`include ${url} not found (or nested too deep); its link text is kept`);
      out.push(includeLabel(link));
    } else if ('code' in found) {
      out.push({ type: 'code', lang: found.lang || null, value: found.code });
    } else {
      const included = markdownReader.parse(found.markdown) as MdNode;
      if (included.children?.[0]?.type === 'yaml') included.children = included.children.slice(1);
      // Offsets point into the included file, not the page: nothing may slice the page with them.
      walk(included, (n) => delete n.position);
      const shift = Math.max(0, floor - topHeadingDepth(included));
      if (shift > 0) walk(included, (n) => {
        if (n.type === 'heading' && typeof n.depth === 'number') n.depth = Math.min(6, n.depth + shift);
      });
      expandIncludes(included, found.file, root, depth + 1, warnings, floor);
      out.push(...(included.children ?? []));
    }
  }
  node.children = out;
}

const ALERTS: Record<string, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

/**
 * GitHub alerts (`> [!NOTE]` on the first line of a quote) become a bold `Note:` lead, like
 * admonitions and docsify callouts, instead of an escaped `\[!NOTE]` in the text.
 */
function githubAlerts(node: MdNode): void {
  for (const child of node.children ?? []) {
    if (child.type === 'blockquote') {
      const first = child.children?.[0];
      if (first?.type === 'paragraph') {
        // `[!NOTE]` may come as several text nodes (`[`, `!NOTE`, `]`): join neighbours first.
        joinTextRuns(first);
      }
      const lead = first?.type === 'paragraph' ? first.children?.[0] : undefined;
      const m = lead?.type === 'text' ? /^\[!(note|tip|important|warning|caution)\][ \t]*\n?/i.exec(lead.value ?? '') : null;
      if (first && lead && m) {
        lead.value = (lead.value ?? '').slice(m[0].length);
        const rest = (first.children ?? []).filter((c) => !(c === lead && !c.value));
        first.children = [{ type: 'strong', children: [text(`${ALERTS[m[1].toLowerCase()]}:`)] }, ...(rest.length ? [text(' '), ...rest] : [])];
      }
    }
    if (child.children && child.type !== 'code') githubAlerts(child);
  }
}

/**
 * README badges (`[![NPM version](https://img.shields.io/...)](...)`, in a heading or a line
 * of their own) are status pictures, not text: their alt text and two URLs each would fill a
 * chunk and its embedding. A linked image is a badge when its picture comes from a badge
 * service or a `*-badge` reference, or when it stands in a line of nothing but linked images.
 */
function dropBadgeLines(node: MdNode): void {
  const badgeUrl = /shields\.io|badge|travis-ci|coveralls|codecov|opencollective\.com/i;
  const linkedImage = (n: MdNode): boolean =>
    (n.type === 'link' || n.type === 'linkReference') && (n.children ?? []).length > 0 && (n.children ?? []).every((c) => c.type === 'image' || c.type === 'imageReference');
  const isBadge = (n: MdNode): boolean =>
    linkedImage(n) && (n.children ?? []).some((c) => badgeUrl.test(String(c.url ?? '')) || badgeUrl.test(String(c.identifier ?? '')));
  const blank = (n: MdNode): boolean => (n.type === 'text' && !(n.value ?? '').trim()) || n.type === 'break';
  const out: MdNode[] = [];
  for (const child of node.children ?? []) {
    if (child.type === 'code' || child.type === 'inlineCode') {
      out.push(child);
      continue;
    }
    if (child.type === 'paragraph' || child.type === 'heading') {
      const parts = (child.children ?? []).filter((c) => !blank(c));
      if (child.type === 'paragraph' && parts.length >= 2 && parts.every(linkedImage)) continue;
      child.children = (child.children ?? []).filter((c) => !isBadge(c));
      if (child.type === 'paragraph' && (child.children ?? []).every(blank)) continue;
    } else if (child.children) dropBadgeLines(child);
    out.push(child);
  }
  node.children = out;
}

/** Trims the whitespace a removed node leaves at the edge of a paragraph or heading (it would print as `&#x20;`). */
function trimEdges(node: MdNode): void {
  if (node.type === 'code' || node.type === 'inlineCode') return;
  if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && node.children?.length) {
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    if (first.type === 'text') first.value = (first.value ?? '').replace(/^\s+/, '');
    if (last.type === 'text') last.value = (last.value ?? '').replace(/\s+$/, '');
    node.children = node.children.filter((c) => !(c.type === 'text' && c.value === ''));
    if (node.type === 'heading') for (const c of node.children) if (c.type === 'text') c.value = (c.value ?? '').replace(/\s*\n\s*/g, ' ');
  }
  for (const child of node.children ?? []) trimEdges(child);
}

/** Whitespace character references the serializer still writes outside code become plain spaces. */
function dropWhitespaceEntities(markdown: string): string {
  if (!markdown.includes('&#x')) return markdown;
  let fence: string | undefined;
  return markdown
    .split('\n')
    .map((line) => {
      const f = /^\s*(`{3,}|~{3,})/.exec(line);
      if (f) {
        if (fence === undefined) fence = f[1];
        else if (f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
        return line;
      }
      if (fence !== undefined) return line;
      // Inline code spans keep their text; only the prose between them changes.
      return line
        .split(/(`+[^`]*`+)/)
        .map((part, i) => (i % 2 === 1 ? part : part.replace(/&#x(20|A|9|D);/gi, ' ').replace(/(\S) {2,}(?=\S)/g, '$1 ')))
        .join('');
    })
    .join('\n');
}

function frontMatterOf(tree: MdNode, warnings: string[]): Record<string, unknown> {
  const first = tree.children?.[0];
  if (first?.type !== 'yaml') return {};
  tree.children = tree.children?.slice(1);
  try {
    const data: unknown = parseYaml(first.value ?? '');
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (error) {
    warnings.push(`front matter is not valid YAML (${errorMessage(error).split('\n')[0]}); ignored`);
    return {};
  }
}

/** Reads a Docusaurus `.md`/`.mdx` page and returns plain Markdown plus its front matter. */
export function convertPage(text: string, format: SourceFormat, page: PageContext = {}): ConvertedPage {
  const warnings: string[] = [];
  const docsify = page.site === 'docsify';
  const prepared = prepareDocusaurusSource(dropDataUriPayloads(text.replace(/^\uFEFF/, '')));
  // docsify renders with marked: its pages are never MDX.
  const { tree, syntax, source } = read(prepared, docsify && format === 'detect' ? 'md' : format, warnings);
  const frontMatter = frontMatterOf(tree, warnings);
  if (docsify) {
    if (page.file && page.root) expandIncludes(tree, page.file, page.root, 0, warnings);
    docsifyCallouts(tree);
    docsifyLinkOptions(tree);
  }
  const textChars = treeTextChars(tree);
  cleanTree(tree, { source, parseMdx: syntax === 'mdx' ? undefined : parseFragment });
  // After the cleanup, which gives `:id=x` (read as a directive) back its text.
  if (docsify) docsifyHeadingAttributes(tree);
  githubAlerts(tree);
  dropBadgeLines(tree);
  trimEdges(tree);
  let heading: string | undefined;
  walk(tree, (node) => {
    if (heading === undefined && node.type === 'heading' && node.depth === 1) heading = plainText(node).trim() || undefined;
  });
  const { markdown, parsed } = stringifyBlocks(tree);
  return { markdown, frontMatter, heading, syntax, warnings, parsed, textChars };
}

/**
 * Writes the tree block by block, recording where each top-level block lands in the text, so
 * the chunker can use this tree instead of parsing the Markdown again.
 */
function stringifyBlocks(tree: MdNode): { markdown: string; parsed: ParsedMarkdown } {
  const blocks: ParsedBlock[] = [];
  const nodes = (tree.children ?? []) as unknown as RootContent[];
  const page: PageBlocks = { type: 'pageBlocks', children: nodes, written: [] };
  writer.stringify(page as unknown as Root);
  const written = page.written;
  let markdown = '';
  for (const [i, node] of nodes.entries()) {
    const text = dropWhitespaceEntities(written[i].trim());
    if (text === '') continue;
    if (markdown !== '') markdown += '\n\n';
    blocks.push({ node, start: markdown.length, end: markdown.length + text.length });
    markdown += text;
  }
  return { markdown, parsed: { text: markdown, blocks } };
}
