import type { AnyNode, Element } from 'domhandler';
import { isCDATA, isTag, isText } from 'domhandler';
import { childElements, hasClass, isMadCap, localName } from '../xml-dom.js';
import type { Block } from './block.js';
import { codeBlock, escapeLineStarts, fence } from './block.js';
import { EMBEDS_AS_TEXT, kindOf } from './classify.js';
import { codeLanguage, codeText, tidyCode } from './code.js';
import { finishInline, renderInline } from './inline.js';
import { renderList } from './lists.js';
import type { RenderEnv } from './render-env.js';
import { DATE_VARIABLE, keepElement } from './render-env.js';
import { withSnippet } from './snippet-expand.js';
import { renderTable } from './tables.js';

/**
 * Converts a node list to Markdown blocks. Runs of text and inline elements become
 * paragraphs, so text written directly inside a container and text after a child element
 * (the reference lost both) is kept in document order.
 */
export function renderFlow(nodes: AnyNode[], env: RenderEnv): Block[] {
  const blocks: Block[] = [];
  let run: AnyNode[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const raw = renderInline(run, env);
    const text = finishInline(raw);
    // `Last updated: [%=System.ShortDate%]` says nothing once the date is gone.
    const labelOnly = raw.includes(DATE_VARIABLE) && text.replace(/[\W_]+/g, ' ').trim().length <= 60;
    if (text && !labelOnly) blocks.push({ kind: 'text', md: escapeLineStarts(text) });
    run = [];
  };
  for (const node of nodes) {
    if (isText(node) || isCDATA(node)) run.push(node);
    else if (isTag(node)) {
      const kind = kindOf(node);
      // An image in running text reads as its alt text, or at least as a word break.
      if (kind === 'inline' || EMBEDS_AS_TEXT.has(localName(node))) run.push(node);
      else if (kind === 'block' && keepElement(node, env)) {
        flush();
        blocks.push(...renderBlock(node, env));
      }
    }
  }
  flush();
  return mergeCodeLines(blocks);
}

/** Converts one block element. */
export function renderBlock(el: Element, env: RenderEnv): Block[] {
  const name = localName(el);
  if (isMadCap(el)) return madcapBlock(el, name, env);
  switch (name) {
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const text = finishInline(renderInline(el.children, env)).replace(/\n/g, ' ');
      if (!text) return [];
      const level = Math.min(6, Number(name[1]) + (env.headingShift ?? 0));
      env.sections.level = level;
      return [heading(level, text)];
    }
    case 'p': {
      const toggler = togglerHead(el, env);
      if (toggler) return toggler;
      // BBj help writes code listings as one `p class="Code"` per line.
      if (/code/i.test(el.attribs.class ?? '') && !/code_table/i.test(el.attribs.class ?? '')) {
        // Indentation is kept per line here and made common after the lines are joined.
        const text = codeText(el.children, env).replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
        return text.trim() ? [codeBlock(text, '', true)] : [];
      }
      return renderFlow(el.children, env);
    }
    case 'pre': {
      const code = childElements(el).find((c) => localName(c) === 'code');
      const text = tidyCode(codeText(el.children, env));
      return text ? [codeBlock(text, codeLanguage(code, el))] : [];
    }
    case 'ul':
    case 'ol':
      return renderList(el, name === 'ol', env);
    case 'table':
      return renderTable(el, env);
    case 'blockquote': {
      const inner = renderFlow(el.children, env).map((b) => b.md).join('\n\n');
      return inner ? [{ kind: 'quote', md: inner.replace(/^/gm, '> ').replace(/^> $/gm, '>') }] : [];
    }
    case 'hr':
      return [{ kind: 'rule', md: '---' }];
    case 'dt': {
      const text = finishInline(renderInline(el.children, env));
      return text ? [{ kind: 'text', md: `**${text.replace(/\*\*/g, '')}**` }] : [];
    }
    default:
      return renderFlow(el.children, env);
  }
}

