import { realpathSync, statSync } from 'node:fs';
import { FileGuard, isInside } from './file-guard.js';

/** What a configured source path must be. */
export type SourcePathKind = 'any' | 'file' | 'directory';

/** Why a configured source path cannot be read. */
export type SourcePathProblem = 'missing' | 'loop' | 'outside' | 'kind' | 'unreadable';

/** A configured path that can be read, or why not (`reason` reads after the path: "docs does not exist"). */
export type SourcePathCheck =
  | { ok: true; real: string; isDirectory: boolean }
  | { ok: false; problem: SourcePathProblem; reason: string; real?: string };

/**
 * The one check of a configured source path, run by the preflight on every source and by each
 * file parser on its own paths: it must exist, resolve (symbolic links included) inside the
 * allowed roots (the data directory), and be of the kind the parser reads.
 */
export function checkSourcePath(p: string, roots: string | readonly string[], kind: SourcePathKind = 'any'): SourcePathCheck {
  let real: string;
  let info: ReturnType<typeof statSync>;
  try {
    real = realpathSync(p);
    info = statSync(real);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { ok: false, problem: 'loop', reason: 'is a symbolic link loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR') return { ok: false, problem: 'missing', reason: 'does not exist' };
    return { ok: false, problem: 'unreadable', reason: `cannot be read (${code ?? 'unknown error'})` };
  }
  const allowed = new FileGuard(typeof roots === 'string' ? [roots] : roots).roots;
  if (!allowed.some((root) => isInside(root, real))) {
    return { ok: false, problem: 'outside', real, reason: `resolves to ${real}, outside the data directory ${allowed.join(', ')}` };
  }
  const isDirectory = info.isDirectory();
  if (kind === 'directory' && !isDirectory) return { ok: false, problem: 'kind', real, reason: 'is not a directory' };
  if (kind === 'file' && !info.isFile()) return { ok: false, problem: 'kind', real, reason: 'is not a regular file' };
  if (!isDirectory && !info.isFile()) return { ok: false, problem: 'kind', real, reason: 'is neither a file nor a directory' };
  return { ok: true, real, isDirectory };
}
