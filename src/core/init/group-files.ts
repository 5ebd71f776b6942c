import path from 'node:path';

/** The folder of a relative POSIX path (`.` at the top). */
export function folderOf(file: string): string {
  const dir = path.posix.dirname(file);
  return dir === '' ? '.' : dir;
}

/** The first path segment (`.` for a file at the top). */
export function topFolderOf(file: string): string {
  const slash = file.indexOf('/');
  return slash === -1 ? '.' : file.slice(0, slash);
}

/** Groups files by a key (their folder, their top folder), keeping first-seen order. */
export function groupBy(files: readonly string[], key: (file: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const k = key(file);
    const list = groups.get(k);
    if (list) list.push(file);
    else groups.set(k, [file]);
  }
  return groups;
}

/** A readable source name from a folder path (`docs/user-guide` -> `user-guide`). */
export function nameFromFolder(folder: string, fallback: string): string {
  return folder === '.' ? fallback : path.posix.basename(folder);
}
