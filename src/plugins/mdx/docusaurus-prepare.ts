import { unified } from 'unified';
import type { Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { MdNode } from './mdast-node.js';
import { sliceOf, walk } from './mdast-node.js';

const plainMarkdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

/**
 * Inline (text-level) constructs. Block structure never depends on them (CommonMark parses blocks
 * first), and outside comments the edits below read blocks only: code blocks, headings' and
 * paragraphs' lines. Character references and escapes stay: they decode a fence's info string.
 */
const INLINE_CONSTRUCTS = [
  'attention', 'autolink', 'codeText', 'hardBreakEscape', 'htmlText', 'labelEnd', 'labelStartImage', 'labelStartLink',
  'strikethrough', 'wwwAutolink', 'protocolAutolink', 'emailAutolink', 'gfmFootnoteCall', 'gfmPotentialFootnoteCall',
];

type MdastExtension = { transforms?: unknown[] } | MdastExtension[];

/** Drops the inline constructs, and the tree transforms that only rewrite inline text (GFM's literal autolinks). */
function blocksOnly(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: MdastExtension[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: INLINE_CONSTRUCTS } });
  const strip = (extension: MdastExtension): MdastExtension => (Array.isArray(extension) ? extension.map(strip) : { ...extension, transforms: [] });
  data.fromMarkdownExtensions = (data.fromMarkdownExtensions ?? []).map(strip);
}

// Parsing inline content is most of a parse; the edits need it only for comments inside it.
const blockMarkdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(blocksOnly);
// Any keyword, not only Docusaurus's built-in ones: sites can configure their own admonitions.
const OPENER = /^((?:[ \t]*>)*[ \t]*:{3,}[A-Za-z][\w-]*)[ \t]+([^\s[{].*?)[ \t]*\r?$/;
const HEADING_ID = /[ \t]*\{#[^}\s]+\}[ \t]*(?=#*[ \t]*\r?$)/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

const ANY_OPENER = new RegExp(OPENER.source, 'm');

/** False when no edit below can apply: no comment, heading id, titled admonition or `mdx-code-block` fence in the text at all. */
function mayNeedEdits(source: string): boolean {
  return source.includes('<!--') || source.includes('{#') || source.includes('mdx-code-block') || ANY_OPENER.test(source);
}

function isPureComment(html: string): boolean {
  const value = html.trim();
  return value.startsWith('<!--') && value.endsWith('-->') && value.indexOf('-->', 4) === value.length - 3;
}

/**
 * The tree the edits are read from: the blocks only, unless a comment may be inline HTML
 * (`text <!-- note --> text`), which only a full parse finds. None can be when every `<!--` of
 * the page lies in a block of HTML, code or front matter (inline content is never inside those).
 */
function editTree(source: string): MdNode {
  const blocks = blockMarkdown.parse(source) as MdNode;
  if (!source.includes('<!--')) return blocks;
  // Leaf blocks, in document order: their spans are disjoint and ascending.
  const spans: Array<[number, number]> = [];
  walk(blocks, (node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if ((node.type === 'html' || node.type === 'code' || node.type === 'yaml') && start !== undefined && end !== undefined) spans.push([start, end]);
  });
  let k = 0;
  for (let i = source.indexOf('<!--'); i !== -1; i = source.indexOf('<!--', i + 1)) {
    while (k < spans.length && spans[k][1] <= i) k++;
    if (k === spans.length || spans[k][0] > i) return plainMarkdown.parse(source) as MdNode;
  }
  return blocks;
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Rewrites the Docusaurus extensions that MDX itself cannot read, the way Docusaurus does
 * before compiling: HTML comments are removed, heading ids (`## A {#a}`) dropped and the
 * admonition shorthand `:::tip Title` turned into directive syntax `:::tip[Title]`, and
 * `mdx-code-block` fences unwrapped into the MDX they hold. Places
 * come from a plain Markdown parse, so code blocks are never touched.
 */
export function prepareDocusaurusSource(source: string): string {
  // Most pages have none of these constructs: they are returned as they are, without a parse.
  if (!mayNeedEdits(source)) return source;
  const tree = editTree(source);
  const starts = lineStarts(source);
  const edits: Edit[] = [];
  let unwrapped = false;
  walk(tree, (node) => {
    const pos = node.position;
    if (pos?.start.offset === undefined || pos.end.offset === undefined) return;
    if (node.type === 'code' && node.lang === 'mdx-code-block') {
      // Docusaurus renders an `mdx-code-block` fence as MDX (a live example), not as code.
      edits.push({ start: pos.start.offset, end: pos.end.offset, text: `\n${node.value ?? ''}\n` });
      unwrapped = true;
    } else if (node.type === 'html' && isPureComment(node.value ?? '')) {
      edits.push({ start: pos.start.offset, end: pos.end.offset, text: '' });
    } else if (node.type === 'heading') {
      const firstLine = (sliceOf(node, source) ?? '').split('\n')[0];
      const match = HEADING_ID.exec(firstLine);
      if (match) edits.push({ start: pos.start.offset + match.index, end: pos.start.offset + match.index + match[0].length, text: '' });
    } else if (node.type === 'paragraph') {
      for (let line = pos.start.line; line <= pos.end.line; line++) {
        const start = starts[line - 1];
        const end = line < starts.length ? starts[line] - 1 : source.length;
        const match = OPENER.exec(source.slice(start, end));
        if (!match) continue;
        const title = match[2].replace(/(?<!\\)([[\]])/g, '\\$1');
        edits.push({ start, end: start + match[0].replace(/\r$/, '').length, text: `${match[1]}[${title}]` });
      }
    }
  });
  edits.sort((a, b) => b.start - a.start);
  let result = source;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of edits) {
    // A comment on an admonition line would overlap the line's edit; the first one wins.
    if (edit.end > limit) continue;
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
    limit = edit.start;
  }
  // What an `mdx-code-block` held is Markdown now: its admonitions and comments need the same pass.
  return unwrapped ? prepareDocusaurusSource(result) : result;
}
