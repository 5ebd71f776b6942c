import { HIGHLIGHT_START, HIGHLIGHT_STOP } from './search-sql.js';
import type { Snippet } from './search-types.js';

/** Turns `ts_headline` output (matches between marker characters) into text plus highlight offsets. */
export function parseHeadline(headline: string): Snippet {
  const flat = headline.replace(/\s+/g, ' ').trim();
  const highlights: Array<[number, number]> = [];
  let text = '';
  let start = -1;
  for (const ch of flat) {
    if (ch === HIGHLIGHT_START) start = text.length;
    else if (ch === HIGHLIGHT_STOP) {
      if (start >= 0 && text.length > start) highlights.push([start, text.length]);
      start = -1;
    } else text += ch;
  }
  return { text, highlights };
}

/** Writes a snippet with each highlight wrapped by `open` and `close`. */
export function renderSnippet(snippet: Snippet, open: string, close: string): string {
  let out = '';
  let at = 0;
  for (const [s, e] of snippet.highlights) {
    out += snippet.text.slice(at, s) + open + snippet.text.slice(s, e) + close;
    at = e;
  }
  return out + snippet.text.slice(at);
}
