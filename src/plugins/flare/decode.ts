import { decodeUtf8OrWindows1252 } from '../../plugin-api.js';

/** Text of a Flare file and how its bytes were decoded. */
export interface DecodedText {
  /** The file text without a byte-order mark. */
  text: string;
  /** Encoding used: `utf-8`, `utf-16le`, `utf-16be` or `windows-1252` (fallback for invalid UTF-8). */
  encoding: string;
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
  return decodeUtf8OrWindows1252(body);
}
