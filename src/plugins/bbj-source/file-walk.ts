import { opendir } from 'node:fs/promises';
import path from 'node:path';

/** What the walk found: a file to read, or a directory left out by the exclude list. */
export type WalkEntry = { kind: 'file'; absPath: string; relPath: string } | { kind: 'excluded'; absPath: string; relPath: string };

/**
 * Walks a directory depth-first in sorted order (deterministic output), yielding files whose
 * extension is wanted and the excluded directories. Symbolic links to directories are not
 * followed, so a link cycle cannot loop; linked files are yielded for the reader to check.
 */
export async function* walkSources(root: string, extensions: string[], exclude: string[], rel = ''): AsyncGenerator<WalkEntry> {
  const dir = await opendir(path.join(root, rel));
  const entries = [];
  for await (const e of dir) entries.push(e);
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const relPath = rel === '' ? e.name : `${rel}/${e.name}`;
    const absPath = path.join(root, relPath);
    if (e.isDirectory()) {
      if (exclude.includes(e.name) || exclude.includes(relPath)) yield { kind: 'excluded', absPath, relPath };
      else yield* walkSources(root, extensions, exclude, relPath);
    } else if ((e.isFile() || e.isSymbolicLink()) && extensions.includes(path.extname(e.name).toLowerCase())) {
      // A linked file is yielded too: the reader's FileGuard reads it only if it resolves inside the data directory.
      yield { kind: 'file', absPath, relPath };
    }
  }
}
