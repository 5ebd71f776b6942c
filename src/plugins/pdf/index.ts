export { pdfParser } from './pdf-parser.js';
export { pdfOptionsSchema, type PdfOptions } from './pdf-options.js';
export { pdfToDocuments, type PdfFileInfo } from './pdf-documents.js';
export { extractPdfSections, type PdfExtraction, type PdfExtractOptions, type PdfSection } from './pdf-sections.js';
export { PdfUnusableError } from './pdf-loader.js';
export { slugify } from './slug.js';
