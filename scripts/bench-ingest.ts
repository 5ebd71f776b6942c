// The ingest scenario of `npm run bench`: every Markdown/MDX file of ../shared/corpora (copied to
// a temporary folder, so edits and deletes never touch the shared files), embedded by a loopback
// Ollama-protocol server with a latency model (15 ms + 3 ms per text, 2 slots), stored in
// PostgreSQL when TEST_DATABASE_URL is set, else embedded PGlite. Each run is the real CLI in a
// child process, so its wall time and peak RSS are its own. Prints figures, asserts nothing.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeOllama, type FakeOllama } from '../test/helpers/fake-ollama-server.js';
import { createTestDatabase, queryStore } from '../test/helpers/test-databases.js';
import type { StoreLocation } from '../src/core/store/open-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..', '..');
const LATENCY = { baseMs: 15, perTextMs: 3, slots: 2 };
const DIMENSION = 1024;

/** One measured CLI run. */
interface Measured {
  wallS: number;
  /** CPU seconds of the CLI process (user + system), when GNU time is available. */
  cpuS?: number;
  /** CPU seconds of this process meanwhile: the fake embedder serving the CLI, on the same cores. */
  simulatorCpuS: number;
  /** 1-minute load average when the run ended (other work on the machine skews wall figures). */
  load: number;
  peakRssMiB: number;
  texts: number;
  requests: number;
  busyMs: number;
  summary: { sources: Array<{ name: string; status: string; error?: string; durationMs: number; stats: Record<string, number> }>; durationMs: number };
}

/** A figure with its target: printed as PASS or MISS. */
export function verdict(ok: boolean): string {
  return ok ? 'PASS' : 'MISS';
}

/** Every folder of the corpora holding Markdown/MDX (the mdx-* sites), with its file count. */
function markdownFolders(corpora: string): Array<{ name: string; files: number }> {
  return readdirSync(corpora)
    .filter((d) => d.startsWith('mdx-'))
    .map((name) => ({ name, files: listMarkdown(path.join(corpora, name)).length }));
}

function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listMarkdown(full));
    else if (/\.mdx?$/i.test(entry.name) && entry.name !== 'SOURCE.md') out.push(full);
  }
  return out.sort();
}

// Extra node flags for the CLI child, e.g. BBJ_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the runs.
const NODE_ARGS = (process.env.BBJ_BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
// GNU time reports the child's own CPU time and peak RSS exactly (sampling /proc misses the end of a run).
const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs the CLI in a child; its CPU time (user + system) and peak RSS come from GNU time when present, else VmHWM sampled until it exits. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string; peakKiB: number; wallS: number; cpuS?: number }> {
  const started = performance.now();
  const timeFile = GNU_TIME ? path.join(os.tmpdir(), `bbj-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}`) : undefined;
  const command = [process.execPath, ...NODE_ARGS, path.join(repoRoot, 'bin', 'run.js'), ...args];
  if (GNU_TIME && timeFile) command.unshift(GNU_TIME, '-o', timeFile, '-f', 'BENCH %U %S %M');
  const child = spawn(command[0]!, command.slice(1), { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let peakKiB = 0;
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const sample = () => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m) peakKiB = Math.max(peakKiB, Number(m[1]));
    } catch {
      // The child is gone; the last sample stands.
    }
  };
  const timer = setInterval(sample, 25);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(timer);
      const wallS = (performance.now() - started) / 1000;
      let cpuS: number | undefined;
      if (timeFile) {
        const m = /BENCH ([\d.]+) ([\d.]+) (\d+)/.exec(readFileSync(timeFile, 'utf8'));
        rmSync(timeFile, { force: true });
        if (m) {
          cpuS = Number(m[1]) + Number(m[2]);
          peakKiB = Number(m[3]);
        }
      }
      resolve({ code, stdout, stderr, peakKiB, wallS, cpuS });
    });
  });
}

async function measure(ollama: FakeOllama, configPath: string, env: NodeJS.ProcessEnv): Promise<Measured> {
  const before = { texts: ollama.textsEmbedded, requests: ollama.embedRequests, busy: ollama.busyMs };
  const cpuBefore = process.cpuUsage();
  const run = await runCli(['ingest', 'all', '--config', configPath, '--json'], env);
  const simulatorCpu = process.cpuUsage(cpuBefore);
  if (run.code !== 0) throw new Error(`ingest exited ${run.code}: ${run.stderr.slice(-2000)} ${run.stdout.slice(-2000)}`);
  return {
    wallS: run.wallS,
    cpuS: run.cpuS,
    simulatorCpuS: (simulatorCpu.user + simulatorCpu.system) / 1e6,
    load: os.loadavg()[0]!,
    peakRssMiB: run.peakKiB / 1024,
    texts: ollama.textsEmbedded - before.texts,
    requests: ollama.embedRequests - before.requests,
    busyMs: ollama.busyMs - before.busy,
    summary: JSON.parse(run.stdout),
  };
}

