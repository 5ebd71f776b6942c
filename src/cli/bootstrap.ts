import type { Config } from '@oclif/core';
import createDebug from 'debug';
import type { Logger } from '../core/contracts/logger.js';
import { PluginRegistry } from '../core/registry.js';
import { builtinDescriptors } from '../plugins/builtins.js';

/** Name of the oclif hook third-party plugins answer with their descriptors. */
export const REGISTER_HOOK = 'bbj:register';

/**
 * The registry with the built-in plugins, then every installed oclif plugin that answers
 * `bbj:register`. A plugin that throws or returns garbage is recorded, never fatal.
 */
export async function buildRegistry(oclifConfig?: Config): Promise<PluginRegistry> {
  const registry = new PluginRegistry();
  for (const descriptor of builtinDescriptors) registry.register(descriptor, { kind: 'core' });
  if (!oclifConfig) return registry;
  // captureErrors: a hook that calls this.error() (an oclif exit error) must not end the command.
  const result = await oclifConfig.runHook(REGISTER_HOOK, {}, undefined, true);
  for (const failure of result.failures) {
    registry.reportPluginFailure({ kind: 'plugin', name: failure.plugin.name, version: failure.plugin.version }, `its ${REGISTER_HOOK} hook threw: ${failure.error.message}`);
  }
  for (const success of result.successes) {
    const origin = { kind: 'plugin' as const, name: success.plugin.name, version: success.plugin.version };
    const value = success.result as unknown;
    if (value === undefined) continue;
    const descriptors = Array.isArray(value) ? value : (value as { descriptors?: unknown })?.descriptors;
    if (!Array.isArray(descriptors)) {
      registry.reportPluginFailure(origin, `its ${REGISTER_HOOK} hook must return an array of descriptors (or { descriptors: [...] }), got ${typeof value}`);
      continue;
    }
    for (const descriptor of descriptors) registry.register(descriptor, origin);
  }
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
