import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Lists the AsciiDoc files under a file or directory, sorted, as `{ absolute, relative }`.
 * Only paths are collected (never contents), hidden entries and node_modules are skipped,
 * and symlinked directories are not followed, so a link loop cannot hang the walk.
 * @param {string} root
 * @param {{ extensions: string[], include_partials: boolean }} options
 * @returns {Promise<{ absolute: string, relative: string }[]>}
 */
export async function listAsciidocFiles(root, options) {
  const wanted = (name) => options.extensions.includes(path.extname(name).toLowerCase()) && (options.include_partials || !name.startsWith('_'));
  const info = await stat(root);
  if (info.isFile()) return wanted(path.basename(root)) ? [{ absolute: root, relative: path.basename(root) }] : [];
  const found = [];
  async function walk(dir, relativeDir) {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const absolute = path.join(dir, entry.name);
      const relative = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(absolute, relative);
      else if ((entry.isFile() || entry.isSymbolicLink()) && wanted(entry.name)) found.push({ absolute, relative });
    }
  }
  await walk(root, '');
  return found.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
