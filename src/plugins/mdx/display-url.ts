import { stripDocExtension, stripNumberPrefix } from './naming.js';

/** The front-matter fields that move a Docusaurus page. */
export interface RoutingFrontMatter {
  /** `slug`: absolute (`/x`) replaces the whole path, relative replaces the file's part. */
  slug?: unknown;
  /** `id`: replaces the file name in the default slug. */
  id?: unknown;
}

const INDEX_NAMES = new Set(['index', 'readme']);

function nonBlank(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function normalize(slug: string): string {
  return slug.split('/').filter((s) => s !== '' && s !== '.').join('/');
}

/**
 * The page path Docusaurus serves a doc at, relative to the docs route, without leading or
 * trailing slash (`01-intro/02-setup.md` -> `intro/setup`; `guide/index.md` -> `guide`).
 */
export function docSlug(relativePath: string, frontMatter: RoutingFrontMatter = {}): string {
  const segments = relativePath.split('/');
  const fileName = segments.pop() ?? '';
  const dirs = segments.map(stripNumberPrefix);
  const slug = nonBlank(frontMatter.slug);
  if (slug !== undefined) {
    return slug.startsWith('/') ? normalize(slug) : normalize([...dirs, slug].join('/'));
  }
  const id = nonBlank(frontMatter.id);
  if (id !== undefined) return normalize([...dirs, id].join('/'));
  const stem = stripNumberPrefix(stripDocExtension(fileName));
  // Docusaurus's category-index convention: index, README, or a file named like its folder.
  const isIndex = INDEX_NAMES.has(stem.toLowerCase()) || (dirs.length > 0 && stem === dirs[dirs.length - 1]);
  return normalize((isIndex ? dirs : [...dirs, stem]).join('/'));
}

/** `base` + the page slug, or '' when the source has no display base URL. */
export function displayUrlFor(base: string | undefined, relativePath: string, frontMatter: RoutingFrontMatter = {}): string {
  if (base === undefined || base.trim() === '') return '';
  const slug = docSlug(relativePath, frontMatter);
  return `${base.trim().replace(/\/+$/, '')}/${encodeURI(slug)}`;
}
