import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FileGuard } from '../../plugin-api.js';

/** A Markdown file found under a docs directory. */
export interface DocFile {
  /** Absolute path. */
  absolute: string;
  /** Path relative to the docs directory, with forward slashes. */
  relative: string;
}

const DOC_EXTENSIONS = new Set(['.md', '.mdx']);

/** Compiles one glob-ish pattern (`*`, `?`, `**`) to a tester on names or relative paths. */
export function compileIgnorePattern(pattern: string): (name: string, relative: string) => boolean {
  const source = pattern
    .replace(/^\.?\/+/, '')
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  const regex = new RegExp(`^${source}$`);
  // Without a slash the pattern names a file or directory anywhere, like .gitignore does.
  return pattern.includes('/') ? (_name, relative) => regex.test(relative) : (name) => regex.test(name);
}

/** True when the name is a Markdown document this parser reads. */
export function isDocFile(name: string): boolean {
  return DOC_EXTENSIONS.has(path.extname(name).toLowerCase());
}

async function plainCheck(file: string): Promise<{ ok: true; isDirectory: boolean } | { ok: false; reason: string }> {
  try {
    return { ok: true, isDirectory: (await stat(file)).isDirectory() };
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ELOOP' ? 'symbolic link loop' : 'broken symbolic link' };
  }
}

/** How the walk treats links and what it refuses. */
export interface WalkGuard {
  /** Only what resolves inside its roots is listed; symbolic links included. */
  guard?: FileGuard;
  /** Called for every entry left out for a reason (outside the data directory, link loop, too large). */
  onSkip?(item: string, reason: string): void;
}

/**
 * Lists `.md` and `.mdx` files under `root`, skipping ignored names, sorted by relative path
 * as one list. Only paths are collected, never contents, so memory stays small. Symbolic links
 * are followed only when they resolve inside the guard's roots; loops and broken links are
 * reported through `onSkip`.
 */
export async function listDocFiles(root: string, ignore: readonly string[], walkGuard: WalkGuard = {}): Promise<DocFile[]> {
  const testers = ignore.map(compileIgnorePattern);
  const ignored = (name: string, relative: string): boolean => testers.some((t) => t(name, relative));
  const found: DocFile[] = [];
  const seenDirs = new Set<string>();
  const { guard, onSkip } = walkGuard;

  async function walk(dir: string, relativeDir: string): Promise<void> {
    // Symlinked directories may loop back; each real directory is walked once.
    const real = await realpath(dir);
    if (seenDirs.has(real)) return;
    seenDirs.add(real);
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (ignored(entry.name, relative)) continue;
      const absolute = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = guard ? await guard.check(absolute) : await plainCheck(absolute);
        if (!target.ok) {
          // Worth naming when it would have been read: a document, a loop, or a folder out of bounds.
          const folder = (await stat(absolute).catch(() => undefined))?.isDirectory() ?? false;
          if (isDocFile(entry.name) || folder || /loop/.test(target.reason)) onSkip?.(absolute, target.reason);
          continue;
        }
        isDir = target.isDirectory;
        isFile = !target.isDirectory;
      }
      if (isDir) await walk(absolute, relative);
      else if (isFile && isDocFile(entry.name)) found.push({ absolute, relative });
    }
  }

  await walk(root, '');
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
