/** Text of a Flare file and how its bytes were decoded. */
export interface DecodedText {
  /** The file text without a byte-order mark. */
  text: string;
  /** Encoding used: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252` (fallback for invalid UTF-8). */
  encoding: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('latin1');

// Node without full ICU decodes `windows-1252` as Latin-1, so 0x80-0x9F would become C1
// control characters; this table maps them as Windows does (undefined bytes stay as they are).
const CP1252_C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return latin1.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_C1[c.charCodeAt(0) - 0x80]);
}

/**
 * Decodes a topic, snippet, TOC or variable file. Flare writes UTF-8 (often with a BOM), but
 * older projects hold files saved by other editors: invalid UTF-8 is read as Windows-1252
 * rather than filled with replacement characters. Returns undefined for binary data.
 */
export function decodeFlareBytes(bytes: Uint8Array): DecodedText | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = bytes.subarray(start);
  // A NUL byte never occurs in an XHTML topic; it means an image or other binary file.
  if (body.includes(0)) return undefined;
  try {
    return { text: utf8.decode(body), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}
