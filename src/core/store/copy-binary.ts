/**
 * PostgreSQL's binary COPY format (https://www.postgresql.org/docs/current/sql-copy.html#id-1.9.3.55.9.4),
 * for the few column types the store writes. A 1024-d vector is 4 KB of float4 here against
 * ~20 KB of decimal text, and the server stores the floats without parsing them: the text form
 * cost the client a third of the write time (JSON.stringify) and the server its float parsing.
 * Floats are rounded to float4 exactly as pgvector's text input does (round to nearest).
 */

/** One field of a row, tagged with how it goes on the wire. */
export type BinaryField =
  | { text: string }
  | { int4: number }
  | { bool: boolean }
  | { textArray: readonly string[] }
  | { jsonb: string }
  | { vector: readonly number[] };

// "PGCOPY\n\377\r\n\0", then a 32-bit flags field and a 32-bit header-extension length, both 0.
const SIGNATURE = Buffer.from([0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
const TEXT_OID = 25;
const JSONB_VERSION = 1;

/** Encodes rows (each a list of fields, every row the same columns) as one binary COPY stream. */
export function encodeCopyBinary(rows: readonly (readonly BinaryField[])[]): Buffer {
  // Sizes first, so the whole stream is written into one buffer without copies.
  let size = SIGNATURE.length + 2;
  for (const row of rows) {
    size += 2;
    for (const field of row) size += 4 + fieldSize(field);
  }
  const buf = Buffer.allocUnsafe(size);
  let at = SIGNATURE.copy(buf, 0);
  for (const row of rows) {
    at = buf.writeInt16BE(row.length, at);
    for (const field of row) at = writeField(buf, at, field);
  }
  buf.writeInt16BE(-1, at);
  return buf;
}

function fieldSize(field: BinaryField): number {
  if ('text' in field) return Buffer.byteLength(field.text, 'utf8');
  if ('int4' in field) return 4;
  if ('bool' in field) return 1;
  if ('jsonb' in field) return 1 + Buffer.byteLength(field.jsonb, 'utf8');
  if ('vector' in field) return 4 + 4 * field.vector.length;
  // ndim, has-null flag, element type; then size and lower bound of the one dimension; then each element with its length.
  let size = 12 + (field.textArray.length > 0 ? 8 : 0);
  for (const value of field.textArray) size += 4 + Buffer.byteLength(value, 'utf8');
  return size;
}

/** Writes the field's length and bytes at `at`; returns the offset after them. */
function writeField(buf: Buffer, at: number, field: BinaryField): number {
  const start = at + 4;
  let end: number;
  if ('text' in field) end = start + buf.write(field.text, start, 'utf8');
  else if ('int4' in field) end = buf.writeInt32BE(checkedInt4(field.int4), start);
  else if ('bool' in field) end = buf.writeUInt8(field.bool ? 1 : 0, start);
  else if ('jsonb' in field) {
    const body = buf.writeUInt8(JSONB_VERSION, start);
    end = body + buf.write(field.jsonb, body, 'utf8');
  } else if ('vector' in field) {
    // pgvector's vector_recv: int16 dimension, int16 unused (0), then float4 values, big-endian.
    end = buf.writeInt16BE(field.vector.length, start);
    end = buf.writeInt16BE(0, end);
    for (const value of field.vector) end = buf.writeFloatBE(value, end);
  } else {
    const values = field.textArray;
    end = buf.writeInt32BE(values.length > 0 ? 1 : 0, start);
    end = buf.writeInt32BE(0, end);
    end = buf.writeInt32BE(TEXT_OID, end);
    if (values.length > 0) {
      end = buf.writeInt32BE(values.length, end);
      end = buf.writeInt32BE(1, end);
    }
    for (const value of values) {
      const body = end + 4;
      const after = body + buf.write(value, body, 'utf8');
      buf.writeInt32BE(after - body, end);
      end = after;
    }
  }
  buf.writeInt32BE(end - start, at);
  return end;
}

/** The text form refused a fraction or an out-of-range number; the binary form would silently truncate it. */
function checkedInt4(value: number): number {
  if (!Number.isInteger(value) || value < -2147483648 || value > 2147483647) throw new RangeError(`not a 32-bit integer: ${value}`);
  return value;
}
