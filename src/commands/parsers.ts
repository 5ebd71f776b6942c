import { Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { buildRegistry } from '../cli/bootstrap.js';
import { renderTable } from '../cli/table.js';
import { describeOrigin, type PluginRegistry, type Registered } from '../core/registry.js';

/** One parser or embedder type in `bbj parsers --json`. */
export interface TypeEntry {
  /** Type name, as written in `sources.toml` (`parser = "..."`, `provider = "..."`). */
  type: string;
  /** One-line description. */
  description: string;
  /** `core`, or the plugin package as `name@version`. */
  origin: string;
}

/** The `--json` result of `bbj parsers` (a documented contract). */
export interface ParsersReport {
  /** Parser types, sorted by name. */
  parsers: TypeEntry[];
  /** Embedder provider types, sorted by name. */
  embedders: TypeEntry[];
  /** Plugins that failed to load or contributed something refused, one message each. */
  pluginProblems: string[];
}

export default class Parsers extends BbjCommand {
  static override summary = 'List every parser and embedder type, built in or from installed plugins, and plugin load problems.';
  static override description = `Shows the type names you can use as parser = "..." in [[sources]] and as provider = "..."
in [embedder], where each comes from (core, or the plugin package name@version), and every
problem met while loading plugins (a hook that threw, a descriptor of the wrong shape, an
unsupported plugin API version, a type name that is already taken). Install plugins with
"bbj plugins install"; see docs/plugins.md. Exit code 0 even when a plugin failed to load
(the list is still right); "bbj validate" fails on what a config really uses.`;
  static override examples = ['<%= config.bin %> parsers', '<%= config.bin %> parsers --json'];
  static override flags = {
    json: Flags.boolean({ summary: 'Print a machine-readable JSON result on stdout instead of the tables.' }),
  };

  async run(): Promise<ParsersReport> {
    const { flags } = await this.parse(Parsers);
    const report = listTypes(await buildRegistry(this.config));
    if (flags.json) this.printJson(report);
    else this.log(formatReport(report));
    return report;
  }
}

/** The registry's contents as the command reports them. */
export function listTypes(registry: PluginRegistry): ParsersReport {
  const entry = (r: Registered<{ type: string; description: string }>): TypeEntry => ({
    type: r.value.type,
    description: r.value.description,
    origin: describeOrigin(r.origin),
  });
  return { parsers: registry.allParsers().map(entry), embedders: registry.allProviders().map(entry), pluginProblems: [...registry.problems] };
}

function formatReport(report: ParsersReport): string {
  const rows = (entries: TypeEntry[]) => entries.map((e) => [e.type, e.origin, e.description]);
  const lines = [
    'Parsers (parser = "TYPE" in [[sources]]):',
    renderTable(['TYPE', 'ORIGIN', 'DESCRIPTION'], rows(report.parsers)),
    '',
    'Embedders (provider = "TYPE" in [embedder]):',
    renderTable(['TYPE', 'ORIGIN', 'DESCRIPTION'], rows(report.embedders)),
  ];
  if (report.pluginProblems.length) {
    lines.push('', `Plugin problems (${report.pluginProblems.length}):`, ...report.pluginProblems.map((p) => `  - ${p}`));
    lines.push('', 'Fix or remove the plugin: bbj plugins uninstall NAME (bbj plugins lists what is installed).');
  }
  return lines.join('\n');
}
