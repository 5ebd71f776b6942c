/** Separator between context header segments, as in the reference (`A > B > C`). */
export const HEADER_SEPARATOR = ' > ';

/**
 * Builds the context header of a chunk: the document's breadcrumb, then its title (unless
 * the breadcrumb's last segment is exactly the title), then the chunk's heading path
 * (without a leading heading that repeats the title, i.e. the page's own H1).
 * Segment-aware, unlike the reference's plain suffix test (`A > BC` does not "end with" `C`).
 */
export function buildContextHeader(breadcrumb: readonly string[], title: string, headingPath: readonly string[]): string {
  const crumbs = clean(breadcrumb);
  const cleanTitle = title.trim();
  const headings = clean(headingPath);
  const parts = [...crumbs];
  if (cleanTitle && crumbs[crumbs.length - 1] !== cleanTitle) parts.push(cleanTitle);
  if (cleanTitle && headings[0] === cleanTitle) headings.shift();
  parts.push(...headings);
  return parts.join(HEADER_SEPARATOR);
}

function clean(segments: readonly string[]): string[] {
  return segments.map((s) => s.trim()).filter((s) => s.length > 0);
}
