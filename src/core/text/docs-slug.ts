// Docusaurus's routing conventions, the de-facto standard of Markdown documentation sites: every
// parser that turns a docs-relative path into a page URL uses these, so the same file gets the
// same URL whichever parser or enricher computes it.

// Docusaurus's default number-prefix parser: `01-intro`, `2_setup`, `3. install`. Names that
// look like dates or versions (`2021-08-01-post`, `1.2-notes`) keep their digits, as there.
const NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;
const DATE_OR_VERSION = /^\d+[-_.]\d+/;

/** Removes a Docusaurus ordering prefix (`01-`) from one path segment or file name. */
export function stripNumberPrefix(name: string): string {
  if (DATE_OR_VERSION.test(name)) return name;
  return name.replace(NUMBER_PREFIX, '');
}

/** Removes the `.md` / `.mdx` extension of a file name. */
export function stripDocExtension(name: string): string {
  return name.replace(/\.mdx?$/i, '');
}

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
 * A category index is `index`, `README` or a file named exactly like its folder, compared
 * before number prefixes are removed, as Docusaurus does (`02-guides/02-guides.md` -> `guides`,
 * but `02-guides/01-guides.md` -> `guides/guides`).
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
  const rawStem = stripDocExtension(fileName).toLowerCase();
  const isIndex = INDEX_NAMES.has(rawStem) || (segments.length > 0 && rawStem === segments[segments.length - 1].toLowerCase());
  return normalize((isIndex ? dirs : [...dirs, stripNumberPrefix(stripDocExtension(fileName))]).join('/'));
}

/** A page path with its extension removed and an index/README file standing for its folder. */
export function plainSlug(relativePath: string): string {
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
