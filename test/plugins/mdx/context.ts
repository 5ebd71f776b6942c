import type { HttpClient, ParserContext, ParserProgress, SkippedItem, SourceInfo } from '../../../src/core/contracts/index.js';
import type { MdxOptions } from '../../../src/plugins/mdx/index.js';
import { MdxOptionsSchema } from '../../../src/plugins/mdx/index.js';

/** A parser context with recorders for what the parser reports. */
export interface FakeContext {
  ctx: ParserContext<MdxOptions>;
  skipped: SkippedItem[];
  progress: ParserProgress[];
  warnings: string[];
  abort: AbortController;
}

const noHttp: HttpClient = {
  get: (url) => Promise.resolve({ ok: false, url, reason: 'the MDX parser must not fetch anything' }),
};

/** Builds a context for an `mdx` source; `options` go through the real options schema. */
export function fakeContext(source: Partial<SourceInfo> & { paths: string[] }, options: Record<string, unknown> = {}, dataDir = '/'): FakeContext {
  const skipped: SkippedItem[] = [];
  const progress: ParserProgress[] = [];
  const warnings: string[] = [];
  const abort = new AbortController();
  const ctx: ParserContext<MdxOptions> = {
    source: { name: 'mdx-test', parser: 'mdx', generationTag: 'auto', ...source },
    options: MdxOptionsSchema.parse(options),
    // Files are read only inside the data directory; the root allows every fixture.
    dataDir,
    http: noHttp,
    log: { debug: () => {}, info: () => {}, warn: (message) => warnings.push(message) },
    progress: (update) => progress.push(update),
    skip: (item, reason) => skipped.push({ item, reason }),
    unchanged: () => {
      throw new Error('the MDX parser has no use for unchanged()');
    },
    signal: abort.signal,
  };
  return { ctx, skipped, progress, warnings, abort };
}

/** Collects everything a parse yields. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
