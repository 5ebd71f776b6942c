import type { EmbedderProvider } from './contracts/embedder.js';
import type { Enricher } from './contracts/enricher.js';
import type { Parser } from './contracts/parser.js';
import { DESCRIPTOR_SHAPE_HELP, DescriptorShape, REGISTER_HOOK, SUPPORTED_API_VERSIONS, type PluginDescriptor } from './plugin-descriptor.js';

/** Where a contribution came from. */
export type PluginOrigin = { kind: 'core' } | { kind: 'plugin'; name: string; version: string };

/** A contribution with its origin. */
export interface Registered<T> {
  /** The parser, provider or enricher. */
  value: T;
  /** Core or the plugin package that contributed it. */
  origin: PluginOrigin;
}

/** Formats an origin for messages: `core` or `name@version`. */
export function describeOrigin(origin: PluginOrigin): string {
  return origin.kind === 'core' ? 'core' : `${origin.name}@${origin.version}`;
}

/**
 * Every parser, embedder provider and enricher, built-in or from plugins, registered the
 * same way. Descriptors are shape-checked at runtime; a bad one is recorded as a problem and
 * never breaks the others.
 */
export class PluginRegistry {
  private readonly parsers = new Map<string, Registered<Parser>>();
  private readonly providers = new Map<string, Registered<EmbedderProvider>>();
  private readonly enricherList: Registered<Enricher>[] = [];
  /** Problems met while registering (bad shape, unsupported version, duplicate, a plugin that threw). */
  readonly problems: string[] = [];

  /** Registers one descriptor; returns the problem, if any (also kept in `problems`). */
  register(descriptor: unknown, origin: PluginOrigin): string | undefined {
    const from = describeOrigin(origin);
    const version = (descriptor as { apiVersion?: unknown } | null)?.apiVersion;
    if (typeof version === 'number' && !(SUPPORTED_API_VERSIONS as readonly number[]).includes(version)) {
      return this.problem(`${from}: plugin API version ${version} is not supported; this bbj-rag supports version(s) ${SUPPORTED_API_VERSIONS.join(', ')}. Upgrade bbj-rag or install a plugin version built for it.`);
    }
    const shape = DescriptorShape.safeParse(descriptor);
    if (!shape.success) {
      const details = shape.error.issues.map((i) => `${i.path.join('.') || '(descriptor)'}: ${i.message}`).join('; ');
      return this.problem(`${from}: invalid plugin descriptor (${details}). Expected ${DESCRIPTOR_SHAPE_HELP}`);
    }
    const d = descriptor as PluginDescriptor;
    if (d.kind === 'parser') return this.add(this.parsers, d.parser.type, d.parser, origin, 'parser');
    if (d.kind === 'embedder') return this.add(this.providers, d.provider.type, d.provider, origin, 'embedder');
    const same = this.enricherList.find((e) => e.value.name === d.enricher.name);
    if (same) {
      return this.problem(`${describeOrigin(origin)}: enricher "${d.enricher.name}" is already provided by ${describeOrigin(same.origin)}; the second one was ignored. Uninstall one of the two plugins (bbj plugins uninstall NAME).`);
    }
    this.enricherList.push({ value: d.enricher, origin });
    return undefined;
  }

  /** Registers what a plugin's `bbj:register` hook returned: a descriptor array or `{ descriptors }`. */
  registerHookResult(value: unknown, origin: PluginOrigin): void {
    const descriptors = Array.isArray(value) ? value : (value as { descriptors?: unknown } | null | undefined)?.descriptors;
    if (!Array.isArray(descriptors)) {
      this.reportPluginFailure(origin, `its ${REGISTER_HOOK} hook must return an array of descriptors (or { descriptors: [...] }), got ${value === null ? 'null' : typeof value}`);
      return;
    }
    for (const descriptor of descriptors) this.register(descriptor, origin);
  }

  /** Records a problem loading a whole plugin (it threw, or returned something that is not a list). */
  reportPluginFailure(origin: PluginOrigin, reason: string): void {
    this.problem(`${describeOrigin(origin)}: ${reason}`);
  }

  /** The parser of a type, if registered. */
  parser(type: string): Registered<Parser> | undefined {
    return this.parsers.get(type);
  }

  /** The embedder provider of a type, if registered. */
  provider(type: string): Registered<EmbedderProvider> | undefined {
    return this.providers.get(type);
  }

  /** All parsers, sorted by type. */
  allParsers(): Registered<Parser>[] {
    return [...this.parsers.values()].sort((a, b) => a.value.type.localeCompare(b.value.type));
  }

  /** All embedder providers, sorted by type. */
  allProviders(): Registered<EmbedderProvider>[] {
    return [...this.providers.values()].sort((a, b) => a.value.type.localeCompare(b.value.type));
  }

  /** Enrichers in registration order. */
  enrichers(): Enricher[] {
    return this.enricherList.map((e) => e.value);
  }

  /**
   * The enrichers a source's `enrichers` key names, in its order, and the names no enricher
   * has. `undefined` (the key omitted) selects the enrichers marked `defaultForSources`.
   */
  enrichersFor(names: readonly string[] | undefined): { enrichers: Enricher[]; unknown: string[] } {
    const all = this.enrichers();
    if (names === undefined) return { enrichers: all.filter((e) => e.defaultForSources), unknown: [] };
    const byName = new Map(all.map((e) => [e.name, e]));
    return { enrichers: names.flatMap((n) => byName.get(n) ?? []), unknown: names.filter((n) => !byName.has(n)) };
  }

  private add<T extends object>(map: Map<string, Registered<T>>, type: string, value: T, origin: PluginOrigin, what: string): string | undefined {
    const existing = map.get(type);
    if (existing) {
      // The core cannot be uninstalled: then the advice names the plugin's own uninstall command.
      const fix = existing.origin.kind === 'core' && origin.kind === 'plugin'
        ? `Uninstall the plugin (bbj plugins uninstall ${origin.name}) or ask its author to rename the type.`
        : 'Uninstall one of the two plugins (bbj plugins uninstall NAME).';
      return this.problem(`${describeOrigin(origin)}: ${what} type "${type}" is already provided by ${describeOrigin(existing.origin)}; the second one was ignored. ${fix}`);
    }
    map.set(type, { value, origin });
    return undefined;
  }

  private problem(message: string): string {
    this.problems.push(message);
    return message;
  }
}
