import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../store/sql-client.js';
import { readableChars } from '../text/readable-chars.js';
import type { ChunkRef, Finding } from './report-types.js';

/** Chunks below this many tokens count as tiny. */
export const TINY_CHUNK_TOKENS = 50;
/** A document whose chunks hold less than this share of the letters and digits its parser read has lost text. */
export const MIN_TEXT_COVERAGE = 0.9;
/** A context header segment with more words than this is prose or badge text taken for a heading. */
export const LONG_HEADING_WORDS = 15;
/** Chunk metadata key where the chunker records the parser's `textChars` (on a document's first chunk). */
export const TEXT_CHARS_KEY = 'text_chars';

/** Markup that must not survive conversion, each with the name shown in findings. */
const LEFTOVERS: { name: string; pattern: RegExp }[] = [
  { name: 'HTML entity &#x', pattern: /&#x[0-9a-f]+;/i },
  { name: 'docsify callout ?>/!>', pattern: /^[ \t]*[?!]>[ \t]/m },
  { name: 'admonition :::', pattern: /^[ \t>]*:::/m },
  { name: '<TabItem', pattern: /<\/?TabItem\b/ },
  { name: '<MadCap', pattern: /<\/?MadCap:/ },
  { name: 'Flare variable [%=', pattern: /\[%=/ },
  // A status badge (shields.io or a `*-badge` reference) inside a link: a picture, not text.
  { name: 'badge image [![', pattern: /\[!\[[^\]]*\](?:\([^)]*(?:shields\.io|badge)[^)]*\)|\[[^\]]*badge[^\]]*\])\]/i },
];

// Two capitalised words written as one (`LinkSet`): the shape text takes when an element
// (an image's alt text, a link) is joined to the next word without the space a browser shows.
const CAMEL_JOIN = /(?<![\p{L}\p{N}_])(\p{Lu}\p{Ll}+)(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_])/gu;
/** A first part must glue onto at least this many different words before its joins count as glued. */
const GLUE_MIN_PARTNERS = 3;
// Any word of prose, to count how often a first part stands on its own (`one`, `Web`, `file`).
const WORD = /[\p{L}\p{N}_]+/gu;
/**
 * A body repeated in another document counts as a duplicate only below this many tokens: small
 * repeats (`### Returns Type: Promise<void>`, a shared `label ..._exit` routine) are noise
 * that merging should have absorbed, while a larger passage the source itself repeats on
 * several pages (Liquibase's "Database support" table) is found through each page's header.
 */
export const SMALL_DUPLICATE_TOKENS = 100;

/** The per-source findings of the text scan. */
export interface TextFindings {
  tiny: Finding;
  duplicates: Finding;
  leftovers: Finding;
  glued: Finding;
  lostText: Finding;
  longHeadings: Finding;
}

interface Row {
  [column: string]: unknown;
  id: unknown;
  source_name: string;
  source_url: string;
  doc_key: string;
  chunk_index: number;
  token_count: number;
  context_header: string;
  content: string;
  text_chars: string | null;
}

function bodyOf(row: Row): string {
  const header = row.context_header;
  if (!header) return row.content;
  if (row.content === header) return '';
  return row.content.startsWith(`${header}\n\n`) ? row.content.slice(header.length + 2) : row.content;
}

