import type { DocumentInput } from '../../../src/core/contracts/document.js';
import type { HttpClient } from '../../../src/core/contracts/http.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import type { ParserContext, SkippedItem } from '../../../src/core/contracts/parser.js';
import { pdfParser, type PdfOptions } from '../../../src/plugins/pdf/index.js';

/** A parser context over the given paths that records skipped items. */
export function pdfContext(paths: string[], dataDir: string, options: Record<string, unknown> = {}): ParserContext<PdfOptions> & { skipped: SkippedItem[] } {
  const skipped: SkippedItem[] = [];
  const http: HttpClient = { get: async (url) => ({ ok: false, url, reason: 'no HTTP in PDF tests' }) };
  return {
    source: { name: 'pdf-test', parser: 'pdf', paths, generationTag: 'auto' },
    options: pdfParser.optionsSchema.parse(options),
    dataDir,
    http,
    log: silentLogger,
    progress: () => {},
    skip: (item, reason) => skipped.push({ item, reason }),
    unchanged: () => {},
    signal: new AbortController().signal,
    skipped,
  };
}

/** Runs the parser and collects every document. */
export async function parseAll(ctx: ParserContext<PdfOptions>): Promise<DocumentInput[]> {
  const docs: DocumentInput[] = [];
  for await (const doc of pdfParser.parse(ctx)) docs.push(doc);
  return docs;
}
