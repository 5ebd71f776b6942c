import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Element } from 'domhandler';
import type { FileGuard } from '../../plugin-api.js';
import { decodeFlareBytes } from './decode.js';
import { findFirst, parseFlareXml } from './xml-dom.js';
import { errorMessage } from '../../plugin-api.js';

/** A snippet file's `body`, or why it could not be read. */
export type SnippetLookup = { body: Element; file: string } | { error: string; file: string };

/**
 * Resolves and caches snippet files. `src` is relative to the file that holds the reference
 * (a topic, or the snippet for nested snippets), as Flare resolves it; Windows backslashes,
 * `%20` escapes and case differences (projects authored on Windows) are tolerated.
 */
export class SnippetStore {
  private readonly cache = new Map<string, SnippetLookup>();
  private readonly dirListings = new Map<string, string[]>();
  private readonly byName = new Map<string, string[]>();

  /** `files` (Content-relative) lets a reference whose folder is wrong fall back to the one file of that name. */
  constructor(
    private readonly contentDir: string,
    files: string[] = [],
    /** When given, snippet files are read only inside its roots and size limit. */
    private readonly guard?: FileGuard,
  ) {
    for (const f of files) {
      const name = path.posix.basename(f).toLowerCase();
      this.byName.set(name, [...(this.byName.get(name) ?? []), f]);
    }
  }

  /**
   * Content-relative path a `src` points to from `fromFile` (Content-relative). Extra `..`
   * segments stop at the Content root, as URL resolution (and Flare's output) does.
   */
  resolvePath(src: string, fromFile: string): string | undefined {
    let clean = src.replace(/\\/g, '/').split('#')[0].split('?')[0];
    try {
      clean = decodeURIComponent(clean);
    } catch {
      // A stray `%` is a literal character in the file name.
    }
    const rel = clean.startsWith('/') ? path.posix.normalize(clean.replace(/^\/+(content\/)?/i, '')) : path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), clean));
    const clamped = rel.replace(/^(\.\.\/)+/, '');
    if (clamped === '..' || clamped === '' || path.posix.isAbsolute(clamped)) return undefined;
    return clamped;
  }

  /** Loads the snippet at a Content-relative path (cached). */
  load(rel: string): SnippetLookup {
    const key = rel.toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const result = this.read(rel);
    this.cache.set(key, result);
    return result;
  }

  private read(rel: string): SnippetLookup {
    const candidates = this.byName.get(path.posix.basename(rel).toLowerCase()) ?? [];
    // A wrong folder in `src` still finds the snippet when exactly one file has its name.
    const actual = this.findCaseInsensitive(rel) ?? (candidates.length === 1 ? candidates[0] : undefined);
    if (!actual) return { error: candidates.length > 1 ? `file not found (${candidates.length} files of that name elsewhere)` : 'file not found', file: rel };
    let bytes: Buffer;
    if (this.guard) {
      const read = this.guard.readSync(path.join(this.contentDir, actual));
      if (!read.ok) return { error: read.reason, file: actual };
      bytes = read.bytes;
    } else {
      try {
        bytes = readFileSync(path.join(this.contentDir, actual));
      } catch (err) {
        return { error: `cannot read: ${errorMessage(err)}`, file: actual };
      }
    }
    const decoded = decodeFlareBytes(bytes);
    if (!decoded) return { error: 'binary file', file: actual };
    const doc = parseFlareXml(decoded.text);
    const body = findFirst(doc, 'body');
    if (!body) return { error: 'no body element', file: actual };
    return { body, file: actual };
  }

  /** The on-disk spelling of a Content-relative path, matching each segment case-insensitively. */
  private findCaseInsensitive(rel: string): string | undefined {
    const exact = path.join(this.contentDir, rel);
    if (statSync(exact, { throwIfNoEntry: false })?.isFile()) return rel;
    let current = '';
    for (const segment of rel.split('/')) {
      const names = this.listDir(current);
      const match = names.find((n) => n.toLowerCase() === segment.toLowerCase());
      if (!match) return undefined;
      current = current ? `${current}/${match}` : match;
    }
    return statSync(path.join(this.contentDir, current), { throwIfNoEntry: false })?.isFile() ? current : undefined;
  }

  private listDir(rel: string): string[] {
    let names = this.dirListings.get(rel);
    if (!names) {
      try {
        names = readdirSync(path.join(this.contentDir, rel));
      } catch {
        names = [];
      }
      this.dirListings.set(rel, names);
    }
    return names;
  }
}
