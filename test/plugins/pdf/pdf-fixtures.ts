import { buildPdf, textLine, type OutlineSpec, type PageSpec } from './pdf-builder.js';

/** A generated PDF with the text a reader must find in its chunks. */
export interface PdfFixture {
  bytes: Uint8Array;
  /** Body prose lines as drawn (each must reach some chunk). */
  prose: string[];
  /** Table rows as drawn, cell by cell (each row must reach one chunk line, its cells in order). */
  rows: string[][];
}

const LEFT = 72;
const COLS = [72, 250, 360];

/** Lays out pages top-down and records outline entries at the headings. */
class Layout {
  readonly pages: PageSpec[] = [];
  readonly outline: OutlineSpec[] = [];
  readonly prose: string[] = [];
  readonly rows: string[][] = [];
  private y = 0;

  constructor(private readonly bottom = 80) {
    this.newPage();
  }

  newPage(): void {
    this.pages.push({ content: '' });
    this.y = 720;
  }

  private room(h: number): void {
    if (this.y - h < this.bottom) this.newPage();
  }

  private draw(s: string): void {
    this.pages[this.pages.length - 1].content += s;
  }

  heading(text: string, size = 14, child = false): void {
    this.room(60);
    this.y -= 10;
    const entry: OutlineSpec = { title: text, page: this.pages.length - 1, top: this.y + size + 2 };
    if (child && this.outline.length > 0) (this.outline[this.outline.length - 1].children ??= []).push(entry);
    else this.outline.push(entry);
    this.draw(textLine('F3', size, LEFT, this.y, text));
    this.y -= size + 10;
  }

  /** Prose at 11 pt, one drawn line per entry, a paragraph gap after. */
  para(...lines: string[]): void {
    for (const l of lines) {
      this.room(14);
      this.draw(textLine('F1', 11, LEFT, this.y, l));
      this.prose.push(l);
      this.y -= 14;
    }
    this.y -= 8;
  }

  /**
   * A 9 pt table, cell by cell as word processors write it (every line of a cell, then the
   * next cell, so same-baseline cells are not neighbours in the content stream). Cells hold
   * lines separated by `\n`; the header row is bold.
   */
  table(header: string[], body: string[][]): void {
    for (const [r, row] of [header, ...body].entries()) {
      const cells = row.map((c) => c.split('\n'));
      const height = Math.max(...cells.map((c) => c.length)) * 11 + 6;
      this.room(height);
      cells.forEach((lines, c) => lines.forEach((l, i) => this.draw(textLine(r === 0 ? 'F3' : 'F1', 9, COLS[c], this.y - i * 11, l))));
      this.rows.push(cells.map((c) => c.join(' ')));
      this.y -= height;
    }
    this.y -= 10;
  }
}

const REMARKS = [
  'The portal provides text alternatives\nfor all images, icons and charts.',
  'Captions are provided for the two\ntraining videos in the help centre.',
  'Not applicable: the product has no\naudio-only or video-only content.',
  'Headings, lists and tables use\nsemantic markup that assistive\ntechnology reads correctly.',
  'Reading order follows the visual order\non every page that was evaluated.',
  'Instructions never rely on shape,\ncolour, size or sound alone.',
  'Colour is never the only means\nof conveying information.',
  'Audio never plays automatically.',
];

/**
 * A VPAT-like conformance report: 14 pt bold headings with bookmarks, 11 pt prose and much
 * more 9 pt table text than prose, so a body size taken from all characters would be 9 pt and
 * the prose would look like headings.
 */
