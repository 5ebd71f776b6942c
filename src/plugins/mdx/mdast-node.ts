// The cleanup walks nodes of several syntax extensions (MDX, directives, GFM) at once; a
// loose structural type keeps that code readable where the union of mdast types would not.

/** A point in the source text. */
export interface SourcePoint {
  line: number;
  column: number;
  offset?: number;
}

/** Any mdast node, with the fields the cleanup reads. */
export interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  name?: string | null;
  depth?: number;
  attributes?: unknown[];
  data?: Record<string, unknown>;
  position?: { start: SourcePoint; end: SourcePoint };
  [key: string]: unknown;
}

/** The source text of a node, when the parser recorded its offsets. */
export function sliceOf(node: MdNode, source: string): string | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : source.slice(start, end);
}

/** The plain text of a node (`# Hello *world*` -> `Hello world`). */
export function plainText(node: MdNode): string {
  if (typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) return node.value;
  return (node.children ?? []).map(plainText).join('');
}

/** Calls `visit` for every node in document order. */
export function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

/** A text node. */
export function text(value: string): MdNode {
  return { type: 'text', value };
}

/** A paragraph holding the given phrasing nodes. */
export function paragraph(children: MdNode[]): MdNode {
  return { type: 'paragraph', children };
}

/**
 * Joins neighbouring text nodes of `node` into one (copies, so shared nodes stay untouched):
 * the parser may split a run such as `[!NOTE]` or `:id=x` into several text nodes.
 */
export function joinTextRuns(node: MdNode): void {
  const merged: MdNode[] = [];
  for (const c of node.children ?? []) {
    const prev = merged[merged.length - 1];
    if (c.type === 'text' && prev?.type === 'text') prev.value = (prev.value ?? '') + (c.value ?? '');
    else merged.push(c.type === 'text' ? { ...c } : c);
  }
  node.children = merged;
}
