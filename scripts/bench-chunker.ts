// Measures the chunker over every .md/.mdx file of the shared corpora (read raw, front
// matter and JSX included): chunks per second and the largest token count seen.
// Usage: node dist/scripts/bench-chunker.js [corpora-dir] [max-tokens] [overlap]
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chunkDocument } from '../src/core/chunking/index.js';
import { parseMarkdown } from '../src/core/chunking/markdown-sections.js';
import { convertPage } from '../src/plugins/mdx/index.js';
import type { Document, ParsedMarkdown } from '../src/core/contracts/index.js';

/** Figures printed by the chunker benchmark. */
export interface ChunkerBenchResult {
  files: number;
  megabytes: number;
  chunks: number;
  seconds: number;
  chunksPerSecond: number;
  /** CPU seconds of this process while chunking (user + system): on a busy machine the fairer figure. */
  cpuSeconds: number;
  /** Chunks per CPU second: the rate on one core. */
  chunksPerCpuSecond: number;
  /** Whether documents came with the parser's tree (`parsedContent`), as the mdx parser hands it over. */
  withTree: boolean;
  maxTokens: number;
  maxTokenCountSeen: number;
  overLimit: number;
  oversizedMarked: number;
  codeSplitChunks: number;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? markdownFiles(path.join(dir, e.name)) : /\.mdx?$/.test(e.name) ? [path.join(dir, e.name)] : []))
    .sort();
}

/** Chunks every Markdown file under `corporaDir` and returns the figures. */
/** The tree a parser hands over with its text (parsed here, outside the timed part). */
function parsedOf(content: string): ParsedMarkdown {
  const blocks = parseMarkdown(content).children.flatMap((node) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start !== undefined && end !== undefined && end > start ? [{ node, start, end }] : [];
  });
  return { text: content, blocks };
}

export function benchChunker(corporaDir: string, maxTokens = 400, overlapTokens = 50, withTree = false): ChunkerBenchResult {
  return timeChunker(rawDocuments(corporaDir, withTree), maxTokens, overlapTokens, withTree);
}

/** Every Markdown file read raw (front matter and JSX included), optionally with a tree parsed here. */
function rawDocuments(corporaDir: string, withTree: boolean): Document[] {
  const files = markdownFiles(corporaDir);
  return files
    .map((file) => ({ file, content: readFileSync(file, 'utf8') }))
    .filter((f) => f.content.trim().length > 0)
    .map(({ file, content }) => {
      const rel = path.relative(corporaDir, file);
      return {
        key: rel, sourceUrl: `bench://${rel}`, title: path.basename(file).replace(/\.mdx?$/, ''), content, docType: '',
        generations: [], deprecated: false, breadcrumb: path.dirname(rel).split(path.sep), displayUrl: '', sourceType: '', metadata: {},
        ...(withTree ? { parsedContent: parsedOf(content) } : {}),
      };
    });
}

/**
 * The Markdown/MDX files of the corpora as the mdx parser hands them to the chunker: converted
 * (front matter, JSX and data-URI payloads gone) with the parser's tree. Converted here, untimed.
 */
export function parsedDocuments(corporaDir: string): Document[] {
  return markdownFiles(corporaDir).flatMap((file) => {
    const page = convertPage(readFileSync(file, 'utf8'), file.endsWith('.mdx') ? 'mdx' : 'detect');
    if (!page.markdown.trim()) return [];
    const rel = path.relative(corporaDir, file);
    return [{
      key: rel, sourceUrl: `bench://${rel}`, title: page.heading ?? path.basename(file), content: page.markdown, parsedContent: page.parsed, docType: '',
      generations: [], deprecated: false, breadcrumb: path.dirname(rel).split(path.sep), displayUrl: '', sourceType: '', metadata: {},
    }];
  });
}

/** Chunks `docs` once and returns the figures. */
export function timeChunker(docs: Document[], maxTokens = 400, overlapTokens = 50, withTree = docs.some((d) => d.parsedContent)): ChunkerBenchResult {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  let chunks = 0;
  let maxSeen = 0;
  let overLimit = 0;
  let oversizedMarked = 0;
  let codeSplitChunks = 0;
  for (const doc of docs) {
    for (const chunk of chunkDocument(doc, { maxTokens, overlapTokens }, 'bench')) {
      chunks += 1;
      maxSeen = Math.max(maxSeen, chunk.tokenCount);
      if (chunk.metadata.oversized) oversizedMarked += 1;
      else if (chunk.tokenCount > maxTokens) overLimit += 1;
      if (chunk.metadata.split === 'code-lines') codeSplitChunks += 1;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const megabytes = docs.reduce((n, d) => n + Buffer.byteLength(d.content), 0) / 1e6;
  return { files: docs.length, megabytes, chunks, seconds, chunksPerSecond: chunks / seconds, cpuSeconds, chunksPerCpuSecond: chunks / cpuSeconds, withTree, maxTokens, maxTokenCountSeen: maxSeen, overLimit, oversizedMarked, codeSplitChunks };
}

/** One printed line of figures. */
export function chunkerLine(label: string, r: ChunkerBenchResult): string {
  return (
    `${label}: ${r.files} files (${r.megabytes.toFixed(2)} MB), ${r.chunks} chunks in ${r.seconds.toFixed(2)} s wall = ${Math.round(r.chunksPerSecond)} chunks/s, ` +
    `${r.cpuSeconds.toFixed(2)} s CPU = ${Math.round(r.chunksPerCpuSecond)} chunks/CPU-s; ` +
    `max tokens seen ${r.maxTokenCountSeen} (limit ${r.maxTokens}), over limit ${r.overLimit}, unsplittable lines ${r.oversizedMarked}, code-split chunks ${r.codeSplitChunks}`
  );
}

/** Prints the chunker figures: a cold pass that parses, and a warm pass with the parser's tree handed over (as in a run). */
export function printChunkerBench(corporaDir: string, maxTokens = 400, overlapTokens = 50): void {
  console.log(chunkerLine('chunker (cold, parses)', benchChunker(corporaDir, maxTokens, overlapTokens)));
  console.log(chunkerLine('chunker (warm, tree handed over)', benchChunker(corporaDir, maxTokens, overlapTokens, true)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const corpora = process.argv[2] ?? path.resolve(here, '..', '..', '..', 'shared', 'corpora');
  const max = Number(process.argv[3] ?? 400);
  const overlap = Number(process.argv[4] ?? 50);
  const cold = benchChunker(corpora, max, overlap);
  // A second pass shows the steady state once the tokenizer's piece cache is warm.
  const warm = benchChunker(corpora, max, overlap);
  // As in a run: the parser hands its tree over, so the chunker does not parse.
  const tree = benchChunker(corpora, max, overlap, true);
  console.log(chunkerLine('chunker (cold, parses)', cold));
  console.log(chunkerLine('chunker (warm, parses)', warm));
  console.log(chunkerLine('chunker (warm, tree handed over)', tree));
}
