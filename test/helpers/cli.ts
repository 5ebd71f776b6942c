import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';

/** Output of one CLI run. */
export interface CliResult {
  /** Exit code (null when killed). */
  code: number | null;
  /** Standard output. */
  stdout: string;
  /** Standard error. */
  stderr: string;
}

/** Environment without the variables that would point the CLI at real services. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('BBJ_RAG_') || ['DATABASE_URL', 'OLLAMA_HOST', 'DATA_DIR', 'DEBUG'].includes(key)) delete env[key];
  return { ...env, ...extra, NO_COLOR: '1' };
}

/** Starts the real CLI (`bin/run.js`) as a child process. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = cleanEnv()): ChildProcess {
  return spawn(process.execPath, [path.join(repoRoot, 'bin', 'run.js'), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs the real CLI to completion. */
export function runCli(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  const child = startCli(args, env);
  return collect(child);
}

/** Collects a child's output until it exits. */
export function collect(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Starts `bbj ARGS` and kills it with SIGKILL once its progress shows stored chunks (`N new`),
 * as a crash would; fails when the run ends or stalls before that.
 */
export async function killOnceChunksStored(args: string[], timeoutMs = 120_000): Promise<void> {
  const child = startCli(args);
  const done = collect(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  let exited = false;
  void done.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (!/\b[1-9]\d* new/.test(out)) {
    if (exited || Date.now() > deadline) throw new Error(`the run ended or stalled before the kill:\n${out.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  await done;
}
