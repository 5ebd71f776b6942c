import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isTag } from 'domhandler';
import { decodeFlareBytes } from './decode.js';
import { attr, localName, parseFlareXml, rawText } from './xml-dom.js';

/** Variable values keyed by lower-cased `Set.Name`. */
export type VariableTable = Map<string, string>;

/**
 * Reads every `.flvar` set of `Project/VariableSets`. The value is the element text (the
 * definition); `EvaluatedDefinition` wins when present because it is what Flare prints for
 * date and other computed variables. A missing folder gives an empty table.
 */
export async function loadVariables(dir: string | undefined, warn: (msg: string) => void): Promise<VariableTable> {
  const table: VariableTable = new Map();
  if (!dir) return table;
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith('.flvar')).sort();
  for (const name of names) {
    const file = path.join(dir, name);
    const decoded = decodeFlareBytes(await readFile(file));
    if (!decoded) {
      warn(`variable set ${file} is not text; ignored`);
      continue;
    }
    const set = name.slice(0, -'.flvar'.length);
    const visit = (nodes: ReturnType<typeof parseFlareXml>['children']): void => {
      for (const node of nodes) {
        if (!isTag(node)) continue;
        if (localName(node) === 'variable') {
          const varName = attr(node, 'Name')?.trim();
          if (varName) table.set(`${set}.${varName}`.toLowerCase(), attr(node, 'EvaluatedDefinition') ?? rawText(node));
        }
        visit(node.children);
      }
    };
    visit(parseFlareXml(decoded.text).children);
  }
  return table;
}

/** Replaces `[%=Set.Name%]` references in a string (TOC titles); unknown names stay as written. */
export function expandVariableRefs(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(/\[%=\s*([^%\]]+?)\s*%\]/g, (whole, name: string) => lookup(name) ?? whole);
}

/** Parses `MadCap:snippetVariables` (`Set.A:value,;Set.B:other,`) into overrides. */
export function parseSnippetVariables(value: string | undefined): Map<string, string> {
  const overrides = new Map<string, string>();
  if (!value) return overrides;
  for (const entry of value.split(';')) {
    const colon = entry.indexOf(':');
    if (colon <= 0) continue;
    const name = entry.slice(0, colon).trim().toLowerCase();
    overrides.set(name, entry.slice(colon + 1).replace(/,\s*$/, ''));
  }
  return overrides;
}
