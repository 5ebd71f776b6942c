import type { DocumentInput, JsonValue } from '../../plugin-api.js';
import { extractPdfSections, type PdfExtractOptions } from './pdf-sections.js';
import { SlugSet } from './slug.js';

/** Where a PDF came from, for identifiers and titles. */
export interface PdfFileInfo {
  /** File name (`basic.pdf`): `metadata.pdf_file` and the title fallback (without extension). */
  fileName: string;
  /** Prefix of `sourceUrl`; the section slug follows after `#` (`pdf://basic.pdf`, or the PDF's http URL). */
  urlBase: string;
  /** Prefix of `key`; the section slug follows after `#` (the relative path, or the URL). */
  keyBase: string;
  /** Title to use instead of the PDF's own (for example the link text of an article). */
  title?: string;
  /** Extra metadata merged into every section (`{ source: 'advantage', format: 'pdf' }`). */
  metadata?: Record<string, JsonValue>;
}

/**
 * Turns the bytes of one PDF into documents, one per section (see `extractPdfSections`).
 * `sourceUrl` = `<urlBase>#page=<first page>&section=<slug>` and `key` = `<keyBase>#<slug>` with de-duplicated slugs;
 * breadcrumb = [document title, enclosing headings...]; `docType` and `generations` are left
 * to enrichment. Throws `PdfUnusableError` before yielding anything when the PDF is encrypted,
 * corrupt, image-only or too slow, so a caller can `ctx.skip` it.
 */
export async function* pdfToDocuments(bytes: Uint8Array, info: PdfFileInfo, options: PdfExtractOptions = {}): AsyncGenerator<DocumentInput> {
  const pdf = await extractPdfSections(bytes, options);
  const docTitle = info.title?.trim() || pdf.title || info.fileName.replace(/\.pdf$/i, '') || info.fileName;
  const slugs = new SlugSet();
  for (const [index, section] of pdf.sections.entries()) {
    const title = section.title || docTitle;
    const slug = slugs.take(section.level === 0 && pdf.sections.length > 1 ? 'preamble' : title);
    const heading = section.title ? `${'#'.repeat(Math.min(6, Math.max(1, section.level)))} ${section.title}` : '';
    // A chapter whose text all lives in its subsections would be a bare heading: list what it contains instead.
    const body = section.markdown.trim() || contentsOf(pdf.sections, index);
    // An outline entry with no text and nothing under it is a bookmark, not content.
    if (!body && pdf.sections.length > 1) continue;
    const content = [heading, body].filter((s) => s.trim().length > 0).join('\n\n');
    // The document title is often the first bookmark too: name it once.
    const parents = section.parents[0] === docTitle ? section.parents.slice(1) : section.parents;
    yield {
      key: `${info.keyBase}#${slug}`,
      // PDF open parameters: viewers jump to the page and ignore the section name, which keeps the URL unique.
      sourceUrl: `${info.urlBase}#page=${section.pageStart}&section=${slug}`,
      title,
      content: content || title,
      textChars: section.textChars,
      docType: '',
      generations: [],
      breadcrumb: [docTitle, ...parents].filter((s) => s.trim().length > 0),
      metadata: {
        ...info.metadata,
        pdf_file: info.fileName,
        page_start: section.pageStart,
        page_end: section.pageEnd,
        outline_level: pdf.structure === 'outline' ? section.level : null,
        heading_level: section.level,
        structure: pdf.structure,
      },
    };
  }
}

/** "Contains: ..." for a section without text of its own, from the sections nested directly under it. */
function contentsOf(sections: readonly { title: string; level: number }[], index: number): string {
  const level = sections[index]!.level;
  const children: string[] = [];
  for (const next of sections.slice(index + 1)) {
    if (next.level <= level) break;
    if (next.level === level + 1 && next.title) children.push(next.title);
  }
  return children.length ? `This section contains: ${children.join('; ')}.` : '';
}
