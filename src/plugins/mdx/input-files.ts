import path from 'node:path';

/**
 * The files one page's documents depend on: the page, and the Docusaurus category files and
 * docsify sidebars of every directory from the docs root down to it (their labels become the
 * breadcrumb). Missing ones count too, so adding one later is a change.
 */
export function pageInputFiles(root: string, absolute: string): string[] {
  const files = [absolute];
  let dir = path.dirname(absolute);
  while (dir.length >= root.length && dir.startsWith(root)) {
    for (const name of ['_category_.json', '_category_.yml', '_category_.yaml', '_sidebar.md']) files.push(path.join(dir, name));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return files;
}
