import path from 'node:path';
import type { Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { domReadableChars } from '../../plugin-api.js';
import { elementConditions } from './conditions.js';
import { kindOf } from './markdown/classify.js';
import { joinBlocks } from './markdown/block.js';
import { renderFlow } from './markdown/flow.js';
import { finishInline, renderInline } from './markdown/inline.js';
import type { ProjectEnv, RenderEnv, TopicStats } from './markdown/render-env.js';
import { newStats } from './markdown/render-env.js';
import { childElements, findFirst, localName } from './xml-dom.js';

/** A topic converted to Markdown. */
export interface ConvertedTopic {
  /** Title per the reference rules: `head/title`, else the first `h1`, else the file stem. */
  title: string;
  /** First heading of the body (for `[%=System.LinkedHeader%]`). */
  firstHeading: string;
  /** Markdown body. */
  content: string;
  /** Condition tags of the topic root. */
  conditions: string[];
  /** What the conversion observed. */
  stats: TopicStats;
  /** Letters and digits of the body's own text (see `sourceTextChars`). */
  textChars: number;
}

/** Root element of a parsed file (`html`), or undefined for an empty document. */
function rootElement(doc: Document): Element | undefined {
  return childElements(doc).find((e) => localName(e) === 'html') ?? findFirst(doc, 'html') ?? childElements(doc)[0];
}

/** Title and first heading without converting the whole body (for TOC linked titles). */
export function topicTitles(doc: Document, rel: string, project: ProjectEnv): { title: string; firstHeading: string } {
  const env = topicEnv(doc, rel, project);
  return { title: titleOf(doc, rel, env), firstHeading: env.builtins.get('system.linkedheader') ?? '' };
}

/**
 * Converts a parsed topic. Returns a reason instead when the topic has no `body`. The
 * caller checks `conditions` against `exclude_conditions` for whole-topic exclusion.
 */
export function convertTopic(doc: Document, rel: string, project: ProjectEnv): ConvertedTopic | string {
  const root = rootElement(doc);
  const body = root ? findFirst(root, 'body') : undefined;
  if (!root || !body) return 'no <body> element (not an XHTML topic)';
  const env = topicEnv(doc, rel, project);
  const title = titleOf(doc, rel, env);
  const content = joinBlocks(renderFlow(body.children, env));
  return { title, firstHeading: env.builtins.get('system.linkedheader') ?? '', content, conditions: elementConditions(root), stats: env.stats, textChars: sourceTextChars(body, project) };
}

/**
 * Letters and digits of a topic body as a reader sees it, counted on the XHTML itself rather
 * than on the converter's output: elements without text (images, scripts, index keywords) and
 * elements of excluded conditions are left out; snippets and variables count as nothing (their
 * text is added by the converter, so only text lost in conversion or chunking shows).
 */
function sourceTextChars(body: Element, project: ProjectEnv): number {
  const excluded = (el: Element) => elementConditions(el).some((c) => project.excludeConditions.has(c.toLowerCase()));
  // `[%=Set.Name%]` in text is variable syntax, not words.
  return domReadableChars(body.children, (el) => kindOf(el) === 'drop' || excluded(el), (t) => t.replace(/\[%=[^%\]]*%\]/g, ''));
}

function topicEnv(doc: Document, rel: string, project: ProjectEnv): RenderEnv {
  const env: RenderEnv = {
    project,
    file: rel,
    chain: [rel],
    expressions: [],
    overrides: [],
    builtins: new Map(),
    stats: newStats(),
    lists: { lastNumber: 0 },
    sections: { level: 0 },
  };
  const body = findFirst(doc, 'body');
  if (body) {
    // Flare's heading variables (`Heading.Level1`) print the first heading of that level.
    for (let level = 1; level <= 6; level++) {
      const h = findFirst(body, `h${level}`);
      if (h) env.builtins.set(`heading.level${level}`, inlineText(h, { ...env, stats: newStats() }));
    }
    const first = findFirstHeading(body);
    if (first) env.builtins.set('system.linkedheader', inlineText(first, { ...env, stats: newStats() }));
  }
  return env;
}

function titleOf(doc: Document, rel: string, env: RenderEnv): string {
  const head = findFirst(doc, 'head');
  const titleEl = head ? childElements(head).find((e) => localName(e) === 'title') : undefined;
  const scratch = { ...env, stats: newStats() };
  const fromHead = titleEl ? inlineText(titleEl, scratch) : '';
  const title = fromHead || env.builtins.get('heading.level1') || path.posix.basename(rel).replace(/\.[^.]+$/, '').replace(/_/g, ' ');
  env.builtins.set('system.title', title);
  return title;
}

function inlineText(el: Element, env: RenderEnv): string {
  return finishInline(renderInline(el.children, env)).replace(/\s+/g, ' ').replace(/\*\*|`/g, '').trim();
}

function findFirstHeading(el: Element): Element | undefined {
  for (const child of el.children) {
    if (!isTag(child)) continue;
    if (/^h[1-6]$/.test(localName(child))) return child;
    const found = findFirstHeading(child);
    if (found) return found;
  }
  return undefined;
}
