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

// Node 20's TextDecoder decodes the windows-1252 family as ISO-8859-1, leaving C1 control
// characters where Windows has curly quotes, dashes and the euro sign; this table fixes 0x80-0x9f.
const CP1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
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
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return decodeWindows1252(body);
  }
}

function decodeWindows1252(body: Uint8Array): string {
  const latin1 = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_C1[c.charCodeAt(0) - 0x80]));
}
