export { chunkDocument, chunkContent, contentHash, CHUNKER_VERSION, DEFAULT_MIN_SECTION_TOKENS, type ChunkOptions } from './chunker.js';
export { buildContextHeader, HEADER_SEPARATOR } from './context-header.js';
export { countTokens, splitByTokens, encodeTokens, decodeTokens, tokenPieces, TOKENIZER_NAME } from './token-counter.js';
