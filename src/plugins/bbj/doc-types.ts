import type { MarkdownParts } from './markdown-scan.js';
import { isDocType, type DocType } from './vocabulary.js';

/** One classification rule of reference §4.3. */
interface DocTypeRule {
  type: DocType;
  required: string[];
  optional: string[];
  paths: string[];
  content: RegExp[];
  minScore: number;
}

/**
 * Rules in evaluation order (reference §4.3). Changes from the reference: `Version History`
 * is not a version-note heading, because BASIS help topics end with a Version History section
 * and the reference turned every such topic without a Syntax heading into a version note; and
 * the object-method trees `gridmethods/` (BBjGrid) and `bui/` (BBjBui* objects) count as API
 * paths like `bbjobjects/`, so their method topics are API reference, not language reference.
 */
export const DOC_TYPE_RULES: readonly DocTypeRule[] = [
  { type: 'api-reference', required: ['Description', 'Syntax'], optional: ['Parameters', 'Return Value', 'Example', 'Remarks'], paths: ['bbjobjects/', 'bbjinterfaces/', 'bbjevents/', 'gridmethods/', 'bui/', 'API/'], content: [], minScore: 0.5 },
  { type: 'version-note', required: [], optional: ["What's New", 'Release Notes', 'Changes'], paths: ['release', 'whatsnew', 'version'], content: [/version\s+\d+\.\d+/i], minScore: 0.15 },
  { type: 'migration', required: [], optional: ['BBj-Specific Information', 'Converting', 'Migration', 'Migrating'], paths: [], content: [/migrat/i, /convert.*\bfrom\b/i, /bbj-specific/i], minScore: 0.15 },
  { type: 'example', required: [], optional: ['Example', 'Sample', 'Tutorial'], paths: ['sample', 'example', 'tutorial', 'demo'], content: [/step\s*\d/i, /tutorial/i], minScore: 0.15 },
  { type: 'best-practice', required: [], optional: ['Best Practice', 'Recommendation', 'Guidelines', 'Tips'], paths: [], content: [/best\s*practice/i, /recommend/i, /guideline/i], minScore: 0.15 },
  { type: 'language-reference', required: ['Syntax'], optional: ['Examples', 'Description'], paths: ['commands/', 'events/', 'sendmsg/', 'mnemonic/'], content: [], minScore: 0.5 },
];

/** Parser labels and spellings outside the vocabulary, mapped to a type; anything else is reclassified. */
const ALIASES: Record<string, DocType> = {
  api_reference: 'api-reference',
  api: 'api-reference',
  reference: 'api-reference',
  language_reference: 'language-reference',
  best_practice: 'best-practice',
  version_note: 'version-note',
  release_notes: 'version-note',
  'release-notes': 'version-note',
  examples: 'example',
  sample: 'example',
  tutorials: 'tutorial',
  articles: 'article',
  blog: 'article',
};

/** A parser's docType in the vocabulary, or its mapped spelling; undefined when it must be classified (`flare`, `web_crawl`, ''). */
export function normalizeDocType(value: string): DocType | undefined {
  const v = value.trim().toLowerCase();
  if (isDocType(v)) return v;
  return ALIASES[v] ?? ALIASES[v.replace(/[\s-]+/g, '_')];
}

/** The result of classification, with the rule that decided. */
export interface DocTypeResult {
  /** Chosen type. */
  type: DocType;
  /** Score of the winning rule (0 for the concept default). */
  score: number;
  /** Rule name (`code-dominant`, the type, or `default`). */
  rule: string;
}

/** Share of prose characters under which a document with code is an example (a source file, a sample). */
const CODE_DOMINANT_PROSE_SHARE = 0.2;

/** Classifies a document by its headings (outside code), topic path and prose (reference §4.3 scoring). */
export function classifyDocType(parts: MarkdownParts, topicPath: string): DocTypeResult {
  const codeChars = parts.code.reduce((n, c) => n + c.text.trim().length, 0);
  const proseChars = parts.prose.replace(/^ {0,3}#{1,6}\s.*$/gm, '').replace(/\s+/g, '').length;
  if (codeChars > 0 && proseChars < CODE_DOMINANT_PROSE_SHARE * (codeChars + proseChars)) {
    return { type: 'example', score: 1, rule: 'code-dominant' };
  }
  const headings = new Set(parts.headings);
  let best: DocTypeResult = { type: 'concept', score: 0, rule: 'default' };
  for (const rule of DOC_TYPE_RULES) {
    const score = scoreRule(rule, headings, topicPath, parts.prose);
    if (score > best.score && score >= rule.minScore) best = { type: rule.type, score, rule: rule.type };
  }
  // Nothing else fired and there is at least as much code as prose: a program with a long
  // header comment (the comment is both the description and part of the code) is still code.
  if (best.rule === 'default' && codeChars > 0 && codeChars >= proseChars) return { type: 'example', score: 0.15, rule: 'code-heavy' };
  return best;
}

function scoreRule(rule: DocTypeRule, headings: Set<string>, topicPath: string, prose: string): number {
  if (rule.required.some((h) => !headings.has(h))) return 0;
  let score = rule.required.length > 0 ? 0.4 : 0;
  score += Math.min(0.45, 0.15 * rule.optional.filter((h) => headings.has(h)).length);
  if (topicPath !== '' && rule.paths.some((p) => topicPath.includes(p))) score += 0.2;
  if (rule.content.some((re) => re.test(prose))) score += 0.15;
  if (rule.type === 'api-reference' && headings.has('Syntax') && (headings.has('Parameters') || headings.has('Return Value'))) score += 0.2;
  return Math.round(score * 1000) / 1000;
}
