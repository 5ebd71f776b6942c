import { readableChars } from '../../plugin-api.js';
import { htmlText } from './html-text.js';
import type { MdNode } from './mdast-node.js';

// Nodes that hold no text a reader sees: front matter, imports/exports, JavaScript expressions.
const NO_TEXT = new Set(['yaml', 'mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'definition']);

// Read as Markdown (a fallback after an MDX error), an `import`/`export` line is a paragraph; it is still code.
const ESM_LINE = /^(?:import\s[^\n]*\sfrom\s*['"]|import\s*['"]|export\s+(?:default|const|function|\{))/;

function isEsmLine(node: MdNode): boolean {
  const first = node.children?.[0];
  return first?.type === 'text' && ESM_LINE.test(first.value ?? '');
}

/**
 * Letters and digits a reader of the page sees, counted on the tree as parsed (includes spliced
 * in, before the cleanup): text, inline code and code blocks, the visible text of raw HTML, and
 * the children of JSX elements and directives (a directive's name is text when it was not meant
 * as one: `10:30`). Attributes and expressions are not counted. Compared by `bbj report` with
 * what reached the chunks (`Document.textChars`).
 */
export function treeTextChars(root: MdNode): number {
  let n = 0;
  const stack: MdNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (NO_TEXT.has(node.type) || (node.type === 'paragraph' && isEsmLine(node))) continue;
    if (node.type === 'html') n += readableChars(htmlText(node.value ?? ''));
    else if (typeof node.value === 'string') n += readableChars(node.value);
    if ((node.type === 'textDirective' || node.type === 'leafDirective') && node.name) n += readableChars(node.name);
    if (node.children) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
  return n;
}
