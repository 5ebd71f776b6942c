import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** `BBJ_HOME` when the environment does not set it. */
export const DEFAULT_BBJ_HOME = '/usr/local/bbj';

/** Where the javadoc JSON is read from: the configured paths, else `$BBJ_HOME/documentation/javadoc`. */
export function javadocRoots(paths: string[], env: Record<string, string | undefined> = process.env): string[] {
  if (paths.length > 0) return paths;
  const home = env.BBJ_HOME?.trim() || DEFAULT_BBJ_HOME;
  return [path.join(home, 'documentation', 'javadoc')];
}

/** The `*.json` files of one root (a file is taken as is), sorted; undefined when the root does not exist. */
export async function jsonFiles(root: string, recursive: boolean): Promise<string[] | undefined> {
  const s = await stat(root).catch(() => undefined);
  if (!s) return undefined;
  if (s.isFile()) return [root];
  const entries = await readdir(root, { withFileTypes: true, recursive });
  return entries
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.json'))
    .map((e) => path.join(e.parentPath ?? root, e.name))
    .sort();
}
