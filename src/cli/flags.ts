import { Flags } from '@oclif/core';

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
};
