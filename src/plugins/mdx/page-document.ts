import type { DocumentInput, JsonValue } from '../../plugin-api.js';
import type { ConvertedPage } from './markdown-convert.js';
import type { PageRoute } from './display-url.js';
import { displayUrlFor } from './display-url.js';
import { humanize, stripDocExtension, titleFromFileName } from './naming.js';

/** Where a page sits and what its source says about it. */
export interface PagePlace {
  /** Source name, the `source_url` scheme. */
  sourceName: string;
  /** Source label (`DWC Tutorial`), when configured. */
  label?: string;
  /** Base URL of the published docs, when configured. */
  displayBaseUrl?: string;
  /** `doc_type` option. */
  docType: string;
  /** Path relative to its docs directory, forward slashes. */
  relative: string;
  /** The document key: `relative`, prefixed with the docs directory's name when a source has several. */
  key: string;
  /** Chapter labels of the directories above the page, outermost first (docsify: the sidebar groups). */
  chapters: string[];
  /** The site generator and, for blog posts, the blog route. Default: a Docusaurus doc. */
  route?: PageRoute;
}

function nonBlankString(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** Docusaurus tags are strings or `{ label, permalink }` objects. */
function tagsOf(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const tags = value
    .map((tag: unknown) => nonBlankString(tag) ?? nonBlankString((tag as { label?: unknown } | null)?.label))
    .filter((tag): tag is string => tag !== undefined);
  return tags.length > 0 ? tags : undefined;
}

/** The title rule: front-matter `title`, else the first `#` heading, else the file name. */
export function pageTitle(page: ConvertedPage, relative: string, chapters: string[], stripPrefix = true): string {
  const fromFrontMatter = nonBlankString(page.frontMatter.title);
  if (fromFrontMatter !== undefined) return fromFrontMatter;
  if (page.heading !== undefined) return page.heading;
  const fileName = relative.split('/').pop() ?? relative;
  const stem = stripDocExtension(fileName).toLowerCase();
  // `chapter/index.md` is the chapter's own page: its name is the chapter's, not "Index".
  if ((stem === 'index' || stem === 'readme') && chapters.length > 0) return chapters[chapters.length - 1];
  return titleFromFileName(fileName, stripPrefix);
}

/** Builds the document for one converted page. */
export function pageDocument(page: ConvertedPage, place: PagePlace): DocumentInput {
  const label = place.label?.trim() || humanize(place.sourceName);
  const metadata: Record<string, JsonValue> = { file: place.key, syntax: page.syntax };
  if (place.route && place.route.site !== 'docusaurus') metadata.site = place.route.site;
  if (place.route?.blog) metadata.blog_post = true;
  const chapter = place.chapters[place.chapters.length - 1];
  if (chapter !== undefined) metadata.chapter = chapter;
  const position = page.frontMatter.sidebar_position;
  if (typeof position === 'number' || typeof position === 'string') metadata.sidebar_position = position;
  const tags = tagsOf(page.frontMatter.tags);
  if (tags !== undefined) metadata.front_matter_tags = tags;
  return {
    key: place.key,
    sourceUrl: `${place.sourceName}://${place.key}`,
    title: pageTitle(page, place.relative, place.chapters, (place.route?.site ?? 'docusaurus') === 'docusaurus'),
    content: page.markdown,
    parsedContent: page.parsed,
    textChars: page.textChars,
    docType: place.docType,
    generations: [],
    breadcrumb: [label, ...place.chapters],
    displayUrl: displayUrlFor(place.displayBaseUrl, place.relative, page.frontMatter, place.route),
    sourceType: place.label?.trim() ?? '',
    metadata,
  };
}
