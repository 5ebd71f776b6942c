import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { findChild, type FlareProject } from './project-layout.js';

/**
 * Files every topic of a project may depend on besides its own: snippets (any topic may include
 * any of them, also through other snippets), variable sets, condition tag sets, TOCs and
 * targets (breadcrumbs, display URLs). A change to any of them re-parses every topic; a change to one topic only it.
 * `files` is the Content-relative file list the parser already has.
 */
export async function sharedInputFiles(project: FlareProject, files: readonly string[]): Promise<string[]> {
  const shared = files.filter((f) => /\.flsnp$/i.test(f)).map((f) => path.join(project.contentDir, f));
  const projectDir = project.tocDir ? path.dirname(project.tocDir) : project.variableDir ? path.dirname(project.variableDir) : undefined;
  const conditionDir = projectDir ? await findChild(projectDir, 'ConditionTagSets') : undefined;
  const targetDir = projectDir ? await findChild(projectDir, 'Targets') : undefined;
  for (const dir of [project.tocDir, project.variableDir, conditionDir, targetDir]) {
    if (!dir) continue;
    const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
    for (const e of entries) if (e.isFile()) shared.push(path.join(e.parentPath ?? dir, e.name));
  }
  return shared;
}