/** Prose only: fenced code blocks and inline code removed (code may legitimately hold `?>` or `LinkSet`). */
export function proseOf(body: string): string {
  return body.replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^[ \t]*\1[ \t]*$|(?![\s\S]))/gm, '').replace(/`[^`\n]*`/g, '');
}


class FindingBuilder {
  readonly finding: Finding = { count: 0, samples: [] };
  constructor(private readonly sampleLimit: number) {}
  add(ref: ChunkRef): void {
    this.finding.count += 1;
    if (this.finding.samples.length < this.sampleLimit) this.finding.samples.push(ref);
  }
}

/** What the scan keeps per source while it reads. */
class SourceScan {
  readonly tiny: FindingBuilder;
  readonly duplicates: FindingBuilder;
  readonly leftovers: FindingBuilder;
  readonly glued: FindingBuilder;
  readonly lostText: FindingBuilder;
  readonly longHeadings: FindingBuilder;
  readonly bodies = new Set<string>();
  /** Bodies of the document being read (a document's chunks are written together, so they come in a run). */
  docBodies = new Set<string>();
  docKey = '';
  /** Per camel join: its first part, chunks it occurs in; per first part: the distinct second parts. */
  readonly joins = new Map<string, { first: string; refs: ChunkRef[] }>();
  readonly partners = new Map<string, Set<string>>();
  /** Per first part (lower case): how often it is glued, and how often any word of prose is it on its own. */
  readonly gluedCount = new Map<string, number>();
  readonly wordCount = new Map<string, number>();
  readonly inCode = new Set<string>();
  /** Per document: letters and digits read by the parser and reaching the chunks. */
  readonly coverage = new Map<string, { url: string; read: number; stored: number }>();

  constructor(sampleLimit: number) {
    this.tiny = new FindingBuilder(sampleLimit);
    this.duplicates = new FindingBuilder(sampleLimit);
    this.leftovers = new FindingBuilder(sampleLimit);
    this.glued = new FindingBuilder(sampleLimit);
    this.lostText = new FindingBuilder(sampleLimit);
    this.longHeadings = new FindingBuilder(sampleLimit);
  }

  read(row: Row): void {
    const body = bodyOf(row);
    const ref = (detail: string): ChunkRef => ({ sourceUrl: row.source_url, docKey: row.doc_key, chunkIndex: Number(row.chunk_index), tokenCount: Number(row.token_count), detail });
    const oneLine = body.replace(/\s+/g, ' ').trim();
    if (Number(row.token_count) < TINY_CHUNK_TOKENS) this.tiny.add(ref(oneLine.slice(0, 120)));
    // The header's segments are breadcrumb, title and headings: none of them is a sentence.
    const long = row.context_header ? row.context_header.split(' > ').find((segment) => segment.split(/\s+/).length > LONG_HEADING_WORDS) : undefined;
    if (long !== undefined) this.longHeadings.add(ref(long.slice(0, 120)));
    const key = createHash('sha1').update(body.trim()).digest('base64');
    if (row.doc_key !== this.docKey) {
      this.docKey = row.doc_key;
      this.docBodies = new Set();
    }
    const inDocument = this.docBodies.has(key);
    if (inDocument || (this.bodies.has(key) && Number(row.token_count) < SMALL_DUPLICATE_TOKENS)) this.duplicates.add(ref(`${inDocument ? 'same document' : 'other document'}: ${oneLine.slice(0, 120)}`));
    this.bodies.add(key);
    this.docBodies.add(key);
    const prose = proseOf(body);
    for (const m of prose.matchAll(WORD)) {
      const w = m[0].toLowerCase();
      this.wordCount.set(w, (this.wordCount.get(w) ?? 0) + 1);
    }
    const leftover = LEFTOVERS.find((l) => l.pattern.test(prose));
    if (leftover) {
      const at = prose.search(leftover.pattern);
      this.leftovers.add(ref(`${leftover.name}: ${prose.slice(Math.max(0, at - 40), at + 60).replace(/\s+/g, ' ')}`));
    }
    const seen = new Set<string>();
    for (const m of prose.matchAll(CAMEL_JOIN)) {
      const word = m[0];
      const partners = this.partners.get(m[1]) ?? new Set<string>();
      partners.add(m[2]);
      this.partners.set(m[1], partners);
      const first = m[1].toLowerCase();
      this.gluedCount.set(first, (this.gluedCount.get(first) ?? 0) + 1);
      if (seen.has(word)) continue;
      seen.add(word);
      const entry = this.joins.get(word) ?? { first: m[1], refs: [] };
      entry.refs.push(ref(`${word}: ${prose.slice(Math.max(0, (m.index ?? 0) - 30), (m.index ?? 0) + 50).replace(/\s+/g, ' ')}`));
      this.joins.set(word, entry);
    }
    // Words written inside code are identifiers of the product, not glue.
    if (prose.length !== body.length) for (const m of body.matchAll(CAMEL_JOIN)) if (!prose.includes(m[0])) this.inCode.add(m[0]);
    const doc = this.coverage.get(row.doc_key) ?? { url: row.source_url, read: 0, stored: 0 };
    if (row.text_chars !== null && Number.isFinite(Number(row.text_chars))) doc.read = Math.max(doc.read, Number(row.text_chars));
    doc.stored += readableChars(body);
    this.coverage.set(row.doc_key, doc);
  }

  finish(): TextFindings {
    // A join counts as glue when its first part glues onto several different words, is glued
    // at least as often as it stands alone, and the join itself is never written as code:
    // `Link` + Set/Get/Create... (an image's alt text before every heading), not `JavaScript`,
    // nor the names a product writes as one word (`OneDrive`, `SharePoint`, `EmailAddress`:
    // `one`, `share` and `email` are ordinary words of the same prose).
    const gluedChunks = new Map<string, ChunkRef>();
    for (const [word, entry] of this.joins) {
      if (this.inCode.has(word) || (this.partners.get(entry.first)?.size ?? 0) < GLUE_MIN_PARTNERS) continue;
      const first = entry.first.toLowerCase();
      if ((this.wordCount.get(first) ?? 0) > (this.gluedCount.get(first) ?? 0)) continue;
      for (const r of entry.refs) {
        const id = `${r.docKey}\u0000${r.chunkIndex}`;
        if (!gluedChunks.has(id)) gluedChunks.set(id, r);
      }
    }
    for (const r of [...gluedChunks.values()].sort((a, b) => a.docKey.localeCompare(b.docKey) || a.chunkIndex - b.chunkIndex)) this.glued.add(r);
    for (const [docKey, d] of this.coverage) {
      if (d.read <= 0) continue;
      const share = d.stored / d.read;
      if (share < MIN_TEXT_COVERAGE) this.lostText.add({ sourceUrl: d.url, docKey, chunkIndex: 0, tokenCount: 0, detail: `${d.stored} of ${d.read} letters and digits reached a chunk (${(share * 100).toFixed(0)}%)` });
    }
    return { tiny: this.tiny.finding, duplicates: this.duplicates.finding, leftovers: this.leftovers.finding, glued: this.glued.finding, lostText: this.lostText.finding, longHeadings: this.longHeadings.finding };
  }
}

/**
 * Reads every chunk of the given sources once, in pages, and finds what the SQL aggregates
 * cannot see: tiny and duplicate chunks, markup leftovers and glued words in prose, and
 * documents whose text did not reach their chunks. Memory: one hash per chunk body.
 */
export async function textFindings(sql: SqlExecutor, sources: string[], sampleLimit: number, pageSize = 2000): Promise<Map<string, TextFindings>> {
  const scans = new Map(sources.map((s) => [s, new SourceScan(sampleLimit)]));
  let after: unknown = 0;
  for (;;) {
    const rows = await sql.query<Row>(
      `SELECT id, source_name, source_url, doc_key, chunk_index, token_count, context_header, content, metadata ->> '${TEXT_CHARS_KEY}' AS text_chars
       FROM chunks WHERE source_name = ANY($1::text[]) AND id > $2 ORDER BY id LIMIT $3`,
      [sources, after, pageSize],
    );
    for (const row of rows) scans.get(row.source_name)?.read(row);
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1].id;
  }
  return new Map([...scans].map(([name, scan]) => [name, scan.finish()]));
}
