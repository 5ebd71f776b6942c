import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** One outline (bookmark) entry, flattened in outline order, with where it points. */
export interface OutlineEntry {
  /** Bookmark text. */
  title: string;
  /** Depth in the outline, from 1. */
  level: number;
  /** Titles of the enclosing entries, outermost first. */
  parents: string[];
  /** 1-based target page, when the destination resolves. */
  page?: number;
  /** Target y (top of the view) in PDF user space; `Infinity` means the top of the page. */
  y: number;
}

interface RawOutlineItem {
  title: string;
  dest: string | unknown[] | null;
  items: RawOutlineItem[];
}

// Outlines of broken files can be huge or deep; a manual never needs more.
const MAX_ENTRIES = 5000;
const MAX_DEPTH = 12;

// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const cleanTitle = (t: unknown): string => (typeof t === 'string' ? t.replace(/[\u0000-\u001f]/g, ' ') : '').replace(/\s+/g, ' ').trim();

/** Reads and flattens the outline (depth first) and resolves each destination to page and y. */
export async function readOutline(doc: PDFDocumentProxy): Promise<OutlineEntry[]> {
  const root = ((await doc.getOutline().catch(() => null)) ?? []) as unknown as RawOutlineItem[];
  const out: OutlineEntry[] = [];
  const walk = async (items: RawOutlineItem[], parents: string[]): Promise<void> => {
    for (const item of items ?? []) {
      if (out.length >= MAX_ENTRIES) return;
      const title = cleanTitle(item.title);
      const target = await resolveDest(doc, item.dest);
      if (title) out.push({ title, level: parents.length + 1, parents, ...target });
      if (item.items?.length && parents.length + 1 < MAX_DEPTH) await walk(item.items, title ? [...parents, title] : parents);
    }
  };
  await walk(root, []);
  return out;
}

async function resolveDest(doc: PDFDocumentProxy, dest: RawOutlineItem['dest']): Promise<{ page?: number; y: number }> {
  try {
    const explicit = typeof dest === 'string' ? await doc.getDestination(dest) : dest;
    if (!Array.isArray(explicit) || explicit.length === 0) return { y: Infinity };
    const ref = explicit[0] as unknown;
    const index =
      typeof ref === 'number' ? ref : ref && typeof ref === 'object' ? await doc.getPageIndex(ref as { num: number; gen: number }) : -1;
    if (!Number.isInteger(index) || index < 0 || index >= doc.numPages) return { y: Infinity };
    return { page: index + 1, y: destTop(explicit) };
  } catch {
    return { y: Infinity };
  }
}

// Destination arrays: [page, /XYZ left top zoom], [page, /FitH top], [page, /FitBH top],
// [page, /FitR left bottom right top]; /Fit and /FitB show the whole page.
function destTop(dest: unknown[]): number {
  const kind = (dest[1] as { name?: string } | undefined)?.name;
  const pick = (i: number): number => (typeof dest[i] === 'number' ? (dest[i] as number) : Infinity);
  switch (kind) {
    case 'XYZ':
      return pick(3);
    case 'FitH':
    case 'FitBH':
      return pick(2);
    case 'FitR':
      return pick(5);
    default:
      return Infinity;
  }
}
