import { DocumentSchema, type Document } from '../contracts/document.js';

/** A parsed document the host accepts, or why it refuses it. */
export type Admission = { ok: true; doc: Document } | { ok: false; reason: string };

/**
 * The host's check of what a parser yields, before anything else sees it: the document
 * schema (defaults applied) and one document per key within a source. Used by the pipeline
 * and by the plugin author helpers, so a plugin's tests refuse exactly what a run refuses.
 */
export class DocumentGate {
  private readonly keys = new Set<string>();

  /** Validates a raw document and claims its key. */
  admit(raw: unknown): Admission {
    const parsed = DocumentSchema.safeParse(raw);
    if (!parsed.success) {
      return { ok: false, reason: `invalid document: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'document'}: ${i.message}`).join('; ')}` };
    }
    if (this.keys.has(parsed.data.key)) {
      return { ok: false, reason: `duplicate document key "${parsed.data.key}" in this source; the first one was kept` };
    }
    this.keys.add(parsed.data.key);
    return { ok: true, doc: parsed.data };
  }

  /** Claims a key reported unchanged (not yielded); false when it was already seen. */
  claim(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}
