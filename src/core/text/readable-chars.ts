import type { AnyNode, Element } from 'domhandler';

// Letters and digits only: markup (`#`, `|`, `*`, backticks), whitespace and punctuation differ
// between a source and its Markdown, the words do not.
const NOT_READABLE = /[^\p{L}\p{N}]+/gu;

/**
 * Readable characters of a text: its letters and digits. Parsers report this count of the
 * text they read (`Document.textChars`) and `bbj report` counts chunk bodies the same way,
 * so the two can be compared whatever markup sat around the words.
 */
export function readableChars(text: string): number {
  return text.replace(NOT_READABLE, '').length;
}

/**
 * Readable characters of HTML nodes (domhandler trees, as htmlparser2 and cheerio build them):
 * the text nodes below them, skipping comments, directives, scripts and styles, and every element
 * `skip` says carries no text to keep (images, excluded conditions); `clean` removes syntax from a text node.
 */
export function domReadableChars(nodes: readonly AnyNode[], skip: (el: Element) => boolean = () => false, clean: (text: string) => string = (t) => t): number {
  let n = 0;
  const stack: AnyNode[] = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'text') n += readableChars(clean((node as { data: string }).data));
    else if (node.type === 'tag' && !skip(node as Element)) {
      const children = (node as Element).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    } else if (node.type === 'root' || node.type === 'cdata') {
      const children = (node as unknown as { children: AnyNode[] }).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return n;
}
