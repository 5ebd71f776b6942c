import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

type PdfJs = typeof PdfJsModule;

/** A PDF that cannot be used, with a reason fit for the run summary (`encrypted PDF (password required)`). */
export class PdfUnusableError extends Error {
  override name = 'PdfUnusableError';
}

let pdfjsPromise: Promise<PdfJs> | undefined;
// Loaded lazily: pdf.js is large and most commands never open a PDF.
function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

// Local font and CMap data, so pdf.js neither fetches nor warns about missing files.
const pdfjsDir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const dataDir = (name: string): string => path.join(pdfjsDir, name) + path.sep;

/**
 * Opens PDF bytes with pdf.js (Node legacy build, no eval, no font faces); maps failures to
 * `PdfUnusableError`. `guard` may wrap the wait (a deadline); on any failure the loading task
 * is destroyed so nothing keeps running in the background.
 */
export async function openPdf(bytes: Uint8Array, guard: <T>(p: Promise<T>) => Promise<T> = (p) => p): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  // pdf.js transfers (detaches) the buffer it is given: hand it a copy so callers keep theirs.
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    stopAtErrors: false,
    standardFontDataUrl: dataDir('standard_fonts'),
    cMapUrl: dataDir('cmaps'),
    cMapPacked: true,
    wasmUrl: dataDir('wasm'),
  });
  try {
    return await guard(task.promise);
  } catch (err) {
    await task.destroy().catch(() => {});
    throw err instanceof PdfUnusableError ? err : classifyOpenError(err);
  }
}

/** Turns a pdf.js loading error into a reason a user understands. */
export function classifyOpenError(err: unknown): Error {
  const e = err as { name?: string; message?: string; code?: number };
  const detail = e?.message ?? String(err);
  switch (e?.name) {
    case 'PasswordException':
      return new PdfUnusableError(e.code === 2 ? 'encrypted PDF (incorrect password)' : 'encrypted PDF (password required)');
    case 'InvalidPDFException':
      return new PdfUnusableError(`not a valid PDF: ${detail}`);
    case 'ResponseException':
    case 'MissingPDFException':
      return new PdfUnusableError(`PDF could not be read: ${detail}`);
    default:
      return new PdfUnusableError(`corrupt or unsupported PDF: ${detail}`);
  }
}
