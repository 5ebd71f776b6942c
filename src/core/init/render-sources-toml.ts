import type { PlannedSource } from './init-plan.js';

/** The embedder section `bbj init` writes. */
export interface InitEmbedder {
  /** `ollama` (a running Ollama was found, or asked for) or `hash` (offline, lexical). */
  provider: 'ollama' | 'hash';
  /** Why this one: written as a comment. */
  reason: string;
}

/** Renders a commented `sources.toml` that `bbj validate` accepts as written. */
export function renderSourcesToml(sources: readonly PlannedSource[], embedder: InitEmbedder, scannedFrom: string): string {
  const lines = [
    `# sources.toml written by \`bbj init\` from ${scannedFrom}`,
    '# Check it with `bbj validate`, then run `bbj ingest all`. Every key is described by',
    '# `bbj parsers NAME` (parser options) and in the README.',
    '',
    '# Source paths are relative to data_dir, itself relative to this file.',
    'data_dir = "."',
    '',
    '[database]',
    '# The embedded PGlite store (no server). For PostgreSQL + pgvector set DATABASE_URL',
    '# (or url = "postgresql://user@host/db" here); passwords belong in the environment.',
    'path = ".bbj-rag/db"',
    '',
    '[embedder]',
    `# ${embedder.reason}`,
    ...embedderLines(embedder.provider),
    '',
    '[chunking]',
    'max_tokens = 400                   # chunk size limit in tokens',
    'overlap = 50                       # tokens repeated between neighbouring chunks of long sections',
  ];
  if (sources.length === 0) {
    lines.push('', '# No documentation was recognised. Add sources like this one (see `bbj parsers`):', '# [[sources]]', '# name = "docs"', '# parser = "mdx"', '# paths = ["docs"]');
  }
  for (const source of sources) {
    lines.push('', `# ${source.note}`, '[[sources]]', `name = ${str(source.name)}`, `parser = ${str(source.parser)}`, `paths = ${value(source.paths)}`);
    if (source.label) lines.push(`label = ${str(source.label)}`);
    // Omitted enrichers are the BBj rules; a folder of other documentation should not get them.
    lines.push('# enrichers = []                   # not BBj documentation: store it without the BBj rules');
    if (source.options && Object.keys(source.options).length) lines.push(`options = ${value(source.options)}`);
  }
  return `${lines.join('\n')}\n`;
}

function embedderLines(provider: InitEmbedder['provider']): string[] {
  if (provider === 'hash') {
    return [
      'provider = "hash"                  # offline feature hashing: lexical, no model; for a trial run',
      'model = "feature-hash-v1"',
      'dimensions = 256',
      '# For semantic search with Ollama (OLLAMA_HOST overrides host):',
      '# provider = "ollama"',
      '# model = "qwen3-embedding:0.6b"    # ollama pull qwen3-embedding:0.6b',
      '# dimensions = 1024',
    ];
  }
  return [
    'provider = "ollama"                # OLLAMA_HOST overrides host',
    'model = "qwen3-embedding:0.6b"      # ollama pull qwen3-embedding:0.6b',
    'dimensions = 1024',
    'batch_size = 64',
    'concurrency = 2',
  ];
}

// JSON string escapes are valid TOML basic-string escapes.
const str = (s: string) => JSON.stringify(s);
const bareKey = (k: string) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : str(k));

function value(v: unknown): string {
  if (typeof v === 'string') return str(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(value).join(', ')}]`;
  if (v && typeof v === 'object') return `{ ${Object.entries(v).map(([k, x]) => `${bareKey(k)} = ${value(x)}`).join(', ')} }`;
  throw new Error(`cannot write ${typeof v} to TOML`);
}
