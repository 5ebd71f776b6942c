import path from 'node:path';
import createDebug from 'debug';
import type { DocumentInput } from '../../plugin-api.js';
import type { Parser, ParserContext, ValidationIssue } from '../../plugin-api.js';
import { FileGuard } from '../../plugin-api.js';
import { checkSourcePath } from '../../plugin-api.js';
import { listPdfFiles, relativeKey } from './pdf-files.js';
import { pdfToDocuments } from './pdf-documents.js';
import { PdfUnusableError } from './pdf-loader.js';
import type { PdfOptions } from './pdf-options.js';
import { detectPdfManuals } from './detect.js';
import { errorMessage } from '../../plugin-api.js';
import { pdfInfo } from './pdf-info.js';

const debug = createDebug('bbj:pdf');

async function validate(ctx: ParserContext<PdfOptions>): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  if (ctx.source.paths.length === 0) issues.push({ message: `source "${ctx.source.name}": set paths to PDF files or directories of PDFs` });
  for (const p of ctx.source.paths) {
    const checked = checkSourcePath(p, ctx.dataDir);
    if (!checked.ok) {
      issues.push({ message: `source "${ctx.source.name}": path ${p} ${checked.reason}` });
      continue;
    }
    if (checked.isDirectory) {
      const first = await listPdfFiles(p).next();
      if (first.done) issues.push({ message: `source "${ctx.source.name}": no *.pdf files under ${p}` });
    }
  }
  return issues;
}

async function* parse(ctx: ParserContext<PdfOptions>): AsyncGenerator<DocumentInput> {
  const { options } = ctx;
  let done = 0;
  for (const root of ctx.source.paths) {
    const checked = checkSourcePath(root, ctx.dataDir);
    if (!checked.ok) {
      ctx.skip(root, `path ${checked.reason}`);
      continue;
    }
    const files = listPdfFiles(root);
    for (;;) {
      let next: IteratorResult<{ path: string; size: number }>;
      try {
        next = await files.next();
      } catch (err) {
        ctx.skip(root, `cannot read: ${errorMessage(err)}`);
        break;
      }
      if (next.done) break;
      ctx.signal.throwIfAborted();
      const file = next.value;
      ctx.progress({ done, message: path.basename(file.path) });
      if (file.size > options.max_file_mb * 1024 * 1024) {
        ctx.skip(file.path, `larger than max_file_mb (${(file.size / 1048576).toFixed(1)} MB)`);
        continue;
      }
      if (!(await ctx.inputUnchanged?.(file.path, [file.path]))) yield* parseFile(ctx, file.path);
      done++;
    }
  }
  ctx.progress({ done, total: done });
}

// Sections are extracted completely before the first yield, so a bad file yields nothing.
async function* parseFile(ctx: ParserContext<PdfOptions>, file: string): AsyncGenerator<DocumentInput> {
  const started = Date.now();
  let docs: AsyncGenerator<DocumentInput>;
  let first: IteratorResult<DocumentInput>;
  try {
    // Read only inside the data directory and within max_file_bytes (links included).
    const read = await FileGuard.forSource(ctx.dataDir, ctx.source).read(file);
    if (!read.ok) {
      ctx.skip(file, read.reason);
      return;
    }
    const bytes = new Uint8Array(read.bytes.buffer, read.bytes.byteOffset, read.bytes.byteLength);
    const fileName = path.basename(file);
    docs = pdfToDocuments(
      bytes,
      { fileName, urlBase: `pdf://${fileName}`, keyBase: relativeKey(ctx.dataDir, file) },
      { headingRatio: ctx.options.heading_ratio, timeoutMs: ctx.options.timeout_ms, stripPageFurniture: ctx.options.strip_page_furniture, signal: ctx.signal },
    );
    first = await docs.next();
  } catch (err) {
    if (ctx.signal.aborted) throw err;
    const reason = err instanceof PdfUnusableError ? err.message : `unexpected error: ${errorMessage(err)}`;
    ctx.skip(file, reason);
    return;
  }
  debug('%s: %d ms', file, Date.now() - started);
  if (first.done) return;
  yield first.value;
  yield* docs;
}

/** Reads PDF files (or directories of PDFs) into one document per outline entry or heading. */
export const pdfParser: Parser<PdfOptions> = {
  ...pdfInfo,
  detect: detectPdfManuals,
  validate,
  parse,
};
