import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TocIndex } from './toc-index.js';
import type { SnippetStore } from './snippets.js';

/** The topics of a project and the files left out, with counts for reports. */
export interface TopicList {
  /** Content-relative topic paths, sorted. */
  topics: string[];
  /** Candidate files left out because they sit in an excluded folder and no TOC links them. */
  excludedByDir: number;
  /** Candidate files left out because another file includes them as a snippet. */
  usedAsSnippet: number;
}

/**
 * Picks the topics among the Content files: a configured extension, not in an excluded
 * folder unless a TOC links it (Laserfiche keeps most topics under `Resources/`), and not
 * included elsewhere as a snippet (checked only for non-`.htm` extensions, which some
 * projects use for includes).
 */
export async function listTopics(
  files: string[],
  contentDir: string,
  opts: { extensions: string[]; excludeDirs?: string[] },
  toc: TocIndex,
  snippets: SnippetStore,
): Promise<TopicList> {
  const exts = opts.extensions.map((e) => (e.startsWith('.') ? e : `.${e}`).toLowerCase());
  const excludeDirs = (opts.excludeDirs ?? defaultExcludeDirs(files)).map((d) => `${d.replace(/^\/+|\/+$/g, '').toLowerCase()}/`);
  let excludedByDir = 0;
  const candidates = files.filter((f) => {
    if (!exts.includes(path.posix.extname(f).toLowerCase())) return false;
    if (excludeDirs.some((d) => f.toLowerCase().startsWith(d)) && !toc.get(f)) {
      excludedByDir++;
      return false;
    }
    return true;
  });
  const needsScan = candidates.some((f) => path.posix.extname(f).toLowerCase() !== '.htm');
  const included = needsScan ? await snippetTargets(files, contentDir, snippets) : new Set<string>();
  const topics = candidates.filter((f) => !included.has(f.toLowerCase()) || toc.get(f));
  return { topics, excludedByDir, usedAsSnippet: candidates.length - topics.length };
}

/** Top-level Content folders named like a resources folder. */
function defaultExcludeDirs(files: string[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const top = f.split('/')[0];
    if (f.includes('/') && /resources/i.test(top)) dirs.add(top);
  }
  return [...dirs];
}

/** Lower-cased Content-relative paths referenced by any `snippetBlock`/`snippetText` `src`. */
async function snippetTargets(files: string[], contentDir: string, snippets: SnippetStore): Promise<Set<string>> {
  const targets = new Set<string>();
  const re = /<MadCap:snippet(?:Block|Text)\b[^>]*?\bsrc\s*=\s*(["'])(.*?)\1/gi;
  for (const f of files) {
    if (!/\.(htm|html|flsnp|xhtml)$/i.test(f)) continue;
    // latin1 keeps byte offsets simple; the attribute values needed here are ASCII in practice.
    const text = readFileSync(path.join(contentDir, f), 'latin1');
    for (const m of text.matchAll(re)) {
      const rel = snippets.resolvePath(m[2], f);
      if (rel) targets.add(rel.toLowerCase());
    }
  }
  return targets;
}
