import type { Config } from '@oclif/core';
import { loadConfig } from '../core/config/config-loader.js';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { createRunContainer, resolveServices, type Services } from '../core/container.js';
import { buildRegistry, createLogger } from './bootstrap.js';

/** What a command needs: the resolved config and the run's services. */
export interface CommandContext {
  /** `sources.toml` resolved with environment and flags. */
  config: ResolvedConfig;
  /** Services from the run's child container. */
  services: Services;
}

/** Loads the config and wires the services for one command invocation. */
export async function commandContext(
  oclifConfig: Config,
  flags: { config?: string; 'data-dir'?: string; verbose?: boolean },
  options: { collectProblems?: boolean } = {},
): Promise<CommandContext> {
  const config = await loadConfig({ configPath: flags.config, dataDir: flags['data-dir'], collectProblems: options.collectProblems });
  const registry = await buildRegistry(oclifConfig);
  const container = createRunContainer({ registry, logger: createLogger(flags.verbose ?? false) });
  return { config, services: resolveServices(container) };
}

/** Task tree renderer: silent for JSON, simple when not on a terminal (CI logs), animated otherwise. */
export function rendererFor(json: boolean): 'default' | 'simple' | 'silent' {
  if (json) return 'silent';
  return process.stdout.isTTY ? 'default' : 'simple';
}

/** An abort signal fired by Ctrl-C / SIGTERM, so an interrupted run stays resumable. */
export function interruptSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (name: string) => () => {
    process.stderr.write(`\n${name} received: stopping after the current batch; re-run with --resume to continue.\n`);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.once('SIGINT', stop('SIGINT'));
  process.once('SIGTERM', stop('SIGTERM'));
  return controller.signal;
}
