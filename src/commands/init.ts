import { Args, Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { buildRegistry } from '../cli/bootstrap.js';
import { formatInit } from '../cli/init-format.js';
import { ollamaAnswers, ollamaHost } from '../cli/ollama-probe.js';
import { ExitCode } from '../core/errors/bbj-error.js';
import { runInit, type InitResult } from '../core/init/index.js';
import type { InitEmbedder } from '../core/init/index.js';

export default class Init extends BbjCommand {
  static override summary = 'Look at a folder and write a commented sources.toml for the documentation found in it.';
  static override description = `Recognises MadCap Flare projects (*.flprj), Docusaurus and docsify sites, Markdown folders,
PDF manuals, BBj source code and BBj javadoc JSON (and whatever installed parser plugins can
detect), and writes DIR/sources.toml with one [[sources]] entry each, which "bbj validate"
accepts as written. An existing sources.toml is never overwritten without --force.

The embedder is Ollama when one answers at OLLAMA_HOST (default http://127.0.0.1:11434),
else the offline "hash" embedder so that a first trial run works without a model; the file
says how to switch.`;
  static override examples = ['<%= config.bin %> init', '<%= config.bin %> init ~/docs --embedder ollama', '<%= config.bin %> init . --force --json'];
  static override args = { dir: Args.string({ description: 'Folder to look at and write sources.toml into.', default: '.' }) };
  static override flags = {
    force: Flags.boolean({ summary: 'Overwrite an existing sources.toml.' }),
    embedder: Flags.string({ summary: 'Embedder to configure (default: ollama when it answers, else hash).', options: ['ollama', 'hash'] }),
    json: Flags.boolean({ summary: 'Print a machine-readable JSON result on stdout.' }),
  };

  async run(): Promise<InitResult | undefined> {
    const { args, flags } = await this.parse(Init);
    return this.respond(
      flags.json,
      async () => {
        const registry = await buildRegistry(this.config);
        return runInit({ dir: args.dir, force: flags.force, embedder: await chooseEmbedder(flags.embedder), parsers: registry.allParsers().map((p) => p.value) });
      },
      () => ExitCode.ok,
      formatInit,
    );
  }
}

async function chooseEmbedder(asked: string | undefined): Promise<InitEmbedder> {
  const host = ollamaHost();
  if (asked === 'ollama') return { provider: 'ollama', reason: 'Ollama, as asked (bbj init --embedder ollama).' };
  if (asked === 'hash') return { provider: 'hash', reason: 'The offline hash embedder, as asked (bbj init --embedder hash).' };
  return (await ollamaAnswers(host))
    ? { provider: 'ollama', reason: `Ollama answered at ${host} when this file was written.` }
    : { provider: 'hash', reason: `No Ollama answered at ${host} when this file was written, so the offline embedder is set.` };
}
