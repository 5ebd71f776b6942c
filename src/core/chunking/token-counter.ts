import { createRequire } from 'node:module';
import { Tiktoken } from 'tiktoken/lite';

/**
 * Token counting with OpenAI's cl100k_base BPE through `tiktoken`, the official WASM port.
 *
 * Measured against `gpt-tokenizer` (pure JS) on the shared corpora: both give the same
 * counts; tiktoken merges a distinct piece about 3x faster (a 5 MB line of distinct pieces:
 * 1.3 s against 4.4 s), which is what decides a cold corpus run.
 *
 * BPE runs independently on each pre-tokenizer piece (the encoding's `pat_str`), so text is
 * split into those pieces here, and each distinct piece is encoded once and its count
 * memoised: most pieces of prose and code are words seen before. Byte-pair merging is
 * quadratic in the length of one piece (a run of 20,000 `x` takes seconds), so a piece
 * longer than {@link MAX_PIECE_CHARS} is cut into runs of that length first. That is the
 * tokenizer this project uses: cl100k_base on pieces of at most 128 characters. It equals
 * plain cl100k_base on every text without such a run (measured on the shared corpora:
 * 27 of 1.3 million pieces are longer, 8 tokens apart in 858,000), and it is linear in the
 * input length.
 */

/** cl100k_base's pre-tokenizer pattern, with the case-insensitive contraction group spelled out (JS has no `(?i:)`). */
const PIECE_PATTERN =
  /('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+/gu;

/** Longest piece handed to byte-pair merging; longer pieces are cut into runs of this length. */
export const MAX_PIECE_CHARS = 128;
/** Name of the tokenizer whose counts are stored in `token_count`. */
export const TOKENIZER_NAME = `cl100k_base (tiktoken, pieces <= ${MAX_PIECE_CHARS} chars)`;

// Bounds memory on corpora with many distinct pieces (identifiers, hashes); a full cache simply restarts.
const MAX_CACHED_PIECES = 500_000;

let encoder: Tiktoken | undefined;
const WHOLE_UNIT = '[\\s\\S]+';
const pieceCounts = new Map<string, number>();
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

function getEncoder(): Tiktoken {
  // Built on first use: loading the ranks takes about a second.
  // The ranks and special tokens of cl100k_base, with a pre-tokenizer pattern that takes its
  // input whole: every text handed to the encoder here is already one unit cut by PIECE_PATTERN
  // (or several joined by a special token), so its own regex pass would only find that unit
  // again, at a third of the encoder's time.
  if (encoder === undefined) {
    // The package's typings of this module do not match its CommonJS export: read it as what it is.
    const ranks = createRequire(import.meta.url)('tiktoken/encoders/cl100k_base') as { bpe_ranks: string; special_tokens: Record<string, number> };
    encoder = new Tiktoken(ranks.bpe_ranks, ranks.special_tokens, WHOLE_UNIT);
  }
  return encoder;
}

/** Calls `visit` for each unit of `text`: its pre-tokenizer pieces, long ones cut into runs of at most MAX_PIECE_CHARS. */
function forEachUnit(text: string, visit: (unit: string) => void): void {
  const re = PIECE_PATTERN;
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const piece = m[0];
    if (piece.length <= MAX_PIECE_CHARS) visit(piece);
    else cutLongPiece(piece, visit);
  }
}

/** Cuts a piece longer than MAX_PIECE_CHARS into runs of at most that length. */
function cutLongPiece(piece: string, visit: (unit: string) => void): void {
  for (let from = 0; from < piece.length; ) {
    let to = Math.min(piece.length, from + MAX_PIECE_CHARS);
    // Never cut between the two halves of a surrogate pair.
    if (to < piece.length && (piece.charCodeAt(to) & 0xfc00) === 0xdc00) to -= 1;
    visit(piece.slice(from, to));
    from = to;
  }
}

function unitCount(unit: string): number {
  let n = pieceCounts.get(unit);
  if (n === undefined) {
    n = getEncoder().encode_ordinary(unit).length;
    remember(unit, n);
  }
  return n;
}

/** Splits text into the tokenizer's units (pre-tokenizer pieces, long runs cut); their concatenation is the text. */
export function tokenPieces(text: string): string[] {
  const out: string[] = [];
  forEachUnit(text, (unit) => out.push(unit));
  return out;
}

/** Encodes text; special-token strings (`<|endoftext|>`) are plain text, never an error. */
export function encodeTokens(text: string): number[] {
  const enc = getEncoder();
  const out: number[] = [];
  forEachUnit(text, (unit) => {
    for (const token of enc.encode_ordinary(unit)) out.push(token);
  });
  return out;
}

