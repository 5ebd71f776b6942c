import { z } from 'zod';

/** `options` of a `parser = "pdf"` source. */
export const pdfOptionsSchema = z.strictObject({
  /** Without an outline, a line is a heading when its font size is at least this multiple of the body size. */
  heading_ratio: z.number().min(1.01).max(5).default(1.15),
  /** Per-file time limit in milliseconds; a slower file is skipped with a reason. */
  timeout_ms: z.number().int().min(1000).default(120_000),
  /** Files larger than this many megabytes are skipped (they are read into memory whole). */
  max_file_mb: z.number().positive().default(200),
  /** Drop running headers, footers and page numbers. */
  strip_page_furniture: z.boolean().default(true),
});

/** Validated pdf options. */
export type PdfOptions = z.infer<typeof pdfOptionsSchema>;
