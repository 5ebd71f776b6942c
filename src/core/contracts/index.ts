export * from './document.js';
export * from './chunk.js';
export * from './parser.js';
export * from './embedder.js';
export * from './enricher.js';
export * from './http.js';
export * from './logger.js';