/** Decodes token ids back to text. */
export function decodeTokens(tokens: number[]): string {
  return utf8Decoder.decode(getEncoder().decode(Uint32Array.from(tokens)));
}

// Units never seen are encoded in one call per text, joined by this special token: a call into
// the WASM encoder costs 10-30 µs whatever its length, so one call per distinct word made a cold
// corpus run twice as slow as a warm one. The encoder treats the token as a boundary and encodes
// each unit between two of them on its own, exactly as `encode_ordinary(unit)` does; no unit can
// contain the token's text (a unit is one pre-tokenizer piece, letters or punctuation, never both).
const SEPARATOR = '<|endoftext|>';
const SEPARATOR_ALLOWED = [SEPARATOR];
let separatorId: number | undefined;

/** Counts `units` (distinct, none cached) with one encoder call; caches and returns each count. */
function countNewUnits(units: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  if (units.length === 1) {
    counts.set(units[0]!, unitCount(units[0]!));
    return counts;
  }
  const enc = getEncoder();
  separatorId ??= enc.encode(SEPARATOR, SEPARATOR_ALLOWED, [])[0]!;
  let index = 0;
  let n = 0;
  for (const token of enc.encode(units.join(SEPARATOR), SEPARATOR_ALLOWED, [])) {
    if (token !== separatorId) n++;
    else {
      counts.set(units[index++]!, n);
      n = 0;
    }
  }
  counts.set(units[index]!, n);
  for (const [unit, count] of counts) remember(unit, count);
  return counts;
}

function remember(unit: string, n: number): void {
  if (pieceCounts.size >= MAX_CACHED_PIECES) pieceCounts.clear();
  pieceCounts.set(detached(unit), n);
}

/**
 * A cache key that holds no document alive: V8 keeps a match or slice of 13+ characters as a
 * view of its source string, so such a key gets a fresh copy. Shorter ones are copies already.
 */
function detached(key: string): string {
  return key.length < 13 ? key : Buffer.from(key, 'utf8').toString('utf8');
}

/**
 * Adds up the cached counts of `text`'s units; units not cached yet are pushed to `fresh`
 * (with the index of their text in `owners`) to be counted together afterwards. The scan is
 * inlined (no callback per unit): it runs over every text the chunker measures.
 */
function cachedSum(text: string, owner: number, fresh: string[], owners: number[]): number {
  const re = PIECE_PATTERN;
  re.lastIndex = 0;
  let total = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const piece = m[0];
    if (piece.length <= MAX_PIECE_CHARS) {
      const n = pieceCounts.get(piece);
      if (n !== undefined) total += n;
      else {
        fresh.push(piece);
        owners.push(owner);
      }
      continue;
    }
    cutLongPiece(piece, (unit) => {
      const n = pieceCounts.get(unit);
      if (n !== undefined) total += n;
      else {
        fresh.push(unit);
        owners.push(owner);
      }
    });
  }
  return total;
}

// Counts of whole line segments (see `segmentedSum`), bounded like the piece cache.
const segmentCounts = new Map<string, number>();
let segmentChars = 0;
const MAX_SEGMENT_CHARS = 4_000_000;

/** True when the character at `i` is not whitespace to the piece pattern's `\s`. */
function isNonSpace(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return c !== 0x20 && (c < 0x09 || c > 0x0d);
  return !/\s/u.test(text[i]!);
}

/**
 * The chunker measures the same lines many times (as a block, in its section, in a packed
 * chunk), so counts are also kept per line segment. A text is cut after each newline that is
 * followed by a non-space character: no pre-tokenizer piece spans such a point (the pieces
 * holding a newline end at the last newline of their run, and none starts with one), and the
 * pattern looks no further ahead than the next character, which a segment always ends
 * on a newline before. So the count of a text is exactly the sum of its segments' counts.
 */
function segmentedSum(text: string, owner: number, fresh: string[], owners: number[], pending: PendingSegment[]): number {
  let total = 0;
  for (let from = 0; from < text.length; ) {
    let nl = text.indexOf('\n', from);
    while (nl !== -1 && nl + 1 < text.length && !isNonSpace(text, nl + 1)) nl = text.indexOf('\n', nl + 1);
    const to = nl === -1 || nl + 1 >= text.length ? text.length : nl + 1;
    const segment = from === 0 && to === text.length ? text : text.slice(from, to);
    const known = segmentCounts.get(segment);
    if (known !== undefined) total += known;
    else {
      const before = fresh.length;
      const n = cachedSum(segment, owner, fresh, owners);
      total += n;
      // Complete once its new units are counted (`settle`).
      if (fresh.length === before) rememberSegment(segment, n);
      else pending.push({ segment, cached: n, from: before, to: fresh.length });
    }
    from = to;
  }
  return total;
}

