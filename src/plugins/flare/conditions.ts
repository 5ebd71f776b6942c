import type { Element } from 'domhandler';
import { attr } from './xml-dom.js';

/** Condition tags on an element (`MadCap:conditions="Primary.BASISHelp, Primary.Deprecated"`). */
export function elementConditions(el: Element): string[] {
  return splitConditions(attr(el, 'MadCap:conditions'));
}

/** Splits a comma-separated condition list, trimmed, blanks dropped. */
export function splitConditions(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
}

/**
 * A snippet's `MadCap:conditionTagExpression` (`include[a.x or a.y] exclude[b.z]`), which
 * picks the variant of a shared snippet a topic wants. Tags of condition sets the expression
 * does not mention are neutral, so unrelated conditional text is never dropped by it.
 */
export interface TagExpression {
  /** `include[...]` part, if any. */
  include?: BoolExpr;
  /** `exclude[...]` part, if any. */
  exclude?: BoolExpr;
  /** Condition sets (prefix before the dot) the expression speaks about. */
  sets: Set<string>;
}

type BoolExpr = { tag: string } | { not: BoolExpr } | { and: BoolExpr[] } | { or: BoolExpr[] };

/** Parses a condition tag expression; undefined when empty or unreadable. */
export function parseTagExpression(value: string | undefined): TagExpression | undefined {
  if (!value?.trim()) return undefined;
  const sets = new Set<string>();
  const part = (name: string): BoolExpr | undefined => {
    const m = new RegExp(`${name}\\s*\\[([^\\]]*)\\]`, 'i').exec(value);
    if (!m?.[1]?.trim()) return undefined;
    const tokens = m[1].match(/\(|\)|[^\s()]+/g) ?? [];
    for (const t of tokens) if (t.includes('.')) sets.add(setOf(t));
    return parseOr(tokens, { i: 0 });
  };
  const include = part('include');
  const exclude = part('exclude');
  if (!include && !exclude) return undefined;
  return { include, exclude, sets };
}

function setOf(tag: string): string {
  return tag.slice(0, tag.indexOf('.')).toLowerCase();
}

function parseOr(tokens: string[], pos: { i: number }): BoolExpr {
  const items = [parseAnd(tokens, pos)];
  while (tokens[pos.i]?.toLowerCase() === 'or' || tokens[pos.i] === ',') {
    pos.i++;
    items.push(parseAnd(tokens, pos));
  }
  return items.length === 1 ? items[0] : { or: items };
}

function parseAnd(tokens: string[], pos: { i: number }): BoolExpr {
  const items = [parseNot(tokens, pos)];
  while (tokens[pos.i]?.toLowerCase() === 'and') {
    pos.i++;
    items.push(parseNot(tokens, pos));
  }
  return items.length === 1 ? items[0] : { and: items };
}

function parseNot(tokens: string[], pos: { i: number }): BoolExpr {
  const t = tokens[pos.i++] ?? '';
  if (t.toLowerCase() === 'not') return { not: parseNot(tokens, pos) };
  if (t === '(') {
    const inner = parseOr(tokens, pos);
    if (tokens[pos.i] === ')') pos.i++;
    return inner;
  }
  return { tag: t.toLowerCase() };
}

function evaluate(expr: BoolExpr, tags: Set<string>): boolean {
  if ('tag' in expr) return tags.has(expr.tag);
  if ('not' in expr) return !evaluate(expr.not, tags);
  if ('and' in expr) return expr.and.every((e) => evaluate(e, tags));
  return expr.or.some((e) => evaluate(e, tags));
}

/** Whether content carrying these conditions survives a snippet's tag expression. */
export function passesExpression(conditions: string[], expr: TagExpression): boolean {
  const relevant = conditions.filter((c) => c.includes('.') && expr.sets.has(setOf(c)));
  if (relevant.length === 0) return true;
  const tags = new Set(relevant.map((c) => c.toLowerCase()));
  if (expr.exclude && evaluate(expr.exclude, tags)) return false;
  if (expr.include && !evaluate(expr.include, tags)) return false;
  return true;
}
