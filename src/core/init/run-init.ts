import { access, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Parser } from '../contracts/parser.js';
import { BbjError } from '../errors/bbj-error.js';
import { planSources, type PlannedSource } from './init-plan.js';
import { renderSourcesToml, type InitEmbedder } from './render-sources-toml.js';
import { scanFolder } from './scan-folder.js';

/** What `bbj init` was asked to do. */
export interface InitRequest {
  /** The folder to look at; `sources.toml` is written there. */
  dir: string;
  /** Overwrite an existing `sources.toml`. */
  force: boolean;
  /** The embedder to configure. */
  embedder: InitEmbedder;
  /** Every registered parser (those with `detect` take part). */
  parsers: readonly Parser[];
}

/** The `--json` result of `bbj init` (a documented contract). */
export interface InitResult {
  /** The file written. */
  file: string;
  /** Sources proposed, in the order written. */
  sources: PlannedSource[];
  /** Embedder provider written. */
  embedder: InitEmbedder['provider'];
  /** Files scanned, and whether the scan stopped at its limit. */
  filesScanned: number;
  truncated: boolean;
  /** Parsers whose detection failed. */
  problems: string[];
}

/** Scans a folder, asks every parser what it recognises, and writes a commented `sources.toml`. */
export async function runInit(request: InitRequest): Promise<InitResult> {
  const dir = path.resolve(request.dir);
  const file = path.join(dir, 'sources.toml');
  if (!request.force && (await exists(file))) {
    throw new BbjError(`${file} already exists; bbj init does not overwrite it`, 'INIT_EXISTS', 'run `bbj init --force` to replace it, or edit it by hand');
  }
  await mkdir(dir, { recursive: true });
  const scan = await scanFolder(dir);
  const plan = await planSources(scan, request.parsers);
  await writeFile(file, renderSourcesToml(plan.sources, request.embedder, dir));
  return { file, sources: plan.sources, embedder: request.embedder.provider, filesScanned: scan.files.length, truncated: scan.truncated, problems: plan.problems };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}
