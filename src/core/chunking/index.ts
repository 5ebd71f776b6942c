export { chunkDocument, chunkContent, contentHash, CHUNKER_VERSION, type ChunkOptions } from './chunker.js';
export { buildContextHeader, HEADER_SEPARATOR } from './context-header.js';
export { countTokens, splitByTokens, encodeTokens, decodeTokens, tokenPieces } from './token-counter.js';
