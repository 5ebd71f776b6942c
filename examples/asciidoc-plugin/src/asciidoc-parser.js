import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { convertAsciidoc } from './adoc-to-markdown.js';
import { listAsciidocFiles } from './file-walk.js';
import { asciidocOptionsSchema } from './options.js';

/** @typedef {import('zod').output<typeof asciidocOptionsSchema>} AsciidocOptions */

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** "getting-started.adoc" -> "Getting started". */
function titleFromFileName(fileName) {
  const stem = fileName.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return stem ? stem[0].toUpperCase() + stem.slice(1) : fileName;
}

/** The published page of a document: the relative path with .html, under `display_url`. */
function displayUrl(base, relative) {
  if (!base) return '';
  const page = relative.replace(/\.[^./]+$/, '.html');
  return new URL(page, base.endsWith('/') ? base : `${base}/`).toString();
}

/** Every file of every source path; a source with several paths prefixes keys with the path's folder name. */
async function* sourceFiles(ctx) {
  const several = ctx.source.paths.length > 1;
  for (const root of ctx.source.paths) {
    const prefix = several ? `${path.basename(root)}/` : '';
    // Includes may reach any file of the source path (its folder, for a single-file path).
    const baseDir = (await stat(root)).isDirectory() ? root : path.dirname(root);
    for (const file of await listAsciidocFiles(root, ctx.options)) yield { ...file, baseDir, key: `${prefix}${file.relative}` };
  }
}

/**
 * The `asciidoc` parser: one document per AsciiDoc file, converted to Markdown. A file that
 * cannot be read or converted is skipped with the reason; the others go on.
 * @type {import('bbj-rag/plugin').Parser<AsciidocOptions>}
 */
export const asciidocParser = {
  type: 'asciidoc',
  description: 'AsciiDoc files (.adoc .asciidoc .asc) converted with Asciidoctor.js; one document per file (plugin example)',
  optionsSchema: asciidocOptionsSchema,
  requiresPaths: true,

  async validate(ctx) {
    const issues = [];
    for (const root of ctx.source.paths) {
      const files = await listAsciidocFiles(root, ctx.options).catch((error) => {
        issues.push({ message: `cannot read ${root}: ${error.message}` });
        return undefined;
      });
      if (files?.length === 0) issues.push({ message: `no AsciiDoc file (${ctx.options.extensions.join(' ')}) under ${root}` });
    }
    return issues;
  },

  async *parse(ctx) {
    const files = [];
    for await (const file of sourceFiles(ctx)) files.push(file);
    let done = 0;
    ctx.progress({ done, total: files.length, message: 'converting AsciiDoc' });
    for (const file of files) {
      // Throwing (not returning) tells the host the parse is incomplete, so nothing is swept.
      ctx.signal.throwIfAborted();
      const document = await readDocument(ctx, file);
      ctx.progress({ done: ++done, total: files.length });
      if (document) yield document;
    }
  },
};

async function readDocument(ctx, file) {
  try {
    const size = (await stat(file.absolute)).size;
    if (size > ctx.options.max_bytes) return void ctx.skip(file.absolute, `${size} bytes is over max_bytes = ${ctx.options.max_bytes}`);
    let text;
    try {
      text = utf8.decode(await readFile(file.absolute));
    } catch {
      return void ctx.skip(file.absolute, 'not valid UTF-8 (AsciiDoc files must be UTF-8)');
    }
    const converted = convertAsciidoc(text, { baseDir: file.baseDir, fileDir: path.dirname(file.absolute), attributes: ctx.options.attributes });
    for (const warning of converted.warnings) ctx.log.warn(`${file.absolute}: asciidoctor ${warning}`);
    if (!converted.markdown.trim()) return void ctx.skip(file.absolute, 'no content after conversion');
    const fileName = path.basename(file.relative);
    return {
      key: file.key,
      sourceUrl: `${ctx.source.name}://${file.key}`,
      title: converted.title ?? titleFromFileName(fileName),
      content: converted.markdown,
      docType: ctx.options.doc_type,
      breadcrumb: file.key.split('/').slice(0, -1),
      displayUrl: displayUrl(ctx.source.displayBaseUrl, file.relative),
      metadata: { file: file.key, format: 'asciidoc', ...converted.metadata },
    };
  } catch (error) {
    return void ctx.skip(file.absolute, `cannot convert: ${error instanceof Error ? error.message : String(error)}`);
  }
}
