import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'template']);

function collect(nodes: ChildNode[], out: string[]): void {
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.data);
    else if ('children' in node && !('name' in node && SKIPPED_ELEMENTS.has(node.name.toLowerCase()))) collect(node.children, out);
  }
}

/** The visible text of an HTML fragment: tags and comments dropped, whitespace collapsed. */
export function htmlText(html: string): string {
  const out: string[] = [];
  collect(parseDocument(html, { decodeEntities: true }).children, out);
  return out.join('').replace(/\s+/g, ' ').trim();
}
