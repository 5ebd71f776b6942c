import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';

/**
 * Token counting with a real BPE tokenizer (cl100k_base, bundled with js-tiktoken).
 *
 * js-tiktoken's `encode()` is far too slow to count every candidate chunk of a corpus: it
 * rebuilds two regular expressions per call and its merge loop is quadratic in string
 * keys. BPE runs independently on each pre-tokenizer piece (the encoding's `pat_str`), so
 * we split text into those pieces, merge each distinct piece once with the encoder's own
 * ranks and memoise the count. The result equals `encode(text).length` (tested on corpora).
 */

let encoder: Tiktoken | undefined;
let piecePattern: RegExp | undefined;
let rankMap: Map<string, number> | null | undefined;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();
const pieceCounts = new Map<string, number>();
// Bounds memory on corpora with many distinct pieces (identifiers, hashes); a full cache simply restarts.
const MAX_CACHED_PIECES = 500_000;
const MAX_CACHED_PIECE_LENGTH = 64;

function getEncoder(): Tiktoken {
  // Built on first use: parsing the ranks takes about half a second.
  encoder ??= new Tiktoken(cl100kBase);
  return encoder;
}

function getPiecePattern(): RegExp {
  piecePattern ??= new RegExp(cl100kBase.pat_str, 'gu');
  return piecePattern;
}

/**
 * The encoder's byte-sequence ranks, from js-tiktoken's internal `rankMap` (keys are byte
 * values joined by commas), or null when a future version has no such map; then
 * `encode()` is used instead.
 */
function ranks(): Map<string, number> | null {
  if (rankMap === undefined) {
    const candidate = (getEncoder() as unknown as { rankMap?: unknown }).rankMap;
    rankMap = candidate instanceof Map && typeof candidate.get('32') === 'number' ? (candidate as Map<string, number>) : null;
  }
  return rankMap;
}

/** Encodes text with special-token strings (`<|endoftext|>`) treated as plain text, never as an error. */
export function encodeTokens(text: string): number[] {
  return getEncoder().encode(text, [], []);
}

/** Decodes token ids back to text. */
export function decodeTokens(tokens: number[]): string {
  return getEncoder().decode(tokens);
}

/**
 * Byte offsets where the tokens of one piece start (plus the end offset): byte-pair
 * merging that always merges the lowest-ranked adjacent pair, leftmost first, as tiktoken
 * does, but re-ranking only the neighbours of each merge.
 */
function bpeBoundaries(bytes: Uint8Array, map: Map<string, number>): number[] {
  const starts = Array.from({ length: bytes.length + 1 }, (_, i) => i);
  if (bytes.length <= 1 || map.has(bytes.join(','))) return bytes.length <= 1 ? starts : [0, bytes.length];
  const rankAt = (i: number): number => (i + 2 < starts.length ? (map.get(bytes.subarray(starts[i], starts[i + 2]).join(',')) ?? Infinity) : Infinity);
  const pairRanks = starts.slice(0, -1).map((_, i) => rankAt(i));
  for (;;) {
    let best = -1;
    let bestRank = Infinity;
    for (let i = 0; i < pairRanks.length - 1; i += 1) {
      if (pairRanks[i] < bestRank) {
        bestRank = pairRanks[i];
        best = i;
      }
    }
    if (best < 0) break;
    starts.splice(best + 1, 1);
    pairRanks.splice(best + 1, 1);
    pairRanks[best] = rankAt(best);
    if (best > 0) pairRanks[best - 1] = rankAt(best - 1);
  }
  return starts;
}

function pieceCount(piece: string): number {
  let n = pieceCounts.get(piece);
  if (n === undefined) {
    const map = ranks();
    n = map ? bpeBoundaries(utf8.encode(piece), map).length - 1 : encodeTokens(piece).length;
    // Long pieces are rare and, as substrings, would keep their whole source text alive.
    if (piece.length <= MAX_CACHED_PIECE_LENGTH) {
      if (pieceCounts.size >= MAX_CACHED_PIECES) pieceCounts.clear();
      pieceCounts.set(piece, n);
    }
  }
  return n;
}

/** Splits text into the tokenizer's pre-tokenization pieces; their concatenation is the text. */
export function tokenPieces(text: string): string[] {
  return text.match(getPiecePattern()) ?? [];
}

/** Number of cl100k_base tokens in `text` (same as `encodeTokens(text).length`). */
export function countTokens(text: string): number {
  if (text.length === 0) return 0;
  const re = getPiecePattern();
  re.lastIndex = 0;
  let total = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) total += pieceCount(m[0]);
  return total;
}

/** Token start offsets (in bytes) of one piece, plus its length. */
function tokenByteBoundaries(bytes: Uint8Array): number[] {
  const map = ranks();
  if (map) return bpeBoundaries(bytes, map);
  const offsets = [0];
  for (const token of encodeTokens(utf8Decoder.decode(bytes))) {
    offsets.push(offsets[offsets.length - 1] + utf8.encode(decodeTokens([token])).length);
  }
  return offsets;
}

/**
 * Splits one pre-tokenizer piece that alone exceeds `maxTokens` at token boundaries,
 * moving a cut that would fall inside a UTF-8 character to that character's start.
 */
function splitPieceAtTokens(piece: string, maxTokens: number): string[] {
  const bytes = utf8.encode(piece);
  const bounds = tokenByteBoundaries(bytes);
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
 * cut at tokenizer piece boundaries (or token boundaries inside an oversized piece).
 * The parts concatenate to exactly `text`.
 */
export function splitByTokens(text: string, maxTokens: number): string[] {
  const limit = Math.max(1, Math.floor(maxTokens));
  const parts: string[] = [];
  let current = '';
  let currentTokens = 0;
  for (const piece of tokenPieces(text)) {
    const n = pieceCount(piece);
    if (currentTokens + n > limit && current) {
      parts.push(current);
      current = '';
      currentTokens = 0;
    }
    if (n > limit) {
      parts.push(...splitPieceAtTokens(piece, limit));
      continue;
    }
    current += piece;
    currentTokens += n;
  }
  if (current) parts.push(current);
  return parts;
}
