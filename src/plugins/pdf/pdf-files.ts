import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** A PDF found under a configured path. */
export interface PdfFile {
  /** Absolute path. */
  path: string;
  /** Size in bytes. */
  size: number;
}

const isPdfName = (name: string): boolean => name.toLowerCase().endsWith('.pdf');

/**
 * Lists the PDFs a path names: the file itself (whatever its extension), or every `*.pdf`
 * below a directory, recursively, sorted by path. Symbolic links to directories are not
 * followed, so a link loop cannot hang the walk.
 */
export async function* listPdfFiles(root: string): AsyncGenerator<PdfFile> {
  const info = await stat(root);
  if (info.isFile()) {
    yield { path: root, size: info.size };
    return;
  }
  const entries = (await readdir(root, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(root, entry.name);
    if (entry.isDirectory()) yield* listPdfFiles(full);
    else if ((entry.isFile() || entry.isSymbolicLink()) && isPdfName(entry.name)) {
      const s = await stat(full).catch(() => undefined);
      if (s?.isFile()) yield { path: full, size: s.size };
    }
  }
}

/** Path of a file relative to the data directory, with forward slashes (stable document keys). */
export function relativeKey(dataDir: string, file: string): string {
  return path.relative(dataDir, file).split(path.sep).join('/') || path.basename(file);
}
