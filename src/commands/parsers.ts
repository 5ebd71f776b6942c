import { Args, Flags } from '@oclif/core';
import { BbjCommand } from '../cli/base-command.js';
import { buildRegistry } from '../cli/bootstrap.js';
import { formatTypeDetail, formatTypeList } from '../cli/parsers-format.js';
import { BbjError, ExitCode } from '../core/errors/bbj-error.js';
import { describeOptions, optionsJsonSchema, type OptionDoc } from '../core/options-doc.js';
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

/** The `--json` result of `bbj parsers NAME`: one type with its options. */
export interface TypeDetail extends TypeEntry {
  /** `parser` (`[[sources]] options`) or `embedder` (`[embedder.options]`). */
  kind: 'parser' | 'embedder';
  /** Each option with type, default and description. */
  options: OptionDoc[];
  /** The options table as JSON Schema (input side: options with defaults are optional). */
  jsonSchema: Record<string, unknown>;
}

export default class Parsers extends BbjCommand {
  static override summary = 'List every parser and embedder type, or show one type with all its options.';
  static override description = `Without NAME: the type names you can use as parser = "..." in [[sources]] and as
provider = "..." in [embedder], where each comes from (core, or the plugin package
name@version), and every problem met while loading plugins.

With NAME: that parser's (or embedder's) options, each with its type, default and what it
does, as read from the type's own schema; --json adds the JSON Schema of the options table.

Install plugins with "bbj plugins install"; see docs/plugins.md. Exit code 0 even when a
plugin failed to load (the list is still right); 2 for an unknown NAME.`;
  static override examples = ['<%= config.bin %> parsers', '<%= config.bin %> parsers mdx', '<%= config.bin %> parsers web-crawl --json'];
  static override args = { name: Args.string({ description: 'A parser or embedder type to show in detail.' }) };
  static override flags = {
    json: Flags.boolean({ summary: 'Print a machine-readable JSON result on stdout instead of the tables.' }),
  };

  async run(): Promise<ParsersReport | TypeDetail | undefined> {
    const { args, flags } = await this.parse(Parsers);
    const registry = await buildRegistry(this.config);
    if (args.name) {
      const name = args.name;
      return this.respond(flags.json, async () => typeDetail(registry, name), () => ExitCode.ok, formatTypeDetail);
    }
    return this.respond(flags.json, async () => listTypes(registry), () => ExitCode.ok, formatTypeList);
  }
}

/** The registry's contents as the command reports them. */
export function listTypes(registry: PluginRegistry): ParsersReport {
  return { parsers: registry.allParsers().map(entry), embedders: registry.allProviders().map(entry), pluginProblems: [...registry.problems] };
}

/** One parser or embedder type with its options. */
export function typeDetail(registry: PluginRegistry, name: string): TypeDetail {
  const parser = registry.allParsers().find((p) => p.value.type === name);
  const provider = registry.allProviders().find((p) => p.value.type === name);
  const found = parser ?? provider;
  if (!found) {
    const known = [...registry.allParsers(), ...registry.allProviders()].map((r) => r.value.type).join(', ');
    throw new BbjError(`no parser or embedder type "${name}"`, 'UNKNOWN_TYPE', `known types: ${known}; plugins add more (bbj plugins install NAME)`);
  }
  const schema = found.value.optionsSchema;
  return { ...entry(found), kind: parser ? 'parser' : 'embedder', options: describeOptions(schema), jsonSchema: optionsJsonSchema(schema) };
}

function entry(r: Registered<{ type: string; description: string }>): TypeEntry {
  return { type: r.value.type, description: r.value.description, origin: describeOrigin(r.origin) };
}
