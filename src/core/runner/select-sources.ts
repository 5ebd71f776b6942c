import { BbjError } from '../errors/bbj-error.js';
import type { ResolvedConfig, SourceConfig } from '../config/resolved-config.js';

/**
 * The sources a run works on, in file order: the enabled ones, or exactly the named ones
 * (a named source runs even when disabled, since naming it is explicit). Unknown names are
 * an error that lists the known ones.
 */
export function selectSources(config: ResolvedConfig, names: string[] = []): SourceConfig[] {
  const known = config.sources.map((s) => s.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length) {
    throw new BbjError(
      `Unknown source name(s): ${unknown.map((n) => `"${n}"`).join(', ')} in ${config.configPath}. Known sources: ${known.join(', ') || '(none)'}.`,
      'SOURCE_UNKNOWN',
      'Use one of the known names, or add a [[sources]] entry.',
    );
  }
  const selected = names.length ? config.sources.filter((s) => names.includes(s.name)) : config.sources.filter((s) => s.enabled);
  if (selected.length === 0) {
    throw new BbjError(`No enabled sources in ${config.configPath}.`, 'SOURCE_NONE', 'Add a [[sources]] entry or set enabled = true on one.');
  }
  return selected;
}
