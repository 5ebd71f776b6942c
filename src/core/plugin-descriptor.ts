import { z } from 'zod';
import type { EmbedderProvider } from './contracts/embedder.js';
import type { Enricher } from './contracts/enricher.js';
import type { Parser } from './contracts/parser.js';

/** Name of the oclif hook third-party plugins answer with their descriptors. */
export const REGISTER_HOOK = 'bbj:register';

/** Plugin API versions this host understands. A descriptor with another version is refused with this list. */
export const SUPPORTED_API_VERSIONS = [1] as const;
/** The version `define*` helpers stamp on descriptors. */
export const CURRENT_API_VERSION = 1;

/** A parser contribution. */
export type ParserDescriptor = { apiVersion: number; kind: 'parser'; parser: Parser<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
/** An embedder contribution. */
export type EmbedderDescriptor = { apiVersion: number; kind: 'embedder'; provider: EmbedderProvider<any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
/** An enrichment contribution. */
export type EnricherDescriptor = { apiVersion: number; kind: 'enricher'; enricher: Enricher };
/** What built-in and third-party plugins register. */
export type PluginDescriptor = ParserDescriptor | EmbedderDescriptor | EnricherDescriptor;

/** Wraps a parser as a descriptor of the current API version. */
export function defineParser<O>(parser: Parser<O>): ParserDescriptor {
  return { apiVersion: CURRENT_API_VERSION, kind: 'parser', parser };
}
/** Wraps an embedder provider as a descriptor of the current API version. */
export function defineEmbedder<O>(provider: EmbedderProvider<O>): EmbedderDescriptor {
  return { apiVersion: CURRENT_API_VERSION, kind: 'embedder', provider };
}
/** Wraps an enricher as a descriptor of the current API version. */
export function defineEnricher(enricher: Enricher): EnricherDescriptor {
  return { apiVersion: CURRENT_API_VERSION, kind: 'enricher', enricher };
}

// Shape checks use duck typing, never instanceof: an installed plugin has its own copy of zod.
const fn = z.custom<(...args: unknown[]) => unknown>((v) => typeof v === 'function', 'a function');
const zodSchema = z.custom<z.ZodType>((v) => !!v && typeof (v as { safeParse?: unknown }).safeParse === 'function', 'a zod schema (with safeParse)');
const typeName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'a lowercase type name like "asciidoc"');

const ParserShape = z.object({
  type: typeName,
  description: z.string().min(1),
  optionsSchema: zodSchema,
  requiresPaths: z.boolean(),
  version: z.string().min(1).optional(),
  validate: fn.optional(),
  detect: fn.optional(),
  parse: fn,
});
const ProviderShape = z.object({ type: typeName, description: z.string().min(1), optionsSchema: zodSchema, create: fn });
const LabelsShape = z.object({ docTypes: z.array(z.string()).optional(), lifecycleLabels: z.array(z.string()).optional(), untaggedLabel: z.string().optional(), normaliseGeneration: fn.optional() });
const EnricherShape = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  defaultForSources: z.boolean().optional(),
  labels: LabelsShape.optional(),
  validateSource: fn.optional(),
  enrich: fn,
});

/** Runtime shape of a descriptor (the version is checked separately for a better message). */
export const DescriptorShape = z.discriminatedUnion('kind', [
  z.object({ apiVersion: z.number().int(), kind: z.literal('parser'), parser: ParserShape }),
  z.object({ apiVersion: z.number().int(), kind: z.literal('embedder'), provider: ProviderShape }),
  z.object({ apiVersion: z.number().int(), kind: z.literal('enricher'), enricher: EnricherShape }),
]);

/** The expected shape, shown when a descriptor is wrong. */
export const DESCRIPTOR_SHAPE_HELP =
  '{ apiVersion: 1, kind: "parser", parser: { type, description, optionsSchema, requiresPaths, version?, validate?, detect?, parse } } ' +
  '| { apiVersion: 1, kind: "embedder", provider: { type, description, optionsSchema, create } } ' +
  '| { apiVersion: 1, kind: "enricher", enricher: { name, version, defaultForSources?, labels?, validateSource?, enrich } }';
