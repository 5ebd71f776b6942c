import type { HistogramBucket } from './report-types.js';

/** Default bucket width: an eighth of the limit, rounded up, so every limit gets about eight buckets. */
export function defaultBucketWidth(maxTokens: number): number {
  return Math.max(1, Math.ceil(maxTokens / 8));
}

/**
 * Turns bucket counts (1..n for `((i-1)w, iw]` capped at the limit, 0 for above it) into
 * labelled buckets: `0-50`, `51-100`, ..., `351-400`, `> 400`. Empty buckets are kept so
 * every source shows the same rows.
 */
export function histogramBuckets(counts: ReadonlyMap<number, number>, maxTokens: number, width: number): HistogramBucket[] {
  const n = Math.ceil(maxTokens / width);
  const buckets: HistogramBucket[] = [];
  for (let i = 1; i <= n; i++) {
    const min = i === 1 ? 0 : (i - 1) * width + 1;
    const max = Math.min(i * width, maxTokens);
    buckets.push({ label: `${min}-${max}`, min, max, chunks: counts.get(i) ?? 0 });
  }
  buckets.push({ label: `> ${maxTokens}`, min: maxTokens + 1, max: null, chunks: counts.get(0) ?? 0 });
  return buckets;
}

/** Adds histograms bucket by bucket (they share one layout). */
export function addHistograms(a: HistogramBucket[], b: HistogramBucket[]): HistogramBucket[] {
  return a.map((bucket, i) => ({ ...bucket, chunks: bucket.chunks + (b[i]?.chunks ?? 0) }));
}
