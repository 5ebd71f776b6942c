import type { AnyNode, Element } from 'domhandler';
import { isCDATA, isTag, isText } from 'domhandler';
import { attr, classTokens, isMadCap, localName } from '../xml-dom.js';
import { kindOf } from './classify.js';
import type { RenderEnv } from './render-env.js';
import { DATE_VARIABLE, keepElement, lookupVariable } from './render-env.js';
import { withSnippet } from './snippet-expand.js';
import { expandInlineRefs } from './inline.js';

/** Text of a code element with whitespace kept, variables and snippets resolved, conditions applied. */
export function codeText(nodes: AnyNode[], env: RenderEnv): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += (node.data.includes('[%=') ? expandInlineRefs(node.data, env) : node.data).replace(/\u00a0/g, ' ');
    else if (isCDATA(node)) out += codeText(node.children, env);
    else if (isTag(node)) out += codeElement(node, env);
  }
  return out;
}

function codeElement(el: Element, env: RenderEnv): string {
  if (!keepElement(el, env)) return '';
  const name = localName(el);
  if (name === 'br') return '\n';
  if (isMadCap(el) && name === 'variable') {
    const varName = attr(el, 'name') ?? '';
    const value = lookupVariable(varName, env);
    if (value === undefined) env.stats.unresolvedVariables.add(varName);
    return value === undefined ? codeText(el.children, env) : value.split(DATE_VARIABLE).join('');
  }
  if (isMadCap(el) && (name === 'snippettext' || name === 'snippetblock')) {
    return withSnippet(el, env, (body, inner) => codeText(body.children, inner).trim()) ?? '';
  }
  if (kindOf(el) === 'drop') return '';
  const text = codeText(el.children, env);
  // A paragraph or div inside a code block is a line of its own.
  return ['p', 'div', 'li', 'tr'].includes(name) && !text.endsWith('\n') ? `${text}\n` : text;
}

/** Cleans code text: drops leading blank lines and trailing whitespace, removes indentation common to every line. */
export function tidyCode(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/^\s*\n/, '')
    .replace(/\s+$/, '')
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, ''));
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0] ?? '');
  if (indents.length === 0) return '';
  let common = indents[0];
  for (const ind of indents) while (!ind.startsWith(common)) common = common.slice(0, -1);
  return common ? lines.map((l) => l.slice(Math.min(common.length, l.length - l.trimStart().length))).join('\n') : lines.join('\n');
}

/** Language of a `pre`/`code`: a `language-x`/`lang-x` class, or Flare's `mc-code-lang` style. */
export function codeLanguage(...els: (Element | undefined)[]): string {
  for (const el of els) {
    if (!el) continue;
    for (const token of classTokens(el)) {
      const m = /^(?:language|lang)-(.+)$/i.exec(token);
      if (m) return m[1].toLowerCase();
    }
    const style = /mc-code-lang\s*:\s*([^;]+)/i.exec(attr(el, 'style') ?? '');
    if (style) {
      const lang = style[1].trim().toLowerCase().replace(/\s+/g, '-');
      return lang === 'plain-text' || lang === 'text' ? '' : lang;
    }
  }
  return '';
}
