import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

const BLOCK_TAGS = new Set(['ul', 'ol', 'p', 'div', 'section', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'header', 'footer']);
const CELL_BLOCKS = 'ul, ol, p, div, section, h1, h2, h3, h4, h5, h6, blockquote, dl, dt, dd, figure, figcaption, header, footer';

/**
 * Shapes tables so that they survive as GFM tables: layout tables (nesting a table or a code
 * block, or a single cell) become plain blocks, captions become paragraphs, block content in a
 * cell is flattened with separators (so words never run together), and a table without a
 * header row gets its first row as header.
 */
export function prepareTables($: CheerioAPI, root: Cheerio<AnyNode>): void {
  for (;;) {
    const layout = root.find('table').filter((_, t) => isLayoutTable($, t)).first();
    if (layout.length === 0) break;
    unwrapTable($, layout);
  }
  root.find('table').each((_, t) => {
    const table = $(t);
    const caption = table.children('caption');
    if (caption.length > 0) {
      table.before($('<p></p>').append(caption.contents()));
      caption.remove();
    }
    table.find('td, th').each((_, cell) => flattenCell($, $(cell)));
    const rows = rowsOf($, t);
    if (rows.length > 0 && $(rows[0]).children('th').length === 0) {
      $(rows[0]).children('td').each((_, td) => {
        (td as Element).tagName = 'th';
      });
    }
  });
}

function rowsOf($: CheerioAPI, table: Element): Element[] {
  return $(table).children('tr').add($(table).children('thead, tbody, tfoot').children('tr')).toArray();
}

function isLayoutTable($: CheerioAPI, table: Element): boolean {
  const t = $(table);
  if (t.find('table, pre').length > 0) return true;
  return t.find('td, th').length <= 1;
}

function unwrapTable($: CheerioAPI, table: Cheerio<Element>): void {
  const blocks = $('<div></div>');
  const caption = table.children('caption');
  if (caption.length > 0) blocks.append($('<p></p>').append(caption.contents()));
  for (const row of rowsOf($, table.get(0) as Element)) {
    $(row)
      .children('td, th')
      .each((_, cell) => {
        blocks.append($('<div></div>').append($(cell).contents()));
      });
  }
  table.replaceWith(blocks);
}

function flattenCell($: CheerioAPI, cell: Cheerio<Element>): void {
  // Most cells hold only text and inline markup: skip the selector work for them.
  if (!cell.children().toArray().some((c) => BLOCK_TAGS.has(c.tagName))) return;
  cell.find('li').each((_, li) => {
    const item = $(li);
    if (item.nextAll('li').length > 0) item.append('; ');
    item.replaceWith(item.contents());
  });
  cell.find(CELL_BLOCKS).each((_, el) => {
    const block = $(el);
    block.after(' ');
    block.replaceWith(block.contents());
  });
}
