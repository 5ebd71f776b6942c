// The only module that imports tsyringe. reflect-metadata must load before it.
import 'reflect-metadata';
import { container as rootContainer, type DependencyContainer, type InjectionToken } from 'tsyringe';
import type { HttpClient, HttpSourceSettings, HttpValidatorLookup } from './contracts/http.js';
import type { Logger } from './contracts/logger.js';
import { createHttpClient } from './http/index.js';
import type { PluginRegistry } from './registry.js';
import { openSqlClient, type StoreLocation } from './store/open-store.js';
import type { SqlClient } from './store/sql-client.js';

/** Injection tokens of the run's services. */
export const Tokens = {
  registry: Symbol('PluginRegistry') as InjectionToken<PluginRegistry>,
  env: Symbol('Env') as InjectionToken<Record<string, string | undefined>>,
  logger: Symbol('Logger') as InjectionToken<Logger>,
  openStore: Symbol('OpenStore') as InjectionToken<(location: StoreLocation) => Promise<SqlClient>>,
  createHttp: Symbol('CreateHttp') as InjectionToken<(settings: HttpSourceSettings, validators: HttpValidatorLookup, log: Logger) => HttpClient>,
  // Wrapped: tsyringe takes a null or undefined `useValue` for a missing provider.
  parseWorker: Symbol('ParseWorker') as InjectionToken<{ entry?: URL }>,
} as const;

/** The services a run uses; everything with I/O comes in through here, so tests can swap it. */
export interface Services {
  /** Parsers, embedders and enrichers. */
  registry: PluginRegistry;
  /** Environment variables. */
  env: Record<string, string | undefined>;
  /** Diagnostics sink. */
  logger: Logger;
  /** Opens the SQL backend. */
  openStore(location: StoreLocation): Promise<SqlClient>;
  /** Builds a source's HTTP client. */
  createHttp(settings: HttpSourceSettings, validators: HttpValidatorLookup, log: Logger): HttpClient;
  /**
   * The worker module of parse threads (it builds the built-in registry and serves jobs);
   * without it every source is parsed in the run's thread. Named by the CLI, never imported by the core.
   */
  parseWorker?: URL;
}

/** A child container per run (and per test) with the defaults, then the given overrides. */
export function createRunContainer(base: Pick<Services, 'registry' | 'logger'> & Partial<Services>): DependencyContainer {
  const child = rootContainer.createChildContainer();
  child.register(Tokens.registry, { useValue: base.registry });
  child.register(Tokens.logger, { useValue: base.logger });
  child.register(Tokens.env, { useValue: base.env ?? process.env });
  child.register(Tokens.openStore, { useValue: base.openStore ?? openSqlClient });
  child.register(Tokens.createHttp, {
    useValue: base.createHttp ?? ((settings, validators, log) => createHttpClient({ ...settings, validators, log })),
  });
  child.register(Tokens.parseWorker, { useValue: { entry: base.parseWorker } });
  return child;
}

/** Resolves every service of a container. */
export function resolveServices(container: DependencyContainer): Services {
  return {
    registry: container.resolve(Tokens.registry),
    env: container.resolve(Tokens.env),
    logger: container.resolve(Tokens.logger),
    openStore: container.resolve(Tokens.openStore),
    createHttp: container.resolve(Tokens.createHttp),
    parseWorker: container.resolve(Tokens.parseWorker).entry,
  };
}
