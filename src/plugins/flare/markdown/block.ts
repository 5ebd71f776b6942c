/** One Markdown block produced by the converter. */
export interface Block {
  /** What the block is; tables and code are flattened differently inside table cells. */
  kind: 'text' | 'heading' | 'code' | 'list' | 'table' | 'quote' | 'rule';
  /** The block's Markdown. */
  md: string;
  /** Code and language of a code block. */
  code?: { lang: string; text: string; mergeable?: boolean };
  /** Cell texts of a table block, header row first. */
  rows?: string[][];
}

/** A fenced code block whose fence is longer than any backtick run in the code. */
export function fence(text: string, lang: string): string {
  const longest = Math.max(2, ...(text.match(/`{3,}/g) ?? []).map((r) => r.length));
  const marks = '`'.repeat(longest + 1);
  return `${marks}${lang}\n${text}\n${marks}`;
}

/** A code block. */
export function codeBlock(raw: string, lang: string, mergeable = false): Block {
  // Flare files written on Windows carry `\r\n` inside `pre`; chunks use `\n` only.
  const text = raw.replace(/\r\n?/g, '\n');
  return { kind: 'code', md: fence(text, lang), code: { lang, text, mergeable } };
}

/** Joins blocks into a Markdown document (blank line between blocks). */
export function joinBlocks(blocks: Block[]): string {
  return blocks
    .map((b) => b.md)
    .filter((md) => md.trim())
    .join('\n\n');
}

/** Escapes characters that would turn the start of a text line into Markdown structure. */
export function escapeLineStarts(text: string): string {
  return text.replace(/^([ \t]*)(#{1,6}(?=\s|$)|>|[-+*](?=\s)|\d{1,9}(?=[.)]\s)|={3,}|-{3,})/gm, (_m, lead: string, mark: string) => {
    if (/^\d/.test(mark)) return `${lead}${mark}\\`;
    return `${lead}\\${mark}`;
  });
}
