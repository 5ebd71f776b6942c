import type { MdNode } from './mdast-node.js';
import { paragraph, plainText, sliceOf, text } from './mdast-node.js';
import { htmlText } from './html-text.js';
import { humanize } from './naming.js';

/** What the cleanup needs besides the tree. */
export interface CleanOptions {
  /** The text the tree was parsed from (directives that were not meant are restored from it). */
  source: string;
  /**
   * Parses a fragment as MDX, or returns undefined when it is not MDX. Given for trees read as
   * plain Markdown, so leftover `import`/`export` lines and `{/* comments *\/}` are recognised.
   */
  parseMdx?: (fragment: string) => MdNode[] | undefined;
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective', 'mdxJsxFlowElement']);
const FLOW_TYPES = new Set([
  'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'table', 'html', 'code', 'definition',
  'footnoteDefinition', 'yaml', 'containerDirective', 'leafDirective', 'mdxJsxFlowElement', 'mdxFlowExpression', 'mdxjsEsm',
]);
// Containers that mean nothing once their content is gone (`**<Icon />**`, `- <Image />`).
const DROP_WHEN_EMPTY = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'listItem', 'list', 'blockquote']);
const ESM_OR_EXPRESSION = new Set(['mdxjsEsm', 'mdxFlowExpression']);

function isBlank(node: MdNode): boolean {
  if (node.type === 'text') return (node.value ?? '').trim() === '';
  if (node.type === 'break') return true;
  return DROP_WHEN_EMPTY.has(node.type) && (node.children ?? []).every(isBlank);
}

function stringAttribute(node: MdNode, name: string): string | undefined {
  for (const attr of node.attributes ?? []) {
    const a = attr as { type?: string; name?: string; value?: unknown };
    if (a.type === 'mdxJsxAttribute' && a.name === name && typeof a.value === 'string' && a.value.trim() !== '') return a.value.trim();
  }
  return undefined;
}

/** `{'<'}` and `{"text"}` are how MDX authors escape characters: keep the string. */
function literalOf(node: MdNode): string | undefined {
  const body = (node.data?.estree as { body?: Array<{ type: string; expression?: { type: string; value?: unknown } }> } | undefined)?.body;
  const expression = body?.length === 1 && body[0].type === 'ExpressionStatement' ? body[0].expression : undefined;
  return expression?.type === 'Literal' && typeof expression.value === 'string' ? expression.value : undefined;
}

function wrapPhrasing(nodes: MdNode[]): MdNode[] {
  const out: MdNode[] = [];
  let run: MdNode[] = [];
  const flush = (): void => {
    if (run.some((n) => !isBlank(n))) out.push(paragraph(run));
    run = [];
  };
  for (const node of nodes) {
    if (FLOW_TYPES.has(node.type)) {
      flush();
      out.push(node);
    } else run.push(node);
  }
  flush();
  return out;
}

function isSalvageable(node: MdNode, options: CleanOptions): boolean {
  if (node.type !== 'paragraph' || options.parseMdx === undefined) return false;
  const fragment = sliceOf(node, options.source)?.trim();
  if (fragment === undefined || !/^(import|export)\s|^\{/.test(fragment)) return false;
  const nodes = options.parseMdx(fragment);
  return nodes !== undefined && nodes.length > 0 && nodes.every((n) => ESM_OR_EXPRESSION.has(n.type));
}

function cleanChildren(parent: MdNode, options: CleanOptions): void {
  const out = (parent.children ?? []).flatMap((child) => cleanNode(child, options, FLOW_PARENTS.has(parent.type)));
  parent.children = (FLOW_PARENTS.has(parent.type) ? wrapPhrasing(out) : out).filter((n) => !(DROP_WHEN_EMPTY.has(n.type) && isBlank(n)));
}

/** HTML elements whose text is code. */
const INLINE_CODE = new Set(['code', 'kbd', 'samp', 'tt']);

function unwrapElement(node: MdNode, options: CleanOptions, inFlow: boolean): MdNode[] {
  cleanChildren(node, options);
  const children = node.children ?? [];
  if (children.length === 0) return node.name === 'br' ? [text(' ')] : [];
  // `<a href>` and Docusaurus `<Link to>` keep their target as a Markdown link.
  const target = node.name === 'a' || node.name === 'Link' ? (stringAttribute(node, 'href') ?? stringAttribute(node, 'to')) : undefined;
  if (target !== undefined && !inFlow) return [{ type: 'link', url: target, children }];
  // HTML inline marks written as JSX keep their Markdown meaning (`<code>x()</code>` stays code).
  if (!inFlow) {
    const name = (node.name ?? '').toLowerCase();
    if (INLINE_CODE.has(name)) return [{ type: 'inlineCode', value: plainText({ type: 'root', children }) }];
    if (name === 'strong' || name === 'b') return [{ type: 'strong', children }];
    if (name === 'em' || name === 'i') return [{ type: 'emphasis', children }];
  }
  // Tabs and similar wrappers carry their visible caption in `label` (or `title`).
  const label = stringAttribute(node, 'label') ?? stringAttribute(node, 'title');
  if (label === undefined) return children;
  const caption: MdNode = { type: 'strong', children: [text(label)] };
  return inFlow ? [paragraph([caption]), ...children] : [caption, text(' '), ...children];
}

function admonition(node: MdNode, options: CleanOptions): MdNode[] {
  const children = node.children ?? [];
  const labelled = children[0]?.data?.directiveLabel === true ? children[0] : undefined;
  const rest = labelled ? children.slice(1) : children;
  const body: MdNode = { type: 'containerDirective', children: rest };
  cleanChildren(body, options);
  const labelNode: MdNode = { type: 'strong', children: labelled?.children ?? [] };
  cleanChildren(labelNode, options);
  const name = humanize(node.name ?? '') || 'Note';
  const caption = labelNode.children?.length ? [text(`${name}: `), ...labelNode.children] : [text(name)];
  return [paragraph([{ type: 'strong', children: caption }]), ...(body.children ?? [])];
}

function cleanNode(node: MdNode, options: CleanOptions, inFlow: boolean): MdNode[] {
  switch (node.type) {
    case 'mdxjsEsm':
      return [];
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const literal = literalOf(node);
      return literal === undefined ? [] : [text(literal)];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return unwrapElement(node, options, inFlow);
    case 'containerDirective':
      return admonition(node, options);
    case 'leafDirective':
    case 'textDirective': {
      // `10:30` or `C:\Windows` parse as text directives; nothing here uses directives but admonitions.
      const original = sliceOf(node, options.source) ?? `:${node.name ?? ''}`;
      return node.type === 'leafDirective' ? [paragraph([text(original)])] : [text(original)];
    }
    case 'html': {
      const visible = htmlText(node.value ?? '');
      if (visible === '') return [];
      return inFlow ? [paragraph([text(visible)])] : [text(visible)];
    }
    case 'code':
    case 'inlineCode':
    case 'yaml':
      return [node];
    default:
      if (isSalvageable(node, options)) return [];
      if (node.children) cleanChildren(node, options);
      return [node];
  }
}

/**
 * Turns a parsed Docusaurus page into plain Markdown in place: imports/exports and
 * expressions removed, JSX unwrapped to its children (with a `label` as a bold caption),
 * admonitions turned into a bold `Tip: Title` line plus their content, HTML reduced to its
 * text. Code blocks and inline code are never touched.
 */
export function cleanTree(root: MdNode, options: CleanOptions): void {
  cleanChildren(root, options);
}
