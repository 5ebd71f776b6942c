import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { cleanEnv, type CliResult } from '../helpers/cli.js';
import { fixturesDir, repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

/** The mini plugin packages under test/fixtures/plugins. */
export const pluginFixtures = {
  good: { dir: 'good', name: 'bbj-rag-fixture-good', version: '1.2.3' },
  wrongShape: { dir: 'wrong-shape', name: 'bbj-rag-fixture-wrong-shape', version: '0.1.0' },
  throwing: { dir: 'throwing', name: 'bbj-rag-fixture-throwing', version: '0.2.0' },
  exiting: { dir: 'exiting', name: 'bbj-rag-fixture-exiting', version: '0.3.0' },
  duplicate: { dir: 'duplicate', name: 'bbj-rag-fixture-duplicate', version: '0.4.0' },
  futureApi: { dir: 'future-api', name: 'bbj-rag-fixture-future-api', version: '9.0.0' },
  hostImport: { dir: 'host-import', name: 'bbj-rag-fixture-host-import', version: '0.5.0' },
} as const;

/** Absolute folder of a fixture plugin. */
export function fixtureRoot(fixture: { dir: string }): string {
  return path.join(fixturesDir, 'plugins', fixture.dir);
}

/** oclif's data, cache and config directories in a temporary folder, so nothing touches ~/.local/share/bbj-rag. */
export interface OclifDirs {
  /** `BBJ_DATA_DIR`: user plugins (package.json, node_modules). */
  dataDir: string;
  /** Environment for the CLI: clean, with the three directories set. */
  env: NodeJS.ProcessEnv;
}

/** Fresh oclif directories (`BBJ_DATA_DIR`, `BBJ_CACHE_DIR`, `BBJ_CONFIG_DIR` are oclif's `<BIN>_*_DIR`). */
export function isolatedOclifDirs(): OclifDirs {
  const base = tempDir('bbj-oclif-');
  const dirs = { BBJ_DATA_DIR: path.join(base, 'data'), BBJ_CACHE_DIR: path.join(base, 'cache'), BBJ_CONFIG_DIR: path.join(base, 'config') };
  // Linked plain-JS plugins need no transpiling; without this oclif warns on every run.
  const env = cleanEnv({ ...dirs, OCLIF_DISABLE_LINKED_ESM_WARNING: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' });
  return { dataDir: dirs.BBJ_DATA_DIR, env };
}

/** Writes the user-plugin manifest exactly as `bbj plugins link` does (one entry per linked folder). */
export function writeLinkedPlugins(dataDir: string, roots: { name: string; root: string }[]): void {
  mkdirSync(dataDir, { recursive: true });
  const plugins = roots.map((r) => ({ name: r.name, root: r.root, type: 'link' }));
  writeFileSync(path.join(dataDir, 'package.json'), JSON.stringify({ name: 'bbj-rag', private: true, dependencies: {}, oclif: { schema: 1, plugins } }, null, 2));
}

/** Runs a program to completion; kills it after `timeoutMs` so a hung npm cannot hang the suite. */
export function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number }): Promise<CliResult> {
  const child = spawn(command, args, { cwd: options.cwd ?? repoRoot, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the real CLI (`bin/run.js`) with the given oclif directories. */
export function bbj(args: string[], dirs: OclifDirs, timeoutMs?: number): Promise<CliResult> {
  return run(process.execPath, [path.join(repoRoot, 'bin', 'run.js'), ...args], { env: dirs.env, timeoutMs });
}
