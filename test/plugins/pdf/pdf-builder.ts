/** One outline entry of a generated PDF: title, 0-based page, top y, children. */
export interface OutlineSpec {
  title: string;
  page: number;
  top: number;
  children?: OutlineSpec[];
}

/** A page of a generated PDF: its content stream (fonts F1 = Helvetica, F2 = Courier, F3 = Helvetica-Bold). */
export interface PageSpec {
  content: string;
}

/** Escapes a string for a PDF literal string `( ... )`. */
export const pdfString = (s: string): string => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;

/** One text line drawn at (x, y) in the given font and size. */
export const textLine = (font: 'F1' | 'F2' | 'F3', size: number, x: number, y: number, text: string): string =>
  `BT /${font} ${size} Tf 1 0 0 1 ${x} ${y} Tm ${pdfString(text)} Tj ET\n`;

/**
 * Writes a small but well-formed PDF (correct xref offsets) with standard fonts, optional
 * outline with /XYZ destinations and optional Info title. Good enough for pdf.js and for
 * tests that need exact control over layout.
 */
export function buildPdf(pages: PageSpec[], opts: { outline?: OutlineSpec[]; title?: string } = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const catalog = add('');
  const pagesObj = add('');
  const fonts = [add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>'),
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>'),
    add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')];
  const pageIds: number[] = [];
  for (const p of pages) {
    const stream = add(`<< /Length ${Buffer.byteLength(p.content, 'latin1')} >>\nstream\n${p.content}\nendstream`);
    pageIds.push(
      add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Contents ${stream} 0 R /Resources << /Font << /F1 ${fonts[0]} 0 R /F2 ${fonts[1]} 0 R /F3 ${fonts[2]} 0 R >> >> >>`),
    );
  }
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let outlineRef = '';
  if (opts.outline?.length) {
    const root = add('');
    const writeLevel = (items: OutlineSpec[], parent: number): { first: number; last: number; count: number } => {
      const ids = items.map(() => add(''));
      let count = items.length;
      items.forEach((item, i) => {
        const kids = item.children?.length ? writeLevel(item.children, ids[i]) : undefined;
        if (kids) count += kids.count;
        const links = [i > 0 ? `/Prev ${ids[i - 1]} 0 R` : '', i < ids.length - 1 ? `/Next ${ids[i + 1]} 0 R` : '',
          kids ? `/First ${kids.first} 0 R /Last ${kids.last} 0 R /Count ${kids.count}` : ''].join(' ');
        objects[ids[i] - 1] = `<< /Title ${pdfString(item.title)} /Parent ${parent} 0 R /Dest [${pageIds[item.page]} 0 R /XYZ 0 ${item.top} 0] ${links} >>`;
      });
      return { first: ids[0], last: ids[ids.length - 1], count };
    };
    const top = writeLevel(opts.outline, root);
    objects[root - 1] = `<< /Type /Outlines /First ${top.first} 0 R /Last ${top.last} 0 R /Count ${top.count} >>`;
    outlineRef = ` /Outlines ${root} 0 R`;
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${outlineRef} >>`;
  const info = opts.title ? add(`<< /Title ${pdfString(opts.title)} >>`) : 0;
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${info ? ` /Info ${info} 0 R` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
