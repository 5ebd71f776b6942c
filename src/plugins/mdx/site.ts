import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The site generator a Markdown tree is published with; it decides names, URLs and extensions. */
export type SiteKind = 'docusaurus' | 'docsify' | 'plain';

const DOCUSAURUS_CONFIG = /^docusaurus\.config\.(js|cjs|mjs|ts|cts|mts)$/;
// The docs folder, the site root above it, and one more level (`website/docs`).
const LEVELS_UP = 3;

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => [] as string[]);
}

/** True when a folder holds docsify's `index.html` (it loads `window.$docsify`). */
async function hasDocsifyIndex(dir: string, entries: string[]): Promise<boolean> {
  if (!entries.includes('index.html')) return false;
  const html = await readFile(path.join(dir, 'index.html'), 'utf8').catch(() => '');
  return html.includes('$docsify');
}

/**
 * Detects the site kind of a docs folder: a `docusaurus.config.*` in the folder or up to
 * two folders above it means Docusaurus; an `index.html` there that configures `$docsify`
 * means docsify; `.mdx` files or `_category_` files in the folder itself also mean
 * Docusaurus (exported docs folders often lack the config); anything else is plain Markdown.
 */
export async function detectSite(root: string): Promise<SiteKind> {
  let dir = path.resolve(root);
  for (let level = 0; level < LEVELS_UP; level++) {
    const entries = await names(dir);
    if (entries.some((n) => DOCUSAURUS_CONFIG.test(n))) return 'docusaurus';
    if (await hasDocsifyIndex(dir, entries)) return 'docsify';
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return (await looksLikeDocusaurus(root, 4)) ? 'docusaurus' : 'plain';
}

async function looksLikeDocusaurus(dir: string, depth: number): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const e of entries) {
    if (e.isFile() && (/\.mdx$/i.test(e.name) || /^_category_\.(json|ya?ml)$/.test(e.name))) return true;
  }
  if (depth === 0) return false;
  for (const e of entries) {
    if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules' && (await looksLikeDocusaurus(path.join(dir, e.name), depth - 1))) return true;
  }
  return false;
}
