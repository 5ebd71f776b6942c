// `npm run bench`: speed and memory figures, printed, never asserted.
// 1. the chunker over every Markdown file of ../shared/corpora;
// 2. a full ingest (parse, enrich, chunk, embed with the offline hash embedder, store in
//    embedded PGlite) of real corpora, with wall time, rates and peak RSS;
// 3. memory against corpus size: the same synthetic source at 1x and 4x documents, to show
//    that peak memory stays flat as the corpus grows (streaming, not collecting).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { buildRegistry } from '../src/cli/bootstrap.js';
import { loadConfig } from '../src/core/config/config-loader.js';
import { createRunContainer, resolveServices } from '../src/core/container.js';
import { silentLogger } from '../src/core/contracts/logger.js';
import { defineParser } from '../src/core/plugin-descriptor.js';
import { runIngest } from '../src/core/runner/ingest-runner.js';
import { chunkerLine, parsedDocuments, printChunkerBench, timeChunker } from './bench-chunker.js';
import { countTokens } from '../src/core/chunking/token-counter.js';
import { loadavg } from 'node:os';
import { benchIngest, verdict } from './bench-ingest.js';
import { benchStoreWrites } from './bench-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpora = path.resolve(here, '..', '..', '..', 'shared', 'corpora');

/** Samples RSS while `fn` runs and returns its peak in MiB. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T; peakMiB: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const started = performance.now();
  try {
    const result = await fn();
    return { result, peakMiB: peak / 2 ** 20, seconds: (performance.now() - started) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

const syntheticParser = defineParser({
  type: 'synthetic',
  description: 'generated tutorial pages for the memory benchmark',
  optionsSchema: z.object({ documents: z.number().int().positive() }).strict(),
  requiresPaths: false,
  async *parse(ctx) {
    for (let i = 0; i < ctx.options.documents; i++) {
      const paragraphs = Array.from({ length: 6 }, (_, p) => `Paragraph ${p} of page ${i}: the grid widget ${i % 97} renders rows ${p * i} with callbacks and styles.`);
      yield { key: `page-${i}.md`, sourceUrl: `synthetic://page-${i}.md`, title: `Page ${i}`, content: `# Page ${i}\n\n${paragraphs.join('\n\n')}\n\n## Example\n\n\`\`\`bbj\nPRINT "page ${i}"\n\`\`\`\n` };
    }
  },
});

async function ingest(sources: string, label: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bbj-bench-'));
  try {
    const configPath = path.join(dir, 'sources.toml');
    writeFileSync(
      configPath,
      `data_dir = ${JSON.stringify(corpora)}\n[database]\npath = ${JSON.stringify(path.join(dir, 'db'))}\n` +
        `[embedder]\nprovider = "hash"\nmodel = "bench"\ndimensions = 256\nbatch_size = 64\nconcurrency = 2\n${sources}`,
    );
    const registry = await buildRegistry();
    registry.register(syntheticParser, { kind: 'core' });
    const services = resolveServices(createRunContainer({ registry, logger: silentLogger, env: {} }));
    const config = await loadConfig({ configPath, env: {} });
    const { result, peakMiB, seconds } = await withPeakRss(() => runIngest(config, services, { renderer: 'silent' }));
    for (const s of result.sources) {
      const chunks = s.stats.chunksNew + s.stats.chunksUnchanged;
      console.log(
        `  ${label} ${s.name.padEnd(22)} ${s.status.padEnd(6)} ${String(s.stats.documents).padStart(6)} docs ${String(chunks).padStart(7)} chunks ` +
          `${(s.durationMs / 1000).toFixed(1).padStart(6)} s ${(chunks / (s.durationMs / 1000)).toFixed(0).padStart(6)} chunks/s`,
      );
    }
    console.log(`  ${label} total ${seconds.toFixed(1)} s, peak RSS ${peakMiB.toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const source = (name: string, parser: string, paths: string[], options = '') =>
  `[[sources]]\nname = "${name}"\nparser = "${parser}"\npaths = ${JSON.stringify(paths)}\n${options}`;

const [mode, count] = process.argv.slice(2);
if (mode === 'ingest' || mode === 'store') {
  // `npm run bench -- ingest` / `-- store`: one scenario alone.
  // The ingest mode prints every figure of issue 9, each with its target.
  if (mode === 'ingest') {
    // Documents as the mdx parser hands them over; the tokenizer is loaded first (a one-time ~1 s, shown apart).
    const docs = parsedDocuments(corpora);
    const loadStarted = process.cpuUsage();
    countTokens('load the encoder');
    const load = process.cpuUsage(loadStarted);
    const firstPass = timeChunker(docs);
    const steady = timeChunker(docs);
    console.log(`chunker alone (tokenizer load ${((load.user + load.system) / 1e6).toFixed(2)} CPU-s, not counted; load average ${loadavg()[0]!.toFixed(2)}):`);
    console.log(`  ${chunkerLine('first pass (every word new to the token cache)', firstPass)}`);
    console.log(`  ${chunkerLine('steady state (second pass)', steady)}`);
    console.log(
      `    target >= 2,000 chunks per CPU-second on one core: first pass ${verdict(firstPass.chunksPerCpuSecond >= 2000)}, steady state ${verdict(steady.chunksPerCpuSecond >= 2000)}`,
    );
    await benchStoreWrites();
    await benchIngest(corpora);
  } else await benchStoreWrites();
} else if (mode === 'synthetic') {
  // Child process: one synthetic run, so its peak RSS is its own.
  await ingest(source('synthetic', 'synthetic', [], `[sources.options]\ndocuments = ${count}\n`), `${count} docs`);
} else {
  console.log(`bbj-rag benchmark on ${corpora} (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`);
  printChunkerBench(corpora);
  await benchStoreWrites();
  await benchIngest(corpora);
  console.log('full ingest (hash embedder, embedded PGlite):');
  await ingest(
    [
      source('flare-liquibase', 'flare', ['flare-liquibase']),
      source('mdx-dwc', 'mdx', ['mdx-dwc-course/docs']),
      source('bbj-source', 'bbj-source', ['bbj-source']),
      source('javadoc', 'javadoc', ['javadoc-json-bbj']),
    ].join(''),
    'corpora',
  );
  console.log('memory against corpus size (synthetic source, one process each):');
  for (const documents of [1000, 4000]) {
    spawnSync(process.execPath, [fileURLToPath(import.meta.url), 'synthetic', String(documents)], { stdio: 'inherit' });
  }
}
