import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DocumentSchema } from '../../../src/core/contracts/index.js';
import type { DocumentInput } from '../../../src/core/contracts/index.js';
import { codeBlocks, htmlNodes, proseOf } from './markdown-probe.js';

/** Markdown files under a docs tree, found independently of the parser (same default ignores). */
export function countDocFiles(dir: string): number {
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    if (entry.isDirectory()) count += countDocFiles(path.join(dir, entry.name));
    else if (/\.mdx?$/i.test(entry.name)) count++;
  }
  return count;
}

/**
 * What every converted corpus document must satisfy; returns the problems found, so one
 * assertion shows all of them. `root` is the docs directory the keys are relative to.
 */
export function documentProblems(doc: DocumentInput, root: string): string[] {
  const problems: string[] = [];
  const where = doc.key;
  const parsed = DocumentSchema.safeParse(doc);
  if (!parsed.success) problems.push(`${where}: not a valid document: ${parsed.error.message}`);
  const prose = proseOf(doc.content);
  if (/^\s*(import|export)\s/m.test(prose)) problems.push(`${where}: import/export outside code`);
  if (/<\/?[A-Z][A-Za-z]*[\s/>]/.test(prose)) problems.push(`${where}: JSX tag outside code`);
  if (/^:::/m.test(prose)) problems.push(`${where}: admonition fence left`);
  if (htmlNodes(doc.content).length > 0) problems.push(`${where}: raw HTML left: ${htmlNodes(doc.content)[0].slice(0, 60)}`);
  // Every code block of the original page must come out unchanged (value, language, meta).
  const original = codeBlocks(readFileSync(path.join(root, doc.key), 'utf8'));
  const converted = codeBlocks(doc.content).map((c) => JSON.stringify(c));
  for (const block of original) {
    if (!converted.includes(JSON.stringify(block))) problems.push(`${where}: code block changed or lost: ${block.value.slice(0, 60)}`);
  }
  return problems;
}
