import { open, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FolderScan } from '../contracts/parser.js';

/** Folders never worth proposing as documentation: dependencies, VCS data, build output, our own store. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.bbj-rag', '.docusaurus', '.cache', 'dist', 'build', 'target', '__pycache__']);
/** A scan stops listing after this many files so that `bbj init` on a home directory stays quick. */
export const SCAN_FILE_LIMIT = 200_000;
const PEEK_BYTES = 64 * 1024;

/** What a folder scan found, and whether it stopped early. */
export interface ScanResult extends FolderScan {
  /** True when the file limit cut the listing. */
  truncated: boolean;
}

/**
 * Lists the files below `root` once for every parser's `detect`. Symbolic links are not
 * followed (a link could lead outside the folder or loop), and dot-folders are skipped.
 */
export async function scanFolder(root: string, limit = SCAN_FILE_LIMIT): Promise<ScanResult> {
  const files: string[] = [];
  let truncated = false;
  const pending = [''];
  while (pending.length && !truncated) {
    const rel = pending.shift()!;
    const entries = await readdir(path.join(root, rel), { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) pending.push(child);
      } else if (entry.isFile()) {
        if (files.length >= limit) {
          truncated = true;
          break;
        }
        files.push(child);
      }
    }
  }
  return { root, files, truncated, peek: (file) => peekFile(path.join(root, file)) };
}

async function peekFile(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(PEEK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, PEEK_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
