import { decodeUtf8OrWindows1252, decodeWindows1252 } from '../text/windows-1252.js';
/** Media types whose bodies are text and get decoded. */
export function isTextType(contentType: string): boolean {
  return contentType.startsWith('text/') || /[+/](xml|json|javascript)$/.test(contentType) || contentType === 'application/xhtml+xml';
}

/** Media type without parameters, lower-cased (`text/html`). */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/** `charset` parameter of a `Content-Type` header, lower-cased, if any. */
export function headerCharset(header: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header ?? '');
  return match?.[1].toLowerCase();
}

/** Charset declared inside the document: BOM, `<meta charset>`, `http-equiv` or an XML declaration. */
export function sniffCharset(body: Uint8Array): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  // The HTML spec looks at the first 1024 bytes; pages with long heads declare later, so allow more.
  const head = Buffer.from(body.subarray(0, 4096)).toString('latin1');
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head);
  return meta?.[1].toLowerCase();
}

const WINDOWS_1252_LABELS = new Set(['windows-1252', 'cp1252', 'x-cp1252', 'iso-8859-1', 'iso8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

/**
 * Decodes a body: the header's charset wins, then the document's own declaration; without
 * either, UTF-8 when the bytes are valid UTF-8, else windows-1252 (what browsers guess).
 */
export function decodeBody(body: Uint8Array, contentTypeHeader: string | undefined): string {
  const declared = headerCharset(contentTypeHeader) ?? sniffCharset(body);
  if (declared) {
    if (WINDOWS_1252_LABELS.has(declared)) return decodeWindows1252(body);
    try {
      return new TextDecoder(declared).decode(body);
    } catch {
      // Unknown label: fall through to the guess.
    }
  }
  return decodeUtf8OrWindows1252(body).text;
}
