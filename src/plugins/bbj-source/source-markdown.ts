import { fenceFor, hasCallpoints, splitCodeSections } from './code-structure.js';

/**
 * Markdown of one program: the header comment as prose, then the code in ```bbj fences. Long
 * programs get one heading and one fence per class, method or label section, so the chunker
 * splits at those boundaries; short ones stay one fence. Barista callpoint files are split at
 * their `[[TABLE.EVENT]]` markers whatever their length: each callpoint is separate code.
 */
export function sourceToMarkdown(text: string, description: string, splitAboveLines: number): string {
  const code = text.replace(/\s+$/, '');
  const parts: string[] = [];
  if (description !== '') parts.push(description);
  const lineCount = code.split('\n').length;
  const sections = lineCount >= splitAboveLines || hasCallpoints(code) ? splitCodeSections(code) : [{ level: 0 as const, title: '', lines: code.split('\n') }];
  for (const s of sections) {
    if (s.level > 0) parts.push(`${'#'.repeat(s.level)} ${s.title}`);
    parts.push(fenced(trimBlankLines(s.lines).join('\n')));
  }
  return parts.join('\n\n');
}

function fenced(body: string): string {
  const fence = fenceFor(body);
  return `${fence}bbj\n${body}\n${fence}`;
}

function trimBlankLines(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a].trim() === '') a++;
  while (b > a && lines[b - 1].trim() === '') b--;
  return lines.slice(a, b);
}
