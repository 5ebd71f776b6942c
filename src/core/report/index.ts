export { buildReport, DEFAULT_UNSPLITTABLE_MARKER } from './build-report.js';
export { CHUNK_BODY_SQL } from './chunk-findings.js';
export { defaultBucketWidth, histogramBuckets } from './histogram.js';
export { qualityProperties } from './quality-properties.js';
export { skippedFromStats } from './report-queries.js';
export type * from './report-types.js';
