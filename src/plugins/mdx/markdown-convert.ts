import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import remarkStringify from 'remark-stringify';
import type { Root } from 'mdast';
import { parse as parseYaml } from 'yaml';
import type { MdNode } from './mdast-node.js';
import { plainText, walk } from './mdast-node.js';
import { cleanTree } from './mdast-clean.js';
import { prepareDocusaurusSource } from './docusaurus-prepare.js';

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
}

const markdownReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective);
const mdxReader = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkMdx).use(remarkDirective);
const fragmentReader = unified().use(remarkParse).use(remarkMdx);
const writer = unified()
  .use(remarkGfm)
  .use(remarkStringify, { bullet: '-', fences: true, listItemIndent: 'one', rule: '-', emphasis: '_', strong: '*' });
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

// Without these characters no MDX construct can occur: `detect` then skips the MDX parse.
const MAYBE_MDX = /[<{]|^(?:import|export)\s/m;

function read(source: string, format: SourceFormat, warnings: string[]): { tree: MdNode; syntax: ReadSyntax } {
  if (format === 'mdx' || (format === 'detect' && MAYBE_MDX.test(source))) {
    try {
      const tree = mdxReader.parse(source) as MdNode;
      if (format === 'mdx' || usesMdx(tree)) return { tree, syntax: 'mdx' };
    } catch (error) {
      if (format === 'mdx') {
        warnings.push(`not valid MDX (${describe(error)}); read as plain Markdown`);
        return { tree: markdownReader.parse(source) as MdNode, syntax: 'md-fallback' };
      }
    }
  }
  return { tree: markdownReader.parse(source) as MdNode, syntax: 'md' };
}

function frontMatterOf(tree: MdNode, warnings: string[]): Record<string, unknown> {
  const first = tree.children?.[0];
  if (first?.type !== 'yaml') return {};
  tree.children = tree.children?.slice(1);
  try {
    const data: unknown = parseYaml(first.value ?? '');
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
  } catch (error) {
    warnings.push(`front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); ignored`);
    return {};
  }
}

/** Reads a Docusaurus `.md`/`.mdx` page and returns plain Markdown plus its front matter. */
export function convertPage(text: string, format: SourceFormat): ConvertedPage {
  const warnings: string[] = [];
  const source = prepareDocusaurusSource(text.replace(/^\uFEFF/, ''));
  const { tree, syntax } = read(source, format, warnings);
  const frontMatter = frontMatterOf(tree, warnings);
  cleanTree(tree, { source, parseMdx: syntax === 'mdx' ? undefined : parseFragment });
  let heading: string | undefined;
  walk(tree, (node) => {
    if (heading === undefined && node.type === 'heading' && node.depth === 1) heading = plainText(node).trim() || undefined;
  });
  const markdown = writer.stringify(tree as unknown as Root).trim();
  return { markdown, frontMatter, heading, syntax, warnings };
}
