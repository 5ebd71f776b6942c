import { existsSync } from 'node:fs';
import type { Config } from '@oclif/core';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import type { Services } from '../core/container.js';
import { BbjError, ValidationError } from '../core/errors/bbj-error.js';
import { createEmbedder, embeddingModelId } from '../core/runner/create-embedder.js';
import type { QueryEmbedder } from '../core/search/index.js';
import type { SqlClient } from '../core/store/sql-client.js';
import { commandContext } from './command-context.js';

/** An open store for a reading command, with its config and services. */
export interface StoreSession {
  /** Resolved config. */
  config: ResolvedConfig;
  /** Services of this invocation. */
  services: Services;
  /** The open store. */
  sql: SqlClient;
}

/**
 * Opens the configured store for reading. The embedded store must already exist (reading
 * never creates one); it is locked while open, as every PGlite directory is.
 */
export async function openStoreSession(oclifConfig: Config, flags: { config?: string; 'data-dir'?: string; verbose?: boolean }): Promise<StoreSession> {
  const { config, services } = await commandContext(oclifConfig, flags);
  const { url, pglitePath } = config.database;
  if (!url && !existsSync(pglitePath)) {
    throw new BbjError(
      `There is no store at ${pglitePath} (the embedded store of ${config.configPath}).`,
      'STORE_MISSING',
      'Run `bbj ingest all` first, or set DATABASE_URL / [database] to the store to read.',
    );
  }
  const sql = await services.openStore({ url, pglitePath });
  return { config, services, sql };
}

/** The configured embedder, for embedding queries in batches of `[embedder] batch_size`. */
export function queryEmbedder(session: Pick<StoreSession, 'config' | 'services'>): QueryEmbedder {
  const { embedder, issues } = createEmbedder(session.config, session.services);
  if (!embedder) throw new ValidationError(issues);
  const { batchSize, timeoutMs } = session.config.embedder;
  return {
    model: embeddingModelId(embedder),
    dimension: session.config.embedder.dimensions,
    async embed(texts) {
      const vectors: number[][] = [];
      for (let i = 0; i < texts.length; i += batchSize) {
        vectors.push(...(await embedder.embed(texts.slice(i, i + batchSize), AbortSignal.timeout(timeoutMs * 3))));
      }
      return vectors;
    },
  };
}
