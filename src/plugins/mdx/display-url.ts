import { blogSlug, docSlug, plainSlug, stripDocExtension, type RoutingFrontMatter } from '../../plugin-api.js';
import { encodeUrlPath, joinUrlPath } from '../../plugin-api.js';
import type { SiteKind } from './site.js';

export { blogSlug, docSlug, type RoutingFrontMatter } from '../../plugin-api.js';

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
  if (route.site === 'docsify') {
    // docsify routes in the hash: `guide/README.md` -> `#/guide/`, `guide/x.md` -> `#/guide/x`.
    const stem = stripDocExtension(relativePath);
    const segments = stem.split('/');
    const isReadme = (segments[segments.length - 1] ?? '').toLowerCase() === 'readme';
    const hashPath = isReadme ? segments.slice(0, -1).map((s) => `${s}/`).join('') : stem;
    return `${joinUrlPath(base, '')}#/${encodeUrlPath(hashPath)}`;
  }
  if (route.site === 'plain') return joinUrlPath(base, plainSlug(relativePath));
  if (route.blog) return joinUrlPath(base, route.blog.route + blogSlug(route.blog.relative, frontMatter));
  return joinUrlPath(base, docSlug(relativePath, frontMatter));
}
