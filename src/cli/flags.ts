import { Flags } from '@oclif/core';
import { BbjError } from '../core/errors/bbj-error.js';

/** Flags every command that reads `sources.toml` shares. */
export const configFlags = {
  config: Flags.string({
    char: 'c',
    summary: 'Path to sources.toml.',
    description: 'Without it, sources.toml (or bbj-rag.toml) is searched for in the working directory and its parents.',
    helpValue: 'PATH',
  }),
  'data-dir': Flags.string({
    summary: 'Directory that source paths are relative to.',
    description: 'Wins over the DATA_DIR environment variable and data_dir in the config file.',
    helpValue: 'PATH',
  }),
  json: Flags.boolean({ summary: 'Print a machine-readable JSON result on stdout instead of the table.' }),
  verbose: Flags.boolean({ char: 'v', summary: 'Show debug diagnostics (same as DEBUG=bbj:*).' }),
};

/** Flags of the ingest commands. */
export const ingestFlags = {
  ...configFlags,
  clean: Flags.boolean({
    summary: "Re-ingest the selected sources from scratch (re-parse, re-chunk, re-embed).",
    description: "Rows are replaced document by document and rows of the source that the run does not write again are deleted by source name at the end, so a failed clean run never leaves a source empty.",
  }),
  resume: Flags.boolean({ summary: 'Skip sources that the last interrupted or failed run already completed.' }),
  wait: Flags.string({
    summary: 'When another run is writing the store, wait for it (up to SECONDS) instead of stopping with exit code 2.',
    description: 'Only one run writes a store at a time. `--wait` alone waits as long as it takes; `--wait=600` gives up after 10 minutes.',
    helpValue: '[SECONDS]',
  }),
};

/** The value a bare `--wait` is given, so oclif (which has no optional flag values) can parse it. */
const WAIT_FOREVER = 'forever';

/** Rewrites a bare `--wait` (not followed by a number) into `--wait=forever`. */
export function normalizeWaitFlag(argv: string[]): string[] {
  return argv.flatMap((arg, i) => (arg === '--wait' && !/^\d+(\.\d+)?$/.test(argv[i + 1] ?? '') ? [`--wait=${WAIT_FOREVER}`] : [arg]));
}

/** `--wait` in milliseconds: undefined without the flag, Infinity for a bare `--wait`. */
export function waitMs(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (value === WAIT_FOREVER) return Infinity;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new BbjError(`--wait=${value}: expected a number of seconds.`, 'FLAG_INVALID', 'Use --wait (as long as it takes) or --wait=SECONDS.');
  }
  return seconds * 1000;
}
