import type { DocumentInput, ParserContext, SkippedItem } from '../../../src/core/contracts/index.js';
import { silentLogger } from '../../../src/core/contracts/index.js';
import type { FlareOptions } from '../../../src/plugins/flare/index.js';
import { flareParser } from '../../../src/plugins/flare/index.js';

/** What a parse produced. */
export interface ParseRun {
  docs: DocumentInput[];
  skipped: SkippedItem[];
  progress: { done?: number; total?: number }[];
  seconds: number;
  cpuSeconds: number;
  peakRss: number;
}

/** A parser context over real paths, recording skips and progress. */
export function context(paths: string[], options: Record<string, unknown> = {}, displayBaseUrl?: string) {
  const skipped: SkippedItem[] = [];
  const progress: { done?: number; total?: number }[] = [];
  const ctx: ParserContext<FlareOptions> = {
    source: { name: 'flare-test', parser: 'flare', paths, generationTag: 'auto', displayBaseUrl },
    options: flareParser.optionsSchema.parse(options),
    dataDir: '/',
    http: { get: () => Promise.reject(new Error('no HTTP in the flare parser')) },
    log: silentLogger,
    progress: (p) => progress.push(p),
    skip: (item, reason) => skipped.push({ item, reason }),
    unchanged: () => {},
    signal: new AbortController().signal,
  };
  return { ctx, skipped, progress };
}

/** Runs the parser to the end, measuring time and peak RSS. */
export async function runParse(paths: string[], options: Record<string, unknown> = {}, displayBaseUrl?: string): Promise<ParseRun> {
  const { ctx, skipped, progress } = context(paths, options, displayBaseUrl);
  const docs: DocumentInput[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let peakRss = process.memoryUsage.rss();
  for await (const doc of flareParser.parse(ctx)) {
    docs.push(doc);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  }
  const cpu = process.cpuUsage(cpu0);
  return { docs, skipped, progress, seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRss };
}
