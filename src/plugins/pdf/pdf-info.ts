import type { ParserInfo } from '../../plugin-api.js';
import { pdfOptionsSchema, type PdfOptions } from './pdf-options.js';

/** What the registry knows of the `pdf` parser without loading it (its implementation: pdf-parser.ts). */
export const pdfInfo: ParserInfo<PdfOptions> = {
  type: 'pdf',
  description: 'PDF files or directories of PDFs; sections from the outline, else from font-size headings',
  optionsSchema: pdfOptionsSchema,
  requiresPaths: true,
};
