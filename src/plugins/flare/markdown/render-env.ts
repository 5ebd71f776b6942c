import type { Element } from 'domhandler';
import type { TagExpression } from '../conditions.js';
import { elementConditions, passesExpression } from '../conditions.js';
import type { SnippetStore } from '../snippets.js';
import type { VariableTable } from '../variables.js';

/** Project-wide inputs of the converter. */
export interface ProjectEnv {
  /** Variable sets of the project. */
  variables: VariableTable;
  /** Lower-cased condition tags whose content is removed. */
  excludeConditions: Set<string>;
  /** Snippet resolver and cache. */
  snippets: SnippetStore;
  /** Turns a Content-relative topic path into a clickable URL, when a display base is configured. */
  topicUrl?: (rel: string) => string;
}

/** What one topic's conversion observed, for metadata and reports. */
export interface TopicStats {
  /** Condition tags found on elements below the topic root. */
  inlineConditions: Set<string>;
  /** Snippet references that could not be resolved, with the reason. */
  unresolvedSnippets: string[];
  /** Snippet files resolved (each reference counted). */
  snippetsResolved: number;
  /** Variables with no value in any set. */
  unresolvedVariables: Set<string>;
  /** Elements removed by `exclude_conditions` or a snippet's tag expression. */
  excludedElements: number;
}

/** State of a walk: which file is walked and which snippet context applies. */
export interface RenderEnv {
  /** Project-wide inputs. */
  project: ProjectEnv;
  /** Content-relative path of the file the current nodes come from (topic or snippet). */
  file: string;
  /** Snippet files being expanded, outermost first (cycle detection). */
  chain: string[];
  /** Tag expressions of the snippets being expanded. */
  expressions: TagExpression[];
  /** Variable overrides of the snippets being expanded, innermost last. */
  overrides: Map<string, string>[];
  /** First heading text per level (`Heading.Level1`) and the topic title (`System.Title`). */
  builtins: Map<string, string>;
  /** Statistics of the topic. */
  stats: TopicStats;
  /** Last number of the previous ordered list, for `MadCap:continue`. */
  lists: { lastNumber: number };
  /** Level of the last real heading (`h1`-`h6`) written; drop-down and toggler heads go one below it. */
  sections: { level: number };
  /** Levels added to headings inside a drop-down body, so they stay below the drop-down's head. */
  headingShift?: number;
  /** True inside list items and table cells, where a Markdown heading cannot stand. */
  nested?: boolean;
}

/**
 * Stands for a date or time system variable (`System.ShortDate`) in inline text. Flare prints
 * the build date there; a fixed date would be stale and today's date would change every
 * topic on every run, so the value is removed, and a short line that only labels it with it.
 */
export const DATE_VARIABLE = '\u0002';

/** Flare's date and time system variables. */
export function isDateVariable(name: string): boolean {
  return /^system\.(short|long|current)?(date|time)$/i.test(name.trim());
}

/** Fresh statistics. */
export function newStats(): TopicStats {
  return { inlineConditions: new Set(), unresolvedSnippets: [], snippetsResolved: 0, unresolvedVariables: new Set(), excludedElements: 0 };
}

/** Records an element's conditions and tells whether its content stays. */
export function keepElement(el: Element, env: RenderEnv): boolean {
  const conditions = elementConditions(el);
  if (conditions.length === 0) return true;
  for (const c of conditions) env.stats.inlineConditions.add(c);
  const excluded =
    conditions.some((c) => env.project.excludeConditions.has(c.toLowerCase())) ||
    env.expressions.some((expr) => !passesExpression(conditions, expr));
  if (excluded) env.stats.excludedElements++;
  return !excluded;
}

/** Value of a Flare variable (`Set.Name`) in the current snippet context, or undefined. */
export function lookupVariable(name: string, env: RenderEnv): string | undefined {
  const key = name.trim().toLowerCase();
  if (isDateVariable(key)) return DATE_VARIABLE;
  for (let i = env.overrides.length - 1; i >= 0; i--) {
    const v = env.overrides[i].get(key);
    if (v !== undefined) return v;
  }
  return env.builtins.get(key) ?? env.project.variables.get(key);
}
