import { DocumentSchema, type Document } from '../contracts/document.js';
import { DEFAULT_MAX_FILE_BYTES } from '../files/file-guard.js';
import { pgSafe, pgSafeJson } from '../text/pg-text.js';

/** A parsed document the host accepts, or why it refuses it. */
export type Admission = { ok: true; doc: Document } | { ok: false; reason: string };

/**
 * The host's check of what a parser yields, before anything else sees it: the document
 * schema (defaults applied), characters PostgreSQL refuses removed (NUL, lone surrogates, so one
 * bad file cannot fail the transaction of its neighbours), a size limit (`max_file_bytes`, so one
 * huge page cannot become tens of thousands of chunks) and one document per key within a source.
 * Used by the pipeline and by the plugin author helpers, so a plugin's tests refuse exactly what
 * a run refuses.
 */
export class DocumentGate {
  private readonly keys = new Set<string>();
  private readonly maxBytes: number;

  constructor(options: { maxBytes?: number } = {}) {
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Validates a raw document and claims its key. */
  admit(raw: unknown): Admission {
    const checked = this.check(raw);
    if (!checked.ok) return checked;
    if (!this.claim(checked.doc.key)) return { ok: false, reason: duplicateKey(checked.doc.key) };
    return checked;
  }

  /**
   * Validates a raw document without claiming its key: schema, sanitising, size. A parse
   * thread checks here; the host claims keys in one place, where unchanged keys are claimed too.
   */
  check(raw: unknown): Admission {
    const parsed = DocumentSchema.safeParse(sanitize(raw));
    if (!parsed.success) {
      return { ok: false, reason: `invalid document: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ')}` };
    }
    // UTF-16 length is a cheap lower bound of the UTF-8 size; measure exactly only near the limit.
    const content = parsed.data.content;
    if (content.length * 3 > this.maxBytes) {
      const bytes = Buffer.byteLength(content, 'utf8');
      if (bytes > this.maxBytes) {
        return { ok: false, reason: `document text of ${(bytes / 1048576).toFixed(1)} MB is larger than max_file_bytes (${(this.maxBytes / 1048576).toFixed(1)} MB)` };
      }
    }
    return { ok: true, doc: parsed.data };
  }

  /** Claims a key reported unchanged (not yielded); false when it was already seen. */
  claim(key: string): boolean {
    key = pgSafe(key);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}

/** Why a second document with a key already seen in this source is refused. */
export function duplicateKey(key: string): string {
  return `duplicate document key "${key}" in this source; the first one was kept`;
}

/** Removes NUL and lone surrogates from every string a parser handed over (text, title, keys, metadata). */
function sanitize(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  return pgSafeJson(raw);
}
