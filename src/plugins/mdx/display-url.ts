import { stripDocExtension, stripNumberPrefix } from './naming.js';
import type { SiteKind } from './site.js';

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

/** A page path with its extension removed and an index/README file standing for its folder. */
function plainSlug(relativePath: string): string {
  const segments = stripDocExtension(relativePath).split('/');
  if (INDEX_NAMES.has((segments[segments.length - 1] ?? '').toLowerCase())) segments.pop();
  return segments.join('/');
}

const BLOG_DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})[-/](.+)$/;

/**
 * Where Docusaurus serves a blog post, relative to the blog route: the front-matter `slug`
 * when given; else the path with the date of a `2021-08-26-welcome` name turned into
 * `2021/08/26/welcome` (Docusaurus's default); `index.md` stands for its folder.
 */
export function blogSlug(relativePath: string, frontMatter: RoutingFrontMatter = {}): string {
  const slug = nonBlank(frontMatter.slug);
  if (slug !== undefined) return normalize(slug);
  const plain = plainSlug(relativePath);
  const m = BLOG_DATE.exec(plain);
  return normalize(m ? `${m[1]}/${m[2]}/${m[3]}/${m[4]}` : plain);
}

/** Which route a page belongs to, and where that route's files start. */
export interface PageRoute {
  /** The site generator. */
  site: SiteKind;
  /** For Docusaurus blog posts: the path of the page relative to the blog folder, and the blog route (`blog/` or `''` when the base is the blog). */
  blog?: { relative: string; route: string };
}

/** `base` + the page's path as the site generator serves it, or '' when the source has no display base URL. */
export function displayUrlFor(base: string | undefined, relativePath: string, frontMatter: RoutingFrontMatter = {}, route: PageRoute = { site: 'docusaurus' }): string {
  if (base === undefined || base.trim() === '') return '';
  const root = base.trim().replace(/\/+$/, '');
  if (route.site === 'docsify') {
    // docsify routes in the hash: `guide/README.md` -> `#/guide/`, `guide/x.md` -> `#/guide/x`.
    const stem = stripDocExtension(relativePath);
    const segments = stem.split('/');
    const isReadme = (segments[segments.length - 1] ?? '').toLowerCase() === 'readme';
    const hashPath = isReadme ? segments.slice(0, -1).map((s) => `${s}/`).join('') : stem;
    return `${root}/#/${encodeURI(hashPath)}`;
  }
  if (route.site === 'plain') return `${root}/${encodeURI(plainSlug(relativePath))}`;
  if (route.blog) return `${root}/${encodeURI(route.blog.route + blogSlug(route.blog.relative, frontMatter))}`;
  return `${root}/${encodeURI(docSlug(relativePath, frontMatter))}`;
}