/** A segment with units not counted yet: its cached part and the range of its units in `fresh`. */
interface PendingSegment {
  segment: string;
  cached: number;
  from: number;
  to: number;
}

/** Counts the `fresh` units in one encoder call, remembers the segments that waited for them, and returns the counts. */
function settle(fresh: readonly string[], pending: readonly PendingSegment[]): Map<string, number> {
  const counts = countNewUnits([...new Set(fresh)]);
  for (const p of pending) {
    let n = p.cached;
    for (let k = p.from; k < p.to; k++) n += counts.get(fresh[k]!)!;
    rememberSegment(p.segment, n);
  }
  return counts;
}

function rememberSegment(segment: string, n: number): void {
  if (segmentChars + segment.length > MAX_SEGMENT_CHARS) {
    segmentCounts.clear();
    segmentChars = 0;
  }
  segmentChars += segment.length;
  segmentCounts.set(detached(segment), n);
}

/** Number of tokens in `text` (same as `encodeTokens(text).length`), linear in its length. */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  // Reused between calls: nearly every call finds all its units cached and allocates nothing.
  scratchFresh.length = 0;
  scratchOwners.length = 0;
  scratchPending.length = 0;
  let total = segmentedSum(text, 0, scratchFresh, scratchOwners, scratchPending);
  if (scratchFresh.length === 0) return total;
  const fresh = scratchFresh.splice(0);
  const counts = settle(fresh, scratchPending.splice(0));
  for (const unit of fresh) total += counts.get(unit)!;
  return total;
}
const scratchFresh: string[] = [];
const scratchOwners: number[] = [];
const scratchPending: PendingSegment[] = [];

/**
 * `countTokens` of each text, with the units none of them had cached counted in one encoder
 * call: a document's blocks are measured together, so a cold corpus pays one call per document
 * instead of one per block (each call costs 10-30 µs besides the text it encodes).
 */
export function countTokensEach(texts: readonly string[]): number[] {
  const fresh: string[] = [];
  const owners: number[] = [];
  const pending: PendingSegment[] = [];
  const totals = texts.map((text, i) => segmentedSum(text, i, fresh, owners, pending));
  if (fresh.length === 0) return totals;
  const counts = settle(fresh, pending);
  for (let k = 0; k < fresh.length; k++) totals[owners[k]!]! += counts.get(fresh[k]!)!;
  return totals;
}

/** Token start offsets (in bytes) of one unit, plus its length. */
function tokenByteBoundaries(unit: string): number[] {
  const enc = getEncoder();
  const offsets = [0];
  for (const token of enc.encode_ordinary(unit)) offsets.push(offsets[offsets.length - 1] + enc.decode_single_token_bytes(token).length);
  return offsets;
}

/**
 * Splits one unit that alone exceeds `maxTokens` at token boundaries, moving a cut that
 * would fall inside a UTF-8 character to that character's start.
 */
function splitUnitAtTokens(unit: string, maxTokens: number): string[] {
  const bytes = utf8.encode(unit);
  const bounds = tokenByteBoundaries(unit);
  const isCharStart = (offset: number): boolean => offset >= bytes.length || (bytes[offset] & 0xc0) !== 0x80;
  const parts: string[] = [];
  let from = 0;
  let index = 0;
  while (from < bytes.length) {
    let next = Math.min(index + maxTokens, bounds.length - 1);
    let cut = bounds[next];
    while (!isCharStart(cut) && next - 1 > index) cut = bounds[(next -= 1)];
    while (!isCharStart(cut)) cut += 1;
    parts.push(utf8Decoder.decode(bytes.subarray(from, cut)));
    from = cut;
    while (index < bounds.length - 1 && bounds[index] < cut) index += 1;
  }
  return parts;
}

/**
 * Last-resort split of text into consecutive parts of at most `maxTokens` tokens each,
 * cut at tokenizer unit boundaries (or token boundaries inside an oversized unit).
 * The parts concatenate to exactly `text`.
 */
export function splitByTokens(text: string, maxTokens: number): string[] {
  const limit = Math.max(1, Math.floor(maxTokens));
  const parts: string[] = [];
  let current: string[] = [];
  let currentTokens = 0;
  forEachUnit(text, (unit) => {
    const n = unitCount(unit);
    if (currentTokens + n > limit && current.length > 0) {
      parts.push(current.join(''));
      current = [];
      currentTokens = 0;
    }
    if (n > limit) {
      parts.push(...splitUnitAtTokens(unit, limit));
      return;
    }
    current.push(unit);
    currentTokens += n;
  });
  if (current.length > 0) parts.push(current.join(''));
  return parts;
}
