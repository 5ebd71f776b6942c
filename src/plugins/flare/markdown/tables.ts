import type { AnyNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { attr, localName } from '../xml-dom.js';
import type { Block } from './block.js';
import { renderFlow, isCodeTable } from './flow.js';
import { codeSpan } from './inline.js';
import type { RenderEnv } from './render-env.js';
import { keepElement } from './render-env.js';

interface Cell {
  text: string;
  span: number;
  header: boolean;
  hasCode: boolean;
  blocks: Block[];
}

/**
 * Converts a table. A BBj `Code_Table` (and a one-column table holding code) is a layout
 * wrapper: its cells are rendered in order as ordinary blocks, so every code block in it is
 * kept. Other tables become GFM tables with outer pipes and a header row; rows of nested
 * tables stay inside their cell instead of being added to the outer table.
 */
export function renderTable(el: Element, env: RenderEnv): Block[] {
  const caption = el.children.find((c): c is Element => isTag(c) && localName(c) === 'caption');
  const captionBlocks = caption ? renderFlow(caption.children, env) : [];
  const rows = collectRows(el.children, env).map((tr) => collectCells(tr.children, env));
  const nonEmpty = rows.filter((r) => r.length > 0);
  const width = Math.max(0, ...nonEmpty.map((r) => r.reduce((s, c) => s + c.span, 0)));
  const layout = isCodeTable(el) || (width === 1 && nonEmpty.some((r) => r.some((c) => c.hasCode)));
  if (layout || nonEmpty.length === 0) {
    return [...captionBlocks, ...nonEmpty.flatMap((r) => r.flatMap((c) => c.blocks))];
  }
  const grid = nonEmpty.map((r) => {
    const cells = r.flatMap((c) => [c.text, ...Array<string>(c.span - 1).fill('')]);
    while (cells.length < width) cells.push('');
    return cells;
  });
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`.replace(/ {2,}\|/g, ' |');
  const md = [line(grid[0]), `|${' --- |'.repeat(width)}`, ...grid.slice(1).map(line)].join('\n');
  return [...captionBlocks, { kind: 'table', md, rows: grid }];
}

/** Rows of this table only: direct `tr`s, those in `thead`/`tbody`/`tfoot`, and those in condition wrappers. */
function collectRows(nodes: AnyNode[], env: RenderEnv): Element[] {
  const rows: Element[] = [];
  for (const node of nodes) {
    if (!isTag(node)) continue;
    const name = localName(node);
    if (name === 'tr') {
      if (keepElement(node, env)) rows.push(node);
    } else if (name !== 'table' && name !== 'caption' && name !== 'td' && name !== 'th' && keepElement(node, env)) {
      rows.push(...collectRows(node.children, env));
    }
  }
  return rows;
}

function collectCells(nodes: AnyNode[], env: RenderEnv): Cell[] {
  const cells: Cell[] = [];
  for (const node of nodes) {
    if (!isTag(node)) continue;
    const name = localName(node);
    if (name === 'td' || name === 'th') {
      if (!keepElement(node, env)) continue;
      const blocks = renderFlow(node.children, { ...env, nested: true });
      const span = Math.min(Math.max(Number.parseInt(attr(node, 'colspan') ?? '1', 10) || 1, 1), 50);
      cells.push({ text: cellText(blocks), span, header: name === 'th', hasCode: blocks.some((b) => b.kind === 'code'), blocks });
    } else if (keepElement(node, env)) cells.push(...collectCells(node.children, env));
  }
  return cells;
}

/** One-line cell text: blocks joined by `<br>`, code as inline code, nested tables row by row, pipes escaped. */
function cellText(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if (b.code) return codeSpan(b.code.text.replace(/\s*\n\s*/g, ' '));
      if (b.rows) return b.rows.map((r) => r.filter(Boolean).join(' / ')).join('<br>');
      return b.md.replace(/\n+/g, '<br>');
    })
    .filter(Boolean)
    .join('<br>')
    .replace(/(?<!\\)\|/g, '\\|');
}
