import { z } from 'zod';
import { DEFAULT_MAX_FILE_BYTES } from '../files/file-guard.js';

/** Source names become URL schemes and resume keys, so they must be URL-safe. */
export const SOURCE_NAME = /^[a-z][a-z0-9+.-]*$/;

const SourceSchema = z
  .object({
    name: z.string().regex(SOURCE_NAME, 'a URL-safe name: lowercase letter first, then a-z, 0-9, "-", "+" or "."'),
    parser: z.string().min(1, 'a parser type such as "mdx" (see `bbj parsers`)'),
    paths: z.array(z.string().min(1)).default([]),
    generation_tag: z.string().min(1).default('auto'),
    /** Omitted (not `[]`) means the default enrichers, so configs written before the key keep their behaviour. */
    enrichers: z
      .array(z.string().min(1, 'an enricher name such as "bbj"'))
      .refine((names) => new Set(names).size === names.length, 'lists an enricher twice')
      .optional()
      .describe('Enrichers run on every document of the source, in order. Omitted: the default enrichers (`["bbj"]`, the BBj rules for doc_type, generations, lifecycle and display URLs). `[]`: store what the parser produced.'),
    enabled: z.boolean().default(true),
    label: z.string().min(1).optional(),
    display_url: z.url().optional(),
    options: z.record(z.string(), z.unknown()).default({}),
    /** Larger files and pages are skipped with the reason, so one input cannot exhaust memory. */
    max_file_bytes: z.number().int().positive().max(2 ** 31 - 1).default(DEFAULT_MAX_FILE_BYTES),
    /** A document whose parse takes longer is skipped and named (see the README on what a time limit can stop). */
    parse_timeout_s: z.number().positive().max(86_400).default(60),
  })
  .strict()
  // generation_tag is read by enrichers (the BBj rules): with none it would be silently ignored.
  .refine((s) => !(s.enrichers?.length === 0 && s.generation_tag !== 'auto'), {
    path: ['generation_tag'],
    message: 'has no effect with enrichers = [] (no enricher runs to apply it): remove it, or list the enricher that reads it (enrichers = ["bbj"])',
  });

const DatabaseSchema = z
  .object({
    url: z.string().default(''),
    path: z.string().min(1).default('.bbj-rag/db'),
  })
  .strict()
  .default({ url: '', path: '.bbj-rag/db' });

const EmbedderSchema = z
  .object({
    provider: z.string().min(1).default('ollama'),
    model: z.string().min(1).default('qwen3-embedding:0.6b'),
    dimensions: z.number().int().positive().max(16000).default(1024),
    batch_size: z.number().int().positive().max(2048).default(64),
    concurrency: z.number().int().positive().max(64).default(2),
    host: z.string().min(1).optional(),
    timeout_ms: z.number().int().positive().default(120_000),
    // Transient embedder errors are retried until this many seconds have passed, not a small count.
    retry_budget_s: z.number().min(0).max(86_400).default(120),
    max_attempts: z.number().int().min(1).max(1000).default(1000),
    options: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .prefault({});

const ChunkingSchema = z
  .object({
    max_tokens: z.number().int().min(32).max(32_000).default(400),
    overlap: z.number().int().min(0).default(50),
  })
  .strict()
  .refine((c) => c.overlap < c.max_tokens, { message: 'overlap must be smaller than max_tokens', path: ['overlap'] })
  .prefault({});

/** How a run proceeds: sources at once (they share the embedder's `concurrency` request slots). */
const RunSchema = z
  .object({
    source_concurrency: z.number().int().min(1).max(32).default(2),
    parse_threads: z.union([z.boolean(), z.literal('auto')]).default('auto'),
  })
  .strict()
  .prefault({});

/** The shape of `sources.toml`. */
export const ConfigFileSchema = z
  .object({
    data_dir: z.string().default(''),
    database: DatabaseSchema,
    embedder: EmbedderSchema,
    chunking: ChunkingSchema,
    run: RunSchema,
    sources: z.array(SourceSchema).default([]),
  })
  // Duplicate source names are checked by the loader on the raw entries, so they are reported with the other problems.
  .strict();

/** `sources.toml` after defaults. */
export type ConfigFile = z.output<typeof ConfigFileSchema>;
/** One `[[sources]]` entry after defaults. */
export type SourceEntry = ConfigFile['sources'][number];
