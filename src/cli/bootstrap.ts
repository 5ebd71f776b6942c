import type { Config } from '@oclif/core';
import createDebug from 'debug';
import type { Logger } from '../core/contracts/logger.js';
import { PluginRegistry } from '../core/registry.js';
import { REGISTER_HOOK } from '../core/plugin-descriptor.js';
import { builtinDescriptors } from '../plugins/builtins.js';

/**
 * The registry with the built-in plugins, then every installed oclif plugin that answers
 * `bbj:register`. A plugin that throws or returns garbage is recorded, never fatal.
 */
export async function buildRegistry(oclifConfig?: Config): Promise<PluginRegistry> {
  const registry = builtinRegistry();
  if (!oclifConfig) return registry;
  // captureErrors: a hook that calls this.error() (an oclif exit error) must not end the command.
  const result = await oclifConfig.runHook(REGISTER_HOOK, {}, undefined, true);
  for (const failure of result.failures) {
    registry.reportPluginFailure({ kind: 'plugin', name: failure.plugin.name, version: failure.plugin.version }, `its ${REGISTER_HOOK} hook threw: ${failure.error.message}`);
  }
  for (const success of result.successes) {
    const origin = { kind: 'plugin' as const, name: success.plugin.name, version: success.plugin.version };
    // Plugins without a bbj:register hook answer undefined: they contribute nothing.
    if (success.result !== undefined) registry.registerHookResult(success.result, origin);
  }
  return registry;
}

/** A registry holding only the built-in plugins. */
export function builtinRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  for (const descriptor of builtinDescriptors) registry.register(descriptor, { kind: 'core' });
  return registry;
}

/** Diagnostics through `debug` namespaces; `--verbose` turns them on. */
export function createLogger(verbose: boolean): Logger {
  if (verbose) createDebug.enable([process.env.DEBUG, 'bbj:*'].filter(Boolean).join(','));
  const debug = createDebug('bbj:debug');
  const info = createDebug('bbj:info');
  const warn = createDebug('bbj:warn');
  return { debug: (m) => debug(m), info: (m) => info(m), warn: (m) => warn(m) };
}
