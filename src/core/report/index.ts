export { buildReport, DEFAULT_UNSPLITTABLE_MARKER } from './build-report.js';
export { CHUNK_BODY_SQL } from './chunk-findings.js';
export { defaultBucketWidth, histogramBuckets } from './histogram.js';
export { qualityProperties } from './quality-properties.js';
export { skippedFromStats } from './report-queries.js';
export type * from './report-types.js';
export { DEFAULT_SHARE_LIMITS } from './report-types.js';
export { TINY_CHUNK_TOKENS, MIN_TEXT_COVERAGE } from './text-findings.js';
