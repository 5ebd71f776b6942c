export { searchChunks } from './search-chunks.js';
export { Searcher, assertSameEmbedder, type QueryEmbedder, type SearchStoreFacts } from './searcher.js';
export { renderSnippet, parseHeadline } from './snippet.js';
export * from './search-types.js';
