import type { Config } from '@oclif/core';
import { ExitCode } from '../core/errors/bbj-error.js';
import { loadConfig } from '../core/config/config-loader.js';
import type { ResolvedConfig } from '../core/config/resolved-config.js';
import { createRunContainer, resolveServices, type Services } from '../core/container.js';
import { builtinParseWorker } from '../plugins/builtins.js';
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
  const container = createRunContainer({ registry, logger: createLogger(flags.verbose ?? false), parseWorker: builtinParseWorker });
  return { config, services: resolveServices(container) };
}

/** Ctrl-C / SIGTERM for a run: the first stops it cleanly, a second ends the process at once. */
export interface Interrupt {
  /** Aborted on the first SIGINT or SIGTERM. */
  signal: AbortSignal;
  /** 130 after SIGINT, 143 after SIGTERM, undefined when no signal came. */
  exitCode(): number | undefined;
  /** Removes the handlers (the command is over). */
  dispose(): void;
}

/**
 * The first SIGINT/SIGTERM aborts the signal: the run stops taking documents, lets the open
 * transaction finish, prints its summary and is recorded `interrupted` (resumable). A second
 * signal exits at once with the same code.
 */
export function interruptSignal(): Interrupt {
  const controller = new AbortController();
  let code: number | undefined;
  const handler = (name: NodeJS.Signals) => {
    const exit = name === 'SIGTERM' ? ExitCode.terminated : ExitCode.interrupted;
    if (code !== undefined) {
      process.stderr.write(`\n${name} again: exiting now.\n`);
      process.exit(exit);
    }
    code = exit;
    process.stderr.write(`\n${name} received: finishing the open batch, then stopping (again to exit at once). Re-run with --resume to continue.\n`);
    controller.abort(new Error(`interrupted by ${name}`));
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: controller.signal,
    exitCode: () => code,
    dispose: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}
