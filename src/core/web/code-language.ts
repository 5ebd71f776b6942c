import type { Cheerio } from 'cheerio';
import type { Element } from 'domhandler';

// Highlighters spell the language differently: Prism/highlight.js `language-x` and `lang-x`,
// SyntaxHighlighter `brush: x`, Crayon `lang:x`, GitHub `highlight-source-x`, Enlighter data attributes.
const CLASS_PATTERNS = [/(?:^|\s)(?:language|lang)-([\w+#.-]+)/i, /brush:\s*([\w+#.-]+)/i, /(?:^|\s)lang:([\w+#.-]+)/i, /highlight-(?:source|text)-([\w+#.-]+)/i];
const DATA_ATTRIBUTES = ['data-language', 'data-lang', 'data-enlighter-language'];

/** Language of a `pre` block from its own or its `code` child's classes and data attributes, lower-cased. */
export function findCodeLanguage(pre: Cheerio<Element>): string | undefined {
  const candidates = [pre, pre.children('code').first(), pre.parent()];
  for (const el of candidates) {
    if (el.length === 0) continue;
    for (const name of DATA_ATTRIBUTES) {
      const value = el.attr(name)?.trim();
      if (value) return value.toLowerCase();
    }
    const classes = el.attr('class') ?? '';
    for (const pattern of CLASS_PATTERNS) {
      const match = pattern.exec(classes);
      if (match && !/^(none|plain|text|nohighlight)$/i.test(match[1])) return match[1].toLowerCase();
    }
  }
  return undefined;
}
