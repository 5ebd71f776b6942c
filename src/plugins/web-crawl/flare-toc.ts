import JSON5 from 'json5';

/** A node of a Flare HTML5 TOC tree: entry `i` of chunk `c`, with children `n`. */
interface TocNode {
  i?: number;
  c?: number;
  n?: TocNode[];
}

/** The TOC module (`Data/Tocs/Default.js`): how many chunk files, their name prefix, the tree. */
export interface FlareToc {
  /** Number of chunk files. */
  numchunks: number;
  /** Chunk file name prefix (`Default_Chunk` -> `Default_Chunk0.js`). */
  prefix: string;
  /** Root of the tree. */
  tree: TocNode;
}

/** A chunk module: topic path (or `___` for entries without a link) -> entry indices and titles. */
export type FlareTocChunk = Record<string, { i?: number[]; t?: string[] }>;

/** A topic placed in the TOC: its path under the output root and the titles from the root down to it. */
export interface TocTopic {
  /** Path as the chunk spells it (`/Content/a.htm`, maybe with `#anchor`). */
  path: string;
  /** Book titles then the entry's own title. */
  breadcrumb: string[];
}

/**
 * Reads an AMD module of the shape Flare writes (`define({...});`) as data: the object
 * literal between `define(` and the last `)` goes through JSON5, never through `eval`.
 */
export function parseDefineModule(text: string): unknown {
  const start = text.indexOf('define(');
  const end = text.lastIndexOf(')');
  if (start < 0 || end <= start) throw new Error('not a define({...}) module');
  return JSON5.parse(text.slice(start + 'define('.length, end));
}

/** The TOC module's fields, checked. */
export function readFlareToc(text: string): FlareToc {
  const value = parseDefineModule(text) as Partial<FlareToc> | null;
  if (!value || typeof value !== 'object') throw new Error('the TOC module defines no object');
  const numchunks = Number(value.numchunks ?? 0);
  if (!Number.isInteger(numchunks) || numchunks < 0 || numchunks > 10_000) throw new Error(`numchunks ${String(value.numchunks)} is not a chunk count`);
  if (typeof value.prefix !== 'string' || !/^[\w.-]+$/.test(value.prefix)) throw new Error('prefix is missing or not a file name');
  if (!value.tree || typeof value.tree !== 'object') throw new Error('tree is missing');
  return { numchunks, prefix: value.prefix, tree: value.tree };
}

/** A chunk module's entries, checked. */
export function readFlareTocChunk(text: string): FlareTocChunk {
  const value = parseDefineModule(text);
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('the chunk module defines no object');
  return value as FlareTocChunk;
}

/**
 * Walks the tree in TOC order and returns every linked entry with its breadcrumb (the titles
 * of its books, then its own), as Flare's navigation shows it. Entries the chunks do not
 * name are skipped; a path placed twice keeps its first placement.
 */
export function tocTopics(toc: FlareToc, chunks: FlareTocChunk[]): TocTopic[] {
  // chunk -> entry index -> (path, title); `___` entries have no path (books without a link).
  const entries = chunks.map((chunk) => {
    const byIndex = new Map<number, { path?: string; title: string }>();
    for (const [path, entry] of Object.entries(chunk ?? {})) {
      const indices = Array.isArray(entry?.i) ? entry.i : [];
      indices.forEach((index, k) => byIndex.set(index, { path: path === '___' ? undefined : path, title: String(entry.t?.[k] ?? '').trim() }));
    }
    return byIndex;
  });
  const topics: TocTopic[] = [];
  const placed = new Set<string>();
  const walk = (nodes: TocNode[] | undefined, crumbs: string[], depth: number): void => {
    if (!Array.isArray(nodes) || depth > 64) return;
    for (const node of nodes) {
      const entry = typeof node?.i === 'number' ? entries[node.c ?? 0]?.get(node.i) : undefined;
      const here = entry?.title ? [...crumbs, entry.title] : crumbs;
      if (entry?.path && !placed.has(entry.path)) {
        placed.add(entry.path);
        topics.push({ path: entry.path, breadcrumb: here });
      }
      walk(node?.n, here, depth + 1);
    }
  };
  walk(toc.tree.n, [], 0);
  return topics;
}
