/** One sectioning unit of a Texinfo file: the heading command's title and the plain text under it. */
export interface TexinfoNode {
  title: string;
  text: string;
}

const SECTIONING = /^@(chapter|section|subsection|subsubsection|unnumbered|unnumberedsec|unnumberedsubsec|unnumberedsubsubsec|appendix|appendixsec|appendixsubsec|majorheading|chapheading)\s+(.*)$/;
const DROPPED_BLOCKS = ['ifinfo', 'menu', 'titlepage', 'ifnottex', 'iftex', 'macro', 'tex', 'ignore'];

/** Removes Texinfo markup (`@code{X}` -> `X`, `@@` -> `@`), keeping the words a reader sees. */
export function plainTexinfo(s: string): string {
  let out = s.replace(/@(?:xref|pxref|ref)\{([^{},]*)[^{}]*\}/g, '$1');
  for (let i = 0; i < 5; i++) out = out.replace(/@[a-zA-Z]+\{([^{}]*)\}/g, '$1');
  return out.replace(/@[a-zA-Z]+\b/g, ' ').replace(/@([@{}])/g, '$1').replace(/``|''/g, '"');
}

/**
 * Splits a Texinfo source at its sectioning commands, in order. Index entries, comments,
 * Info-only blocks (`@ifinfo`, `@menu`) and other command lines are dropped, because they
 * do not appear in the printed text.
 */
export function texinfoNodes(source: string): TexinfoNode[] {
  const nodes: TexinfoNode[] = [];
  let skipping: string | undefined;
  for (const line of source.split('\n')) {
    if (skipping) {
      if (line.trim() === `@end ${skipping}`) skipping = undefined;
      continue;
    }
    const block = /^@(\w+)\s*$/.exec(line.trim())?.[1];
    if (block && DROPPED_BLOCKS.includes(block)) {
      skipping = block;
      continue;
    }
    const heading = SECTIONING.exec(line);
    if (heading) {
      nodes.push({ title: plainTexinfo(heading[2]).trim(), text: '' });
      continue;
    }
    if (/^@(?:c|comment|node|\w*index|printindex|end|page|example|smallexample|enumerate|itemize|table|sp|group|noindent|set\w*|\w+index)\b/.test(line.trim()) || /^@c\s/.test(line)) continue;
    if (nodes.length > 0) nodes[nodes.length - 1].text += `${plainTexinfo(line.replace(/^@item\s*/, ''))}\n`;
  }
  return nodes;
}

/** Word trigrams (lower-case letters and digits), the unit the matching measure counts. */
export function trigrams(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Share of `part`'s trigrams that occur in `whole` (1 = all of them). */
export function containment(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0;
  let hits = 0;
  for (const g of part) if (whole.has(g)) hits++;
  return hits / part.size;
}
