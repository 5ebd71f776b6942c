import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';

/** A fenced or indented code block as a Markdown parser sees it. */
export interface CodeBlock {
  lang: string | null | undefined;
  meta: string | null | undefined;
  value: string;
}

interface Node {
  type: string;
  value?: string;
  lang?: string | null;
  meta?: string | null;
  children?: Node[];
}

const reader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

function nodes(markdown: string): Node[] {
  const out: Node[] = [];
  const walk = (node: Node): void => {
    out.push(node);
    node.children?.forEach(walk);
  };
  walk(reader.parse(markdown) as Node);
  return out;
}

/** The code blocks of a Markdown text, in order, read with a real parser. */
export function codeBlocks(markdown: string): CodeBlock[] {
  return nodes(markdown)
    .filter((n) => n.type === 'code')
    .map((n) => ({ lang: n.lang, meta: n.meta, value: n.value ?? '' }));
}

/** The prose of a Markdown text: text and HTML nodes joined by newlines, code excluded. */
export function proseOf(markdown: string): string {
  return nodes(markdown)
    .filter((n) => n.type === 'text' || n.type === 'html')
    .map((n) => n.value ?? '')
    .join('\n');
}

/** The raw HTML nodes of a Markdown text (JSX left behind would show up here). */
export function htmlNodes(markdown: string): string[] {
  return nodes(markdown)
    .filter((n) => n.type === 'html')
    .map((n) => n.value ?? '');
}
