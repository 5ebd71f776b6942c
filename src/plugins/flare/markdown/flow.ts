import type { AnyNode, Element } from 'domhandler';
import { isCDATA, isTag, isText } from 'domhandler';
import { childElements, hasClass, isMadCap, localName } from '../xml-dom.js';
import type { Block } from './block.js';
import { codeBlock, escapeLineStarts, fence } from './block.js';
import { kindOf } from './classify.js';
import { codeLanguage, codeText, tidyCode } from './code.js';
import { finishInline, renderInline } from './inline.js';
import { renderList } from './lists.js';
import type { RenderEnv } from './render-env.js';
import { keepElement } from './render-env.js';
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
    const text = finishInline(renderInline(run, env));
    if (text) blocks.push({ kind: 'text', md: escapeLineStarts(text) });
    run = [];
  };
  for (const node of nodes) {
    if (isText(node) || isCDATA(node)) run.push(node);
    else if (isTag(node)) {
      const kind = kindOf(node);
      if (kind === 'inline') run.push(node);
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
      return text ? [{ kind: 'heading', md: `${'#'.repeat(Number(name[1]))} ${text}` }] : [];
    }
    case 'p':
      // BBj help writes code listings as one `p class="Code"` per line.
      if (/code/i.test(el.attribs.class ?? '') && !/code_table/i.test(el.attribs.class ?? '')) {
        const text = codeText(el.children, env).replace(/\s+$/, '');
        return text.trim() ? [codeBlock(text, '', true)] : [];
      }
      return renderFlow(el.children, env);
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
    case 'dropdownhead': {
      // The drop-down's clickable head reads as a bold lead-in to its body.
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
  return out;
}

/** True when a class list marks a BBj code table. */
export function isCodeTable(el: Element): boolean {
  return hasClass(el, 'Code_Table') || /code_table/i.test(el.attribs.class ?? '');
}
