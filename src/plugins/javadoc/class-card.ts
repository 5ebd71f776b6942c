import { docuToMarkdown as convertDocu, type ConvertedDocu } from './docu-markdown.js';
import { paramList, type JavadocClass, type JavadocMember } from './javadoc-json.js';
import { firstSentence } from './sentences.js';
import { readableChars } from '../../plugin-api.js';

/** A class rendered as one Markdown document. */
export interface ClassCard {
  /** Markdown: description, package line, fields, constructors, a method summary, then one `###` section per method. */
  markdown: string;
  /** The class's help page (first `[Docs](...)` link of its description), or ''. */
  docUrl: string;
  /** Methods in the JSON (overloads counted, constructors not). */
  methodCount: number;
  /** Constructors (from `constructors` and `<init>` methods). */
  constructorCount: number;
  /**
   * Letters and digits of the class's JSON text: names, parameters and descriptions, a
   * description shared by overloads once (the card prints it once per group).
   */
  textChars: number;
}

const HELP_HOST = 'https://documentation.basis.cloud/';

// Overloads repeat one description many times (BBjWindow has 654 methods); convert each text once.
const cache = new Map<string, ConvertedDocu>();
function docuToMarkdown(docu: string): ConvertedDocu {
  let hit = cache.get(docu);
  if (!hit) {
    if (cache.size > 2000) cache.clear();
    hit = convertDocu(docu);
    cache.set(docu, hit);
  }
  return hit;
}

/** Renders a class card. Overloads sharing one description are grouped under one heading. */
export function renderClassCard(cls: JavadocClass, pkg: string): ClassCard {
  const desc = docuToMarkdown(cls.docu);
  const docUrl = desc.docLinks.find((u) => u.startsWith(HELP_HOST)) ?? desc.docLinks[0] ?? '';
  const ctors = [...cls.constructors, ...cls.methods.filter((m) => m.name === '<init>').map((m) => ({ ...m, name: cls.name }))];
  const methods = cls.methods.filter((m) => m.name !== '<init>' && m.name.trim() !== '');
  const out: string[] = [];
  if (desc.markdown !== '') out.push(desc.markdown);
  out.push([`**Package:** ${pkg}`, docUrl ? `**Documentation:** ${docUrl}` : ''].filter(Boolean).join('  \n'));
  if (cls.fields.length > 0) {
    out.push('## Fields');
    out.push(cls.fields.map((f) => `- \`${f.name}\`${inline(f.docu)}`).join('\n'));
  }
  if (ctors.length > 0) {
    out.push('## Constructors');
    out.push(...memberSections(groupOverloads(ctors), 'Undocumented constructors'));
  }
  if (methods.length > 0) {
    const groups = groupOverloads(methods);
    out.push('## Method summary');
    out.push(summaryList(groups));
    out.push('## Methods');
    out.push(...memberSections(groups, 'Undocumented methods'));
  }
  return { markdown: out.join('\n\n'), docUrl, methodCount: methods.length, constructorCount: ctors.length, textChars: classTextChars(cls, ctors, methods) };
}

function classTextChars(cls: JavadocClass, ctors: JavadocMember[], methods: JavadocMember[]): number {
  let n = readableChars(cls.name) + docuToMarkdown(cls.docu).textChars;
  for (const f of cls.fields) n += readableChars(f.name) + docuToMarkdown(f.docu).textChars;
  const descriptions = new Set<string>();
  for (const m of [...ctors, ...methods]) {
    n += readableChars(`${m.name} ${paramList(m)}`);
    const key = `${m.name}\u0000${m.docu.trim()}`;
    if (descriptions.has(key)) continue;
    descriptions.add(key);
    n += docuToMarkdown(m.docu).textChars;
  }
  return n;
}

/** Overloads with the same name and the same description, in first-seen order. */
function groupOverloads(members: JavadocMember[]): JavadocMember[][] {
  const groups = new Map<string, JavadocMember[]>();
  for (const m of members) {
    const key = `${m.name}\u0000${m.docu.trim()}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  return [...groups.values()];
}

/** One line per method name: its overload count and the first sentence of its description. */
function summaryList(groups: JavadocMember[][]): string {
  const byName = new Map<string, { count: number; summary: string }>();
  for (const g of groups) {
    const entry = byName.get(g[0].name) ?? { count: 0, summary: '' };
    entry.count += g.length;
    if (entry.summary === '') entry.summary = firstSentence(plain(docuToMarkdown(g[0].docu).markdown));
    byName.set(g[0].name, entry);
  }
  return [...byName]
    .map(([name, e]) => `- \`${name}\`${e.count > 1 ? ` (${e.count} overloads)` : ''}${e.summary ? ` - ${e.summary}` : ''}`)
    .join('\n');
}

/**
 * One `###` section per documented member, then the undocumented ones as a single list:
 * a member with nothing but its signature would otherwise be a heading with no body, and
 * many of them in a row a chunk of bare headings.
 */
function memberSections(groups: JavadocMember[][], undocumentedTitle: string): string[] {
  const documented = groups.filter((g) => hasDocs(g[0].docu));
  const bare = groups.filter((g) => !hasDocs(g[0].docu)).flat();
  const out = documented.map(memberSection);
  if (bare.length > 0) out.push(`### ${undocumentedTitle}`, bare.map((m) => `- \`${m.name}(${paramList(m)})\``).join('\n'));
  return out;
}

function hasDocs(docu: string): boolean {
  const converted = docuToMarkdown(docu);
  return converted.markdown !== '' || converted.docLinks.length > 0;
}

/** `### name(params)` (or `### name` with a signature list for grouped overloads), the full description and its help link. */
function memberSection(group: JavadocMember[]): string {
  const signatures = group.map((m) => `${m.name}(${paramList(m)})`);
  const desc = docuToMarkdown(group[0].docu);
  const parts = group.length === 1 ? [`### ${signatures[0]}`] : [`### ${group[0].name}`, signatures.map((s) => `- \`${s}\``).join('\n')];
  if (desc.markdown !== '') parts.push(desc.markdown);
  if (desc.docLinks.length > 0) parts.push(`Documentation: ${desc.docLinks[0]}`);
  return parts.join('\n\n');
}

function inline(docu: string): string {
  const text = plain(docuToMarkdown(docu).markdown);
  return text ? ` - ${text}` : '';
}

/** Markdown reduced to one line of text for summaries. */
function plain(markdown: string): string {
  return markdown.replace(/\*\*|`/g, '').replace(/\s+/g, ' ').trim();
}
