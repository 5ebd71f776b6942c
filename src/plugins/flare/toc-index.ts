import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'domhandler';
import { decodeFlareBytes } from './decode.js';
import { attr, childElements, localName, parseFlareXml } from './xml-dom.js';
import { errorMessage } from '../../plugin-api.js';

/** Where a topic sits in a TOC. */
export interface TocPlacement {
  /** Entry titles from the TOC root down to the topic's own entry. */
  breadcrumb: string[];
  /** File stem of the TOC that placed the topic. */
  toc: string;
}

/** Facts about the TOCs read, for reports and tests. */
export interface TocStats {
  /** TOC file stems in the order they were read. */
  files: string[];
  /** Entries with a topic link. */
  linkedEntries: number;
  /** Entries whose title came from the linked topic (`System.LinkedTitle`/`LinkedHeader`). */
  linkedTitles: number;
  /** TOC files that could not be read, with the reason. */
  problems: string[];
}

/** Resolves the title used for `[%=System.LinkedTitle%]` / `[%=System.LinkedHeader%]` entries. */
export type LinkedTitleResolver = (rel: string, kind: 'title' | 'header') => string;

/**
 * The TOC index: Content-relative topic path (lower-cased, anchors removed) -> placement.
 * Every `.fltoc` of the project is read, in the configured priority order and then
 * alphabetically; the first placement of a topic wins. Entries linking another TOC insert
 * that TOC's entries under themselves, as Flare does.
 */
export class TocIndex {
  /** Placements by lower-cased Content-relative path. */
  readonly placements = new Map<string, TocPlacement>();
  /** What was read. */
  readonly stats: TocStats = { files: [], linkedEntries: 0, linkedTitles: 0, problems: [] };

  /** Placement of a topic, if a TOC links it. */
  get(rel: string): TocPlacement | undefined {
    return this.placements.get(rel.toLowerCase());
  }

  /** Reads the TOCs of a project. */
  static build(tocDir: string | undefined, order: string[], expand: (text: string) => string, linkedTitle: LinkedTitleResolver): TocIndex {
    const index = new TocIndex();
    if (!tocDir) return index;
    let names: string[];
    try {
      names = readdirSync(tocDir).filter((n) => n.toLowerCase().endsWith('.fltoc'));
    } catch (err) {
      index.stats.problems.push(`${tocDir}: ${errorMessage(err)}`);
      return index;
    }
    const rank = (n: string): number => {
      const i = order.findIndex((o) => o.toLowerCase() === stem(n).toLowerCase());
      return i < 0 ? order.length : i;
    };
    names.sort((a, b) => rank(a) - rank(b) || (stem(a).toLowerCase() < stem(b).toLowerCase() ? -1 : stem(a).toLowerCase() > stem(b).toLowerCase() ? 1 : 0));
    const walker = new TocWalker(index, tocDir, expand, linkedTitle);
    for (const name of names) {
      index.stats.files.push(stem(name));
      walker.readToc(path.join(tocDir, name), [], stem(name), new Set());
    }
    return index;
  }
}

class TocWalker {
  constructor(
    private readonly index: TocIndex,
    private readonly tocDir: string,
    private readonly expand: (text: string) => string,
    private readonly linkedTitle: LinkedTitleResolver,
  ) {}

  readToc(file: string, crumbs: string[], toc: string, open: Set<string>): void {
    const key = path.resolve(file).toLowerCase();
    if (open.has(key)) return;
    let root: Element | undefined;
    try {
      const decoded = decodeFlareBytes(readFileSync(file));
      if (!decoded) throw new Error('not a text file');
      root = childElements(parseFlareXml(decoded.text)).find((e) => localName(e) === 'catapulttoc');
      if (!root) throw new Error('no CatapultToc root element');
    } catch (err) {
      this.index.stats.problems.push(`${file}: ${errorMessage(err)}`);
      return;
    }
    this.walk(root, crumbs, toc, new Set([...open, key]));
  }

  private walk(parent: Element, crumbs: string[], toc: string, open: Set<string>): void {
    for (const entry of childElements(parent)) {
      if (localName(entry) !== 'tocentry') continue;
      const link = attr(entry, 'Link')?.trim() ?? '';
      const rel = contentPath(link);
      const title = this.entryTitle(entry, rel);
      const here = title ? [...crumbs, title] : crumbs;
      if (rel) {
        this.index.stats.linkedEntries++;
        const k = rel.toLowerCase();
        if (!this.index.placements.has(k)) this.index.placements.set(k, { breadcrumb: here, toc });
      } else if (/\.fltoc$/i.test(link)) {
        this.readToc(path.join(this.tocDir, path.posix.basename(link.replace(/\\/g, '/'))), here, toc, open);
      }
      this.walk(entry, here, toc, open);
    }
  }

  private entryTitle(entry: Element, rel: string | undefined): string {
    const raw = (attr(entry, 'Title') ?? '').trim();
    const m = /^\[%=\s*System\.Linked(Title|Header)\s*%\]$/i.exec(raw);
    if (m && rel) {
      this.index.stats.linkedTitles++;
      return this.linkedTitle(rel, m[1].toLowerCase() === 'header' ? 'header' : 'title').trim();
    }
    return this.expand(raw).trim();
  }
}

/** Content-relative path of a TOC link (`/Content/a/b.htm#x` -> `a/b.htm`), or undefined for other links. */
export function contentPath(link: string): string | undefined {
  const m = /^\/?content\/(.+)$/i.exec(link.replace(/\\/g, '/'));
  if (!m) return undefined;
  let rel = m[1].split('#')[0].split('?')[0];
  try {
    rel = decodeURIComponent(rel);
  } catch {
    // Keep a literal `%`.
  }
  return path.posix.normalize(rel);
}

function stem(name: string): string {
  return name.replace(/\.fltoc$/i, '');
}
