import { createRequire } from 'node:module';
import * as cheerio from 'cheerio';
import TurndownService from 'turndown';
import { domReadableChars } from '../../plugin-api.js';

const require = createRequire(import.meta.url);
// The GFM plugin ships CommonJS without type declarations.
const { tables, strikethrough } = require('@joplin/turndown-plugin-gfm') as { tables: TurndownService.Plugin; strikethrough: TurndownService.Plugin };

/** A `docu` string turned into Markdown, with the `[Docs](...)` links it carried. */
export interface ConvertedDocu {
  /** Markdown text (may be empty). */
  markdown: string;
  /** URLs of the `[Docs](...)` links, in order. */
  docLinks: string[];
  /** Letters and digits of the text kept for conversion (page furniture removed), counted on the HTML. */
  textChars: number;
}

const DOCS_LINK = /\[Docs\]\((https?:\/\/[^)\s]+)\)/g;
/** Page furniture of whole help pages pasted into some `docu` strings. */
const REMOVE = 'head, title, meta, link, script, style, noscript, nav, aside, form, button, input, img, iframe, [data-mc-ignore], .nocontent, MadCap\\:concept, MadCap\\:keyword, MadCap\\:pageFooter';

const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' });
turndown.use([tables, strikethrough]);
// Relative help links point nowhere outside the help site; their text is what matters.
turndown.addRule('plainLinks', { filter: 'a', replacement: (content) => content });
// Only block markers at a line start need escaping; `p_controlID` must stay readable.
turndown.escape = (text: string) => text.replace(/^(\s*)([#>+-]|\d+\.)(\s)/gm, '$1\\$2$3');

/**
 * Converts one `docu` string (an HTML fragment, a whole help page, or a raw Java doc comment)
 * to Markdown: entities decoded, page furniture dropped, headings demoted to bold text so the
 * card's own `##`/`###` structure stays the only heading structure.
 */
export function docuToMarkdown(docu: string | undefined): ConvertedDocu {
  if (!docu || docu.trim() === '') return { markdown: '', docLinks: [], textChars: 0 };
  const docLinks = [...docu.matchAll(DOCS_LINK)].map((m) => m[1]);
  let html = docu.replace(DOCS_LINK, ' ');
  if (/^\s*\/\*\*/.test(html)) html = javaCommentToHtml(html);
  const $ = cheerio.load(html, null, false);
  const main = $('#mc-main-content');
  const root = main.length > 0 ? cheerio.load(main.html() ?? '', null, false) : $;
  root(REMOVE).remove();
  const textChars = domReadableChars(root.root().toArray());
  root('h1, h2, h3, h4, h5, h6').each((_, el) => {
    root(el).replaceWith(`<p><strong>${root(el).text().trim()}</strong></p>`);
  });
  const markdown = turndown
    .turndown(root.html() ?? '')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { markdown, docLinks, textChars };
}

/** A raw `/** ... *\/` comment (java.util data) as HTML: markers stripped, inline tags as code, block tags as lines. */
function javaCommentToHtml(comment: string): string {
  return comment
    .replace(/^\s*\/\*\*|\*\/\s*$/g, '')
    .replace(/^[ \t]*\*[ \t]?/gm, '')
    .replace(/\{@(?:code|link|linkplain|literal)\s+([^}]*)\}/g, (_, t: string) => `<code>${escapeHtml(t.trim())}</code>`)
    .replace(/\{@docRoot\}/g, '')
    .replace(/^@(param|throws|exception|see)\b\s*(<[^>]+>|\S+)/gm, (_, tag: string, arg: string) => `<br><b>@${tag}</b> <code>${escapeHtml(arg)}</code>`)
    .replace(/^@(\w+)\b/gm, (_, tag: string) => `<br><b>@${tag}</b>`);
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
