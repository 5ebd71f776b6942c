import { lifecyclesBySeverity, type Lifecycle } from './vocabulary.js';

const CONDITION_LIFECYCLE: Record<string, Lifecycle> = {
  'Primary.Deprecated': 'deprecated',
  'Primary.Superseded': 'superseded',
  'Primary.NotImplemented': 'not_implemented',
};

/** Title words that mark the whole topic (`BBjGrid::getInterspace (Deprecated)`). */
const TITLE_PATTERNS: ReadonlyArray<readonly [Lifecycle, RegExp]> = [
  ['superseded', /\bsuperseded\b/i],
  ['deprecated', /\bdeprecated\b/i],
  ['not_implemented', /\bnot\s+implemented\b/i],
];

/**
 * Statements in the lead text that the documented thing itself is retired. Only the lead is
 * read: a class card whose tenth method is deprecated is not a deprecated class, and prose
 * like "replaces the deprecated X" does not say this topic is deprecated.
 */
const LEAD_PATTERNS: ReadonlyArray<readonly [Lifecycle, RegExp]> = [
  ['superseded', /\b(?:is|are|has been|have been|was|were)\s+(?:now\s+)?superseded\b|\bsuperseded\s+by\b/i],
  ['deprecated', /\b(?:is|are|has been|have been|was|were)\s+(?:now\s+)?deprecated\b/i],
  ['not_implemented', /\b(?:is|are)\s+not\s+(?:yet\s+)?implemented\b/i],
];

/** Characters of lead text read for lifecycle statements. */
const LEAD_LENGTH = 600;

/** The inputs of lifecycle detection. */
export interface LifecycleInput {
  /** Topic-level Flare conditions. */
  conditions: string[];
  /** Document title. */
  title: string;
  /** Prose outside code fences. */
  prose: string;
}

/** Lifecycle states of a document, most severe first (superseded, deprecated, not implemented). */
export function detectLifecycle(input: LifecycleInput): Lifecycle[] {
  const found = new Set<Lifecycle>();
  for (const c of input.conditions) {
    const hit = CONDITION_LIFECYCLE[c];
    if (hit) found.add(hit);
  }
  for (const [state, pattern] of TITLE_PATTERNS) if (pattern.test(input.title)) found.add(state);
  const lead = leadText(input.prose);
  for (const [state, pattern] of LEAD_PATTERNS) if (pattern.test(lead)) found.add(state);
  return lifecyclesBySeverity(found);
}

/** The text before the first `##` section (the title heading skipped), capped. */
export function leadText(prose: string): string {
  const lines: string[] = [];
  for (const line of prose.split('\n')) {
    if (/^ {0,3}#{2,6}\s/.test(line)) break;
    if (/^ {0,3}#\s/.test(line)) continue;
    lines.push(line);
  }
  return lines.join('\n').slice(0, LEAD_LENGTH);
}
