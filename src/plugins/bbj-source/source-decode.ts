import { decodeUtf8OrWindows1252 } from '../../plugin-api.js';

/** A source file decoded to text, or the reason it has no text. */
export type DecodedSource = { ok: true; text: string; encoding: 'utf-8' | 'windows-1252' } | { ok: false; reason: string };

const TOKENIZED_MAGIC = Buffer.from('<<bbj>>', 'latin1');

/**
 * Decodes a BBj source file: UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252
 * (older BBj editors and AddonSoftware save Latin-1/Windows-1252, and decoding those as UTF-8
 * would fill them with U+FFFD). Tokenized programs and other binaries have no source text.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, TOKENIZED_MAGIC.length).equals(TOKENIZED_MAGIC)) {
    return { ok: false, reason: 'tokenized (binary) BBj program (starts with <<bbj>>): no source text to index' };
  }
  if (buf.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes)' };
  const { text, encoding } = decodeUtf8OrWindows1252(buf);
  // TextDecoder strips a UTF-8 BOM already; normalise line ends so line-based rules see one form.
  return { ok: true, text: text.replace(/\r\n?/g, '\n'), encoding };
}
