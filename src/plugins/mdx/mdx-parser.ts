import path from 'node:path';
import createDebug from 'debug';
import type { DocumentInput, Parser, ParserContext, ValidationIssue } from '../../plugin-api.js';
import { FileGuard } from '../../plugin-api.js';
import { checkSourcePath } from '../../plugin-api.js';
import type { MdxOptions } from './options.js';
import type { DocFile } from './file-walker.js';
import { listDocFiles } from './file-walker.js';
import { ChapterLabels } from './chapter-labels.js';
import type * as MarkdownConvert from './markdown-convert.js';
import { pageDocument } from './page-document.js';
import type { PageRoute } from './display-url.js';
import type { SiteKind } from './site.js';
import { detectSite } from './site.js';
import { DocsifySidebar } from './docsify.js';
import { detectMarkdownSites } from './detect.js';
import { pageInputFiles } from './input-files.js';
import { mdxInfo } from './mdx-info.js';

const debug = createDebug('bbj:mdx');

function reasonOf(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}: ${e.message}` : e.message ?? String(error);
}

async function validateMdxSource(ctx: ParserContext<MdxOptions>): Promise<ValidationIssue[]> {
  const { name, paths } = ctx.source;
  const issues: ValidationIssue[] = [];
  if (paths.length === 0) issues.push({ message: `source "${name}": paths must name at least one Docusaurus docs directory` });
  const basenames = new Set<string>();
  for (const dir of paths) {
    if (paths.length > 1) {
      const base = path.basename(dir);
      if (basenames.has(base)) issues.push({ message: `source "${name}": two paths end in "${base}"; document keys would collide, use one source per directory` });
      basenames.add(base);
    }
    const checked = checkSourcePath(dir, ctx.dataDir, 'directory');
    if (!checked.ok) {
      const fix = checked.problem === 'kind' ? ' (give the docs folder)' : '';
      issues.push({ message: `source "${name}": docs directory ${dir} ${checked.reason}${fix}` });
    } else if ((await listDocFiles(dir, ctx.options.ignore).catch(() => [])).length === 0) {
      issues.push({ message: `source "${name}": ${dir} has no .md or .mdx files (ignored: ${ctx.options.ignore.join(', ')})` });
    }
  }
  return issues;
}

interface RootFiles {
  root: string;
  keyPrefix: string;
  files: DocFile[];
  chapters: ChapterLabels;
  site: SiteKind;
  sidebar?: DocsifySidebar;
}

/** The blog route of a Docusaurus page: a docs path named `blog`, or a `blog/` folder under it. */
function blogRoute(root: string, relative: string): PageRoute['blog'] {
  if (path.basename(path.resolve(root)).toLowerCase() === 'blog') return { relative, route: '' };
  return relative.startsWith('blog/') ? { relative: relative.slice('blog/'.length), route: 'blog/' } : undefined;
}

async function* parseMdxSource(ctx: ParserContext<MdxOptions>): AsyncGenerator<DocumentInput> {
  const { source, options } = ctx;
  const roots: RootFiles[] = [];
  const guard = FileGuard.forSource(ctx.dataDir, source);
  for (const root of source.paths) {
    const checked = checkSourcePath(root, ctx.dataDir, 'directory');
    if (!checked.ok) {
      ctx.skip(root, `docs directory ${checked.reason}`);
      continue;
    }
    try {
      const files = await listDocFiles(root, options.ignore, { guard, onSkip: (item, reason) => ctx.skip(item, reason) });
      // With several directories the directory's name keeps keys apart.
      const keyPrefix = source.paths.length > 1 ? `${path.basename(root)}/` : '';
      const site = options.site === 'auto' ? await detectSite(root) : options.site;
      debug('%s: %s site', root, site);
      const sidebar = site === 'docsify' ? await DocsifySidebar.load(root) : undefined;
      roots.push({ root, keyPrefix, files, chapters: new ChapterLabels(root, ctx.log, guard, site === 'docusaurus'), site, sidebar });
    } catch (error) {
      ctx.skip(root, `cannot list the docs directory (${reasonOf(error)})`);
    }
  }
  const total = roots.reduce((n, r) => n + r.files.length, 0);
  let done = 0;
  ctx.progress({ done, total, message: `${total} Markdown files` });
  // Display URLs name one page each; two files served at one URL are reported.
  const urls = new Map<string, string>();
  for (const rootFiles of roots) {
    const { root, files } = rootFiles;
    for (const file of files) {
      if (ctx.signal.aborted) return;
      if (await ctx.inputUnchanged?.(rootFiles.keyPrefix + file.relative, pageInputFiles(root, file.absolute))) {
        ctx.progress({ done: ++done, total });
        continue;
      }
      const doc = await readOne(ctx, guard, file, rootFiles).catch((error: unknown) => {
        ctx.skip(file.absolute, `cannot convert (${reasonOf(error)})`);
        return undefined;
      });
      done++;
      ctx.progress({ done, total });
      if (doc === undefined) continue;
      if (doc.displayUrl) {
        const other = urls.get(doc.displayUrl);
        if (other !== undefined) ctx.log.warn(`${source.name}: ${doc.key} and ${other} have the same display URL ${doc.displayUrl}; set a front-matter slug or id, or the site option`);
        else urls.set(doc.displayUrl, doc.key);
      }
      yield doc;
    }
    debug('%s: %d files under %s', source.name, files.length, root);
  }
}

/**
 * The converter and what only it needs (remark-mdx with acorn, directives, front matter, the
 * serializer, yaml) load when the first page is converted, not with the parser: `bbj validate`
 * and a re-run whose pages are all unchanged never need them. (docsify sidebars still load
 * remark-parse and GFM with the parser.)
 */
let converter: Promise<typeof MarkdownConvert> | undefined;
const loadConverter = () => (converter ??= import('./markdown-convert.js'));

async function readOne(ctx: ParserContext<MdxOptions>, guard: FileGuard, file: DocFile, { root, keyPrefix, chapters, site, sidebar }: RootFiles): Promise<DocumentInput | undefined> {
  const read = await guard.readText(file.absolute);
  if (!read.ok) {
    ctx.skip(file.absolute, read.reason);
    return undefined;
  }
  const text = read.text;
  const isMdx = file.relative.toLowerCase().endsWith('.mdx');
  const { convertPage } = await loadConverter();
  const page = convertPage(text, isMdx ? 'mdx' : ctx.options.md_format, { site, file: file.absolute, root });
  for (const warning of page.warnings) ctx.log.warn(`${file.absolute}: ${warning}`);
  // Listed with the skipped items so a run report shows it: the page is kept, read as CommonMark.
  if (page.syntax === 'md-fallback') ctx.skip(file.absolute, `${page.warnings[0] ?? 'not valid MDX'} (kept as a fallback)`);
  if (page.markdown.trim() === '') {
    ctx.skip(file.absolute, 'no text left after removing front matter and MDX syntax');
    return undefined;
  }
  return pageDocument(page, {
    sourceName: ctx.source.name,
    label: ctx.source.label,
    displayBaseUrl: ctx.source.displayBaseUrl,
    docType: ctx.options.doc_type,
    relative: file.relative,
    key: `${keyPrefix}${file.relative}`,
    chapters: sidebar?.groups(file.relative) ?? (await chapters.chapters(file.relative)),
    route: { site, blog: site === 'docusaurus' ? blogRoute(root, file.relative) : undefined },
  });
}

/** Docusaurus docs directories (`.md`, `.mdx`), read with a real MDX parser. */
export const mdxParser: Parser<MdxOptions> = {
  ...mdxInfo,
  detect: detectMarkdownSites,
  validate: validateMdxSource,
  parse: parseMdxSource,
};
