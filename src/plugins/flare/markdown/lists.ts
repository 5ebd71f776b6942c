import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { attr, localName } from '../xml-dom.js';
import type { Block } from './block.js';
import { renderFlow } from './flow.js';
import type { RenderEnv } from './render-env.js';
import { keepElement } from './render-env.js';

/**
 * Converts `ul`/`ol` to a Markdown list. Numbers count `li` items only (the reference
 * counted every child element), honour `start` and Flare's `MadCap:continue`, and nested
 * lists, code and paragraphs stay inside their item, indented under its marker. Content
 * placed between items (a drop-down, a nested list written outside an `li`) joins the
 * item before it.
 */
export function renderList(el: Element, ordered: boolean, env: RenderEnv): Block[] {
  const items: AnyNode[][] = [];
  for (const node of flattenWrappers(el.children, env)) {
    if (isTag(node) && localName(node) === 'li') {
      if (keepElement(node, env)) items.push([...node.children]);
    } else if (isTag(node) || (isText(node) && node.data.trim())) {
      if (items.length === 0) items.push([]);
      items[items.length - 1].push(node);
    }
  }
  const continues = /^true$/i.test(attr(el, 'MadCap:continue') ?? '');
  let n = ordered ? (continues ? env.lists.lastNumber + 1 : Number.parseInt(attr(el, 'start') ?? '1', 10) || 1) : 0;
  const rendered: { text: string; loose: boolean }[] = [];
  for (const nodes of items) {
    const blocks = renderFlow(nodes, { ...env, nested: true });
    if (blocks.length === 0) continue;
    const marker = ordered ? `${n++}.` : '-';
    const pad = ' '.repeat(marker.length + 1);
    let text = '';
    blocks.forEach((b, i) => {
      const body = b.md.replace(/\n(?!\n)/g, `\n${pad}`).replace(/\n\n/g, `\n\n${pad}`);
      text += i === 0 ? `${marker} ${body}` : `${b.kind === 'list' ? '\n' : '\n\n'}${pad}${body}`;
    });
    rendered.push({ text: text.replace(/[ \t]+$/gm, ''), loose: blocks.filter((b) => b.kind !== 'list').length > 1 });
  }
  if (ordered) env.lists.lastNumber = n - 1;
  if (rendered.length === 0) return [];
  const sep = rendered.some((r) => r.loose) ? '\n\n' : '\n';
  return [{ kind: 'list', md: rendered.map((r) => r.text).join(sep) }];
}

/** Children of a list, looking through condition wrappers that hold `li` elements. */
function flattenWrappers(nodes: AnyNode[], env: RenderEnv): AnyNode[] {
  const out: AnyNode[] = [];
  for (const node of nodes) {
    if (isTag(node) && localName(node) !== 'li' && node.children.some((c) => isTag(c) && localName(c) === 'li')) {
      if (keepElement(node, env)) out.push(...flattenWrappers(node.children, env));
    } else out.push(node);
  }
  return out;
}