function madcapBlock(el: Element, name: string, env: RenderEnv): Block[] {
  switch (name) {
    case 'snippetblock':
      return withSnippet(el, env, (body, inner) => renderFlow(body.children, inner)) ?? [];
    case 'dropdown':
      return dropDown(el, env);
    case 'dropdownhead': {
      // A head outside its `dropDown` (malformed topic) reads as a bold lead-in.
      const text = finishInline(renderInline(el.children, env)).replace(/\n/g, ' ');
      return text ? [{ kind: 'text', md: `**${text.replace(/\*\*/g, '')}**` }] : [];
    }
    case 'codesnippetbody': {
      const text = tidyCode(codeText(el.children, env));
      return text ? [codeBlock(text, codeLanguage(el))] : [];
    }
    default:
      return renderFlow(el.children, env);
  }
}

/** A Markdown heading; bold markers are dropped because the whole line is already a heading. */
function heading(level: number, text: string): Block {
  return { kind: 'heading', md: `${'#'.repeat(level)} ${text.replace(/\*\*/g, '')}` };
}

/**
 * A drop-down (`MadCap:dropDown`): its head (`dropDownHead`/`dropDownHotspot`) is the title of
 * what its body holds, so it becomes a heading one level below the current section, and the
 * body's own headings move below that head. In list items and table cells, where no heading
 * can stand, the head stays a bold lead-in.
 */
function dropDown(el: Element, env: RenderEnv): Block[] {
  const parts = el.children;
  const headEl = parts.find((c): c is Element => isTag(c) && localName(c) === 'dropdownhead');
  const rest = parts.filter((c) => c !== headEl);
  const headText = headEl && keepElement(headEl, env) ? finishInline(renderInline(headEl.children, env)).replace(/\n/g, ' ') : '';
  if (!headText) return renderFlow(rest, env);
  if (env.nested) return [{ kind: 'text', md: `**${headText.replace(/\*\*/g, '')}**` }, ...renderFlow(rest, env)];
  const level = Math.min(6, env.sections.level + 1);
  const saved = env.sections.level;
  const top = topHeadingLevel(rest);
  const inner: RenderEnv = { ...env, headingShift: top !== undefined && top + (env.headingShift ?? 0) <= level ? level + 1 - top : env.headingShift };
  const body = renderFlow(rest, inner);
  // The next drop-down of the same section is a sibling of this one, not its child.
  env.sections.level = saved;
  return [heading(level, headText), ...body];
}

/** Smallest heading level (`h2` -> 2) among the nodes, if any. */
function topHeadingLevel(nodes: AnyNode[]): number | undefined {
  let top: number | undefined;
  const visit = (list: AnyNode[]): void => {
    for (const n of list) {
      if (!isTag(n)) continue;
      const m = /^h([1-6])$/.exec(localName(n));
      if (m) top = Math.min(top ?? 6, Number(m[1]));
      else visit(n.children);
    }
  };
  visit(nodes);
  return top;
}

/**
 * A paragraph that only holds a toggler (`<p><MadCap:toggler targets="x">Head</MadCap:toggler></p>`)
 * is the clickable title of the content it shows: a heading one level below the section.
 */
function togglerHead(el: Element, env: RenderEnv): Block[] | undefined {
  if (env.nested) return undefined;
  const meaningful = el.children.filter((c) => !(isText(c) && !c.data.trim()));
  const only = meaningful.length === 1 ? meaningful[0] : undefined;
  if (!only || !isTag(only) || !isMadCap(only) || localName(only) !== 'toggler') return undefined;
  const text = finishInline(renderInline(only.children, env)).replace(/\n/g, ' ');
  if (!text) return [];
  return [heading(Math.min(6, env.sections.level + 1), text)];
}

/** Joins consecutive one-line code paragraphs (`p class="Code"`) into one fenced block. */
function mergeCodeLines(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (b.code?.mergeable && prev?.code?.mergeable) {
      const text = `${prev.code.text}\n${b.code.text}`;
      out[out.length - 1] = { kind: 'code', md: fence(text, ''), code: { lang: '', text, mergeable: true } };
    } else out.push(b);
  }
  return out.map((b) => {
    if (!b.code?.mergeable) return b;
    const text = tidyCode(b.code.text);
    return { kind: 'code', md: fence(text, ''), code: { lang: '', text, mergeable: true } };
  });
}

/** True when a class list marks a BBj code table. */
export function isCodeTable(el: Element): boolean {
  return hasClass(el, 'Code_Table') || /code_table/i.test(el.attribs.class ?? '');
}