function writeConfig(dir: string, dataDir: string, database: string, ollamaUrl: string, sources: Array<{ name: string; paths: string[] }>): string {
  const lines = [
    `data_dir = ${JSON.stringify(dataDir)}`,
    '[database]',
    database,
    '[embedder]',
    'provider = "ollama"',
    'model = "bench-embed"',
    `dimensions = ${DIMENSION}`,
    'batch_size = 32',
    'concurrency = 2',
    `host = ${JSON.stringify(ollamaUrl)}`,
    'timeout_ms = 60000',
  ];
  // BBJ_BENCH_PARSE_THREADS=false runs the same scenario with every source parsed in the run's thread, for comparison.
  if (process.env.BBJ_BENCH_PARSE_THREADS) lines.push('[run]', `parse_threads = ${process.env.BBJ_BENCH_PARSE_THREADS === 'false' ? 'false' : 'true'}`);
  for (const s of sources) lines.push('[[sources]]', `name = ${JSON.stringify(s.name)}`, 'parser = "mdx"', `paths = ${JSON.stringify(s.paths)}`);
  const file = path.join(dir, 'sources.toml');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function freshDatabase(dir: string, label: string): Promise<{ toml: string; location: StoreLocation; kind: string }> {
  if (process.env.TEST_DATABASE_URL) {
    const url = await createTestDatabase();
    return { toml: `url = ${JSON.stringify(url)}`, location: { url }, kind: 'PostgreSQL' };
  }
  const dbPath = path.join(dir, `db-${label}`);
  return { toml: `path = ${JSON.stringify(dbPath)}`, location: { pglitePath: dbPath }, kind: 'PGlite' };
}

function chunksOf(m: Measured): number {
  return m.summary.sources.reduce((n, s) => n + (s.stats.chunksNew ?? 0) + (s.stats.chunksUnchanged ?? 0), 0);
}

function utilisationOf(m: Measured): number {
  return m.busyMs / 1000 / m.wallS / LATENCY.slots;
}

function line(label: string, m: Measured, files: number): string {
  const chunks = chunksOf(m);
  const wall = m.wallS;
  const failed = m.summary.sources.filter((s) => s.status !== 'ok').map((s) => `${s.name}: ${s.error}`);
  // Time inside the sources (parse to store), without process start, validation and index builds.
  const inSources = m.summary.sources.reduce((n, s) => n + s.durationMs, 0) / 1000;
  return (
    `  ${label.padEnd(16)} wall ${wall.toFixed(1).padStart(6)} s (${((wall / files) * 1000).toFixed(2)} s/1,000 files; in sources ${inSources.toFixed(1)} s = ` +
    `${((inSources / files) * 1000).toFixed(2)} s/1,000 files)  CPU ${m.cpuS === undefined ? '?' : m.cpuS.toFixed(1)} s (embedder simulator ${m.simulatorCpuS.toFixed(1)} s)  load ${m.load.toFixed(2)}  ` +
    `texts embedded ${String(m.texts).padStart(6)} (${m.requests} requests)  utilisation ${utilisationOf(m).toFixed(2)}  ` +
    `peak RSS ${m.peakRssMiB.toFixed(0)} MiB  ${(chunks / wall).toFixed(0)} chunks/s` +
    (failed.length ? `  FAILED ${failed.join('; ')}` : '')
  );
}

/** Rows no document accounts for: chunks of a document beyond its manifest count, or of no document at all. */
async function orphanRows(location: StoreLocation): Promise<number> {
  const rows = await queryStore<{ n: string }>(location, 'SELECT (SELECT count(*) FROM chunks) - (SELECT coalesce(sum(chunk_count), 0) FROM documents) AS n');
  return Number(rows[0]?.n ?? 0);
}

async function staleRows(location: StoreLocation, root: string, sources: string[]): Promise<number> {
  // A row is stale when its document file is gone or its text no longer appears in the file's current chunks;
  // the cheap, exact check here: every stored doc_key must still exist on disk.
  const rows = await queryStore<{ doc_key: string; source_name: string }>(location, 'SELECT DISTINCT source_name, doc_key FROM chunks WHERE source_name = ANY($1::text[])', [sources]);
  return rows.filter((r) => !existsAnywhere(root, r.doc_key)).length;
}

function existsAnywhere(root: string, key: string): boolean {
  for (const folder of readdirSync(root)) {
    try {
      if (statSync(path.join(root, folder, key)).isFile()) return true;
    } catch {
      // not in this folder
    }
  }
  return false;
}

/** Which runs to do: BBJ_BENCH_STEPS="first" (comma list of first, rerun, edit, delete, 10x) limits them, e.g. for profiling. */
function steps(): Set<string> {
  const wanted = process.env.BBJ_BENCH_STEPS;
  return new Set(wanted ? wanted.split(',').map((s) => s.trim()) : ['first', 'rerun', 'edit', 'delete', '10x']);
}

/** Runs the scenario and prints its figures, each with issue 9's target. */
export async function benchIngest(corpora: string): Promise<void> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'bbj-bench-ingest-'));
  const ollama = await startFakeOllama({ dimension: DIMENSION, models: ['bench-embed'], latency: LATENCY });
  const env = { ...cleanEnv() };
  const todo = steps();
  try {
    const folders = markdownFolders(corpora);
    const root = path.join(work, 'corpus');
    for (const f of folders) cpSync(path.join(corpora, f.name), path.join(root, f.name), { recursive: true });
    const files = folders.flatMap((f) => listMarkdown(path.join(root, f.name)));
    const sources = folders.map((f) => ({ name: f.name, paths: [f.name] }));
    const db = await freshDatabase(work, '1x');
    console.log(
      `ingest scenario: ${files.length} Markdown/MDX files in ${folders.length} sources, ${db.kind}, embedder ${LATENCY.baseMs} ms + ${LATENCY.perTextMs} ms/text, ` +
        `${LATENCY.slots} slots, ${DIMENSION}-d (CPU = the CLI process's user + system time, embedder simulator = this process's meanwhile; load = 1-minute load average)`,
    );
    const configPath = writeConfig(work, root, db.toml, ollama.url, sources);
    const rssTarget = db.kind === 'PostgreSQL' ? 300 : 400;

    const first = await measure(ollama, configPath, env);
    console.log(line('first run', first, files.length));
    console.log(`    target: utilisation >= 0.85: ${verdict(utilisationOf(first) >= 0.85)}; peak RSS <= ${rssTarget} MiB (${db.kind}): ${verdict(first.peakRssMiB <= rssTarget)}`);
    if (todo.has('rerun') || todo.has('edit') || todo.has('delete')) {
      const rerun = await measure(ollama, configPath, env);
      console.log(line('unchanged re-run', rerun, files.length));
      const inSources = rerun.summary.sources.reduce((n, s) => n + s.durationMs, 0) / 1000;
      console.log(`    target: 0 texts embedded: ${verdict(rerun.texts === 0)}; <= 2 s per 1,000 files (in sources): ${verdict((inSources / files.length) * 1000 <= 2)}`);
    }
    const names = sources.map((s) => s.name);
    if (todo.has('edit')) {
      const step = Math.max(1, Math.round(files.length / 100));
      const edited = files.filter((_, i) => i % 100 === 7).slice(0, step);
      for (const f of edited) writeFileSync(f, readFileSync(f, 'utf8') + `\n\nEdited for the benchmark at ${new Date().toISOString()}.\n`);
      const edit = await measure(ollama, configPath, env);
      console.log(line(`edit ${edited.length} file(s)`, edit, files.length));
      const changedDocs = edit.summary.sources.reduce((n, s) => n + (s.stats.documentsChanged ?? 0), 0);
      const newChunks = edit.summary.sources.reduce((n, s) => n + (s.stats.chunksNew ?? 0), 0);
      const orphans = await orphanRows(db.location);
      console.log(`    documents rewritten: ${changedDocs}; new chunk texts: ${newChunks}; texts embedded: ${edit.texts}; stale rows: ${orphans}`);
      console.log(`    target: embeds only the changed chunks (${edit.texts} <= ${newChunks}): ${verdict(edit.texts <= newChunks && changedDocs === edited.length)}; 0 stale rows: ${verdict(orphans === 0)}`);
    }
    if (todo.has('delete')) {
      const step = Math.max(1, Math.round(files.length / 100));
      const deleted = files.filter((_, i) => i % 100 === 51).slice(0, step);
      for (const f of deleted) unlinkSync(f);
      const del = await measure(ollama, configPath, env);
      console.log(line(`delete ${deleted.length} file(s)`, del, files.length));
      const stale = (await staleRows(db.location, root, names)) + (await orphanRows(db.location));
      console.log(`    stale rows (chunks of files gone, or no document's): ${stale}; target 0 stale rows: ${verdict(stale === 0)}`);
    }

    if (todo.has('10x')) {
      // Memory against corpus size: the same files as 10 sources (10 copies) into a fresh store.
      const db10 = await freshDatabase(work, '10x');
      const copies = Array.from({ length: 10 }, (_, i) => ({ name: `copy-${i}`, paths: folders.map((f) => f.name) }));
      const dir10 = mkdtempSync(path.join(work, 'x10-'));
      const config10 = writeConfig(dir10, root, db10.toml, ollama.url, copies);
      const tenX = await measure(ollama, config10, env);
      console.log(line('10x corpus', tenX, files.length * 10));
      const ratio = tenX.peakRssMiB / first.peakRssMiB;
      console.log(`  peak RSS 1x ${first.peakRssMiB.toFixed(0)} MiB, 10x ${tenX.peakRssMiB.toFixed(0)} MiB (ratio ${ratio.toFixed(2)}); target <= 1.5: ${verdict(ratio <= 1.5)}`);
    }
  } finally {
    await ollama.close();
    rmSync(work, { recursive: true, force: true });
  }
}

function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('BBJ_RAG_') || ['DATABASE_URL', 'OLLAMA_HOST', 'DATA_DIR', 'DEBUG'].includes(key)) delete env[key];
  return { ...env, NO_COLOR: '1' };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await benchIngest(process.env.BBJ_BENCH_CORPORA ?? path.resolve(repoRoot, '..', 'shared', 'corpora'));
}
