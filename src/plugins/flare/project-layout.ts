import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { checkSourcePath } from '../../plugin-api.js';

/** Where the parts of one Flare project live on disk. */
export interface FlareProject {
  /** Project root as configured. */
  root: string;
  /** `Content/` (topics, snippets, resources). */
  contentDir: string;
  /** `Project/TOCs/`, when it exists. */
  tocDir?: string;
  /** `Project/VariableSets/`, when it exists. */
  variableDir?: string;
}

/** Finds a child entry by name, case-insensitively (projects authored on Windows). */
export async function findChild(dir: string, name: string, kind: 'dir' | 'file' = 'dir'): Promise<string | undefined> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const want = name.toLowerCase();
  const match = (e: (typeof entries)[number]): boolean =>
    e.name.toLowerCase() === want && (kind === 'dir' ? e.isDirectory() : e.isFile());
  const hit = entries.find((e) => e.name === name && match(e)) ?? entries.find(match);
  return hit ? path.join(dir, hit.name) : undefined;
}

/**
 * Locates `Content/`, `Project/TOCs/` and `Project/VariableSets/` under a project root.
 * Also accepts the `Content` directory itself (its parent is then the root), a common slip.
 * Returns a message instead when the root or its Content folder is missing.
 */
export async function locateProject(root: string, dataDir: string): Promise<FlareProject | string> {
  const checked = checkSourcePath(root, dataDir, 'directory');
  if (!checked.ok) return `Flare project root ${root} ${checked.reason}`;
  let base = root;
  let contentDir = await findChild(root, 'Content');
  if (!contentDir && path.basename(root).toLowerCase() === 'content') {
    contentDir = root;
    base = path.dirname(root);
  }
  if (!contentDir) return `Flare project root ${root} has no Content/ directory (expected ${path.join(root, 'Content')})`;
  const projectDir = await findChild(base, 'Project');
  const tocDir = projectDir ? await findChild(projectDir, 'TOCs') : undefined;
  const variableDir = projectDir ? await findChild(projectDir, 'VariableSets') : undefined;
  return { root: base, contentDir, tocDir, variableDir };
}

/** Content-relative paths of every file under a directory, with `/` separators, sorted. */
export async function listFiles(contentDir: string): Promise<string[]> {
  const entries = await readdir(contentDir, { recursive: true, withFileTypes: true });
  const out: string[] = [];
  for (const e of entries) {
    if (!e.isFile()) continue;
    // `parentPath` is Node 20.12+; `path` is the older name of the same field.
    const parent = (e as unknown as { parentPath?: string; path: string }).parentPath ?? (e as unknown as { path: string }).path;
    out.push(path.relative(contentDir, path.join(parent, e.name)).split(path.sep).join('/'));
  }
  return out.sort();
}
