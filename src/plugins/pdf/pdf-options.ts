import { z } from 'zod';

/** `options` of a `parser = "pdf"` source. */
export const pdfOptionsSchema = z.strictObject({
  heading_ratio: z.number().min(1.01).max(5).default(1.15).describe('Without an outline, a line is a heading when its font size is at least this multiple of the body size.'),
  timeout_ms: z.number().int().min(1000).default(120_000).describe('Per-file time limit in milliseconds; a slower file is skipped with a reason.'),
  max_file_mb: z.number().positive().default(200).describe('Files larger than this many megabytes are skipped (they are read into memory whole).'),
  strip_page_furniture: z.boolean().default(true).describe('Drop running headers, footers and page numbers.'),
});

/** Validated pdf options. */
export type PdfOptions = z.infer<typeof pdfOptionsSchema>;