export function vpatFixture(): PdfFixture {
  const l = new Layout();
  l.heading('Acme Portal Accessibility Conformance Report', 18);
  l.para('Revised Section 508 Edition, based on VPAT Version 2.4 Rev.');
  l.heading('Name of Product/Version', 14, true);
  l.para('Acme Portal 7.3, the self-service web application for customer accounts.');
  l.heading('Report Date', 14, true);
  l.para('March 2026');
  l.heading('Product Description', 14, true);
  l.para(
    'Acme Portal lets customers of Acme Utilities read their meters, pay invoices and',
    'report outages from any browser. Acme Utilities has served households in the',
    'northern valley region since 1952 and employs four hundred people.',
  );
  l.heading('Contact Information', 14, true);
  l.para('Jane Example, Accessibility Office, accessibility@acme.example, +1 555 0100.');
  l.heading('Evaluation Methods Used', 14, true);
  l.para(
    'Testing combined automated checks with manual review using NVDA 2025.1 on Windows',
    'and VoiceOver on macOS; keyboard-only navigation was tested on every page.',
  );
  l.heading('Terms', 14, true);
  l.para(
    'Supports: the functionality of the product has at least one method that meets the',
    'criterion without known defects. Partially Supports: some functionality does not',
    'meet the criterion. Does Not Support: the majority of functionality does not meet it.',
  );
  const criteria = ['1.1.1 Non-text Content', '1.2.2 Captions (Prerecorded)', '1.2.1 Audio-only and Video-only', '1.3.1 Info and Relationships', '1.3.2 Meaningful Sequence', '1.3.3 Sensory Characteristics', '1.4.1 Use of Color', '1.4.2 Audio Control'];
  const levels = ['Supports', 'Supports', 'Not Applicable', 'Partially Supports', 'Supports', 'Supports', 'Supports', 'Supports'];
  for (const [t, title] of ['Table 1: Success Criteria, Level A', 'Table 2: Success Criteria, Level AA', 'Table 3: Success Criteria, Level AAA'].entries()) {
    l.heading(title, 14);
    l.para(`Notes: the ${['first', 'second', 'third'][t]} table lists the criteria of this level that apply to web content.`);
    l.table(
      ['Criteria', 'Conformance Level', 'Remarks and Explanations'],
      criteria.map((c, i) => [c.replace(/^1\./, `${t + 1}.`), levels[i], REMARKS[(i + t) % REMARKS.length]]),
    );
  }
  l.heading('Chapter 6: Support Documentation and Services', 14);
  l.para(
    '601.1 Scope. The technical requirements in Chapter 6 shall apply to support',
    'documentation and services where required by 501.1 and by the other chapters.',
  );
  l.table(
    ['Criteria', 'Conformance Level', 'Remarks and Explanations'],
    [
      ['602.2 Accessibility and\nCompatibility Features', 'Supports', 'The help centre lists all accessibility\nfeatures of the portal.'],
      ['602.3 Electronic Support\nDocumentation', 'Supports', 'See the WCAG 2.x section.'],
      ['602.4 Alternate Formats', 'Not Applicable', 'As a web-based software application,\nno printed documentation exists.'],
    ],
  );
  l.heading('Legal Disclaimer (Acme Utilities)', 14);
  l.para(
    'This report describes the product as of the report date. Acme Utilities may change',
    'the product at any time; the report is provided for information only and is not a',
    'warranty of any kind.',
  );
  return { bytes: buildPdf(l.pages, { outline: l.outline, title: 'Microsoft Word - VPAT2.4Rev508 Acme Portal.docx' }), prose: l.prose, rows: l.rows };
}

const TEMPLATE_PROSE: Record<string, string[]> = {
  Introduction: ['This guide shows administrators how to brand and run the Acme Portal.', 'Each chapter stands on its own and can be read in any order.'],
  'Changing Logos': ['Open Settings, choose Branding and upload a PNG logo of at most 200 kB.', 'The new logo appears on the sign-in page within five minutes.'],
  'Changing Colours': ['Pick the primary and accent colours in the Branding tab; the preview', 'updates at once and the contrast checker warns about unreadable pairs.'],
  'Managing Users': ['Invite users by e-mail address. An invitation expires after seven days', 'and can be sent again from the Users page.'],
};

/**
 * A template-made guide: placeholder metadata title, a cover page, a contents page whose
 * entries are set like headings with right-aligned page numbers (one with dot leaders), then
 * chapters with 18 pt headings and no outline.
 */
export function templateFixture(): PdfFixture {
  const pages: PageSpec[] = [];
  const prose: string[] = [];
  pages.push({ content: textLine('F3', 26, LEFT, 600, 'Acme Portal Administrator Guide') + textLine('F1', 11, LEFT, 570, 'Release 3.1, for site administrators.') });
  prose.push('Release 3.1, for site administrators.');
  const titles = Object.keys(TEMPLATE_PROSE);
  let toc = textLine('F3', 18, LEFT, 700, 'Contents');
  titles.forEach((t, i) => {
    const y = 660 - i * 32;
    if (i === 3) toc += textLine('F1', 14, LEFT, y, `${t} ${'.'.repeat(50)}`);
    else toc += textLine('F1', 14, LEFT, y, t);
    toc += textLine('F1', 11, 530, y, String(i + 3));
  });
  pages.push({ content: toc });
  for (const t of titles) {
    let c = textLine('F3', 18, LEFT, 700, t);
    TEMPLATE_PROSE[t].forEach((line, i) => {
      c += textLine('F1', 11, LEFT, 670 - i * 14, line);
      prose.push(line);
    });
    pages.push({ content: c });
  }
  return { bytes: buildPdf(pages, { title: 'My Document' }), prose, rows: [] };
}
