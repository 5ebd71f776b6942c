import type { Config } from '@oclif/core';
import createDebug from 'debug';
import type { Logger } from '../core/contracts/logger.js';
import type { PluginRegistry } from '../core/registry.js';
import { REGISTER_HOOK } from '../core/plugin-descriptor.js';
import { builtinRegistry } from '../plugins/builtins.js';
import { letPluginsImportTheHost } from './host-resolution.js';

export { builtinRegistry };

/**
 * The registry with the built-in plugins, then every installed oclif plugin that answers
 * `bbj:register`. A plugin that throws or returns garbage is recorded, never fatal.
 */
export async function buildRegistry(oclifConfig?: Config): Promise<PluginRegistry> {
  const registry = builtinRegistry();
  if (!oclifConfig) return registry;
  if ([...oclifConfig.plugins.values()].some((p) => p.type !== 'core' && p.hooks?.[REGISTER_HOOK])) letPluginsImportTheHost();
  // captureErrors: a hook that calls this.error() (an oclif exit error) must not end the command.
  const result = await oclifConfig.runHook(REGISTER_HOOK, {}, undefined, true);
  for (const failure of result.failures) {
    registry.reportPluginFailure({ kind: 'plugin', name: failure.plugin.name, version: failure.plugin.version }, `its ${REGISTER_HOOK} hook threw: ${failure.error.message}${hostImportHint(failure.error)}`);
  }
  for (const success of result.successes) {
    const origin = { kind: 'plugin' as const, name: success.plugin.name, version: success.plugin.version };
    // Plugins without a bbj:register hook answer undefined: they contribute nothing.
    if (success.result !== undefined) registry.registerHookResult(success.result, origin);
  }
  return registry;
}

/**
 * An installed plugin has its own node_modules without bbj-rag (an optional peer dependency).
 * host-resolution.ts lets its imports of bbj-rag find the running host; where that cannot
 * work (a CommonJS `require`), the bare "Cannot find package 'bbj-rag'" gets this advice.
 */
export function hostImportHint(error: Error): string {
  if (!/Cannot find (package|module) '(bbj-rag)(\/[^']*)?'/.test(error.message)) return '';
  return (
    '. The plugin imports bbj-rag at run time where it is not installed (bbj-rag is its optional peer dependency). ' +
    "Plugin author: load it with `import` (ES modules), or use `import type` only and write descriptors as plain objects with apiVersion: 1; use 'bbj-rag/testing' only in tests (see docs/plugins.md)"
  );
}

/** Diagnostics through `debug` namespaces; `--verbose` turns them on. */
export function createLogger(verbose: boolean): Logger {
  if (verbose) createDebug.enable([process.env.DEBUG, 'bbj:*'].filter(Boolean).join(','));
  const debug = createDebug('bbj:debug');
  const info = createDebug('bbj:info');
  const warn = createDebug('bbj:warn');
  return { debug: (m) => debug(m), info: (m) => info(m), warn: (m) => warn(m) };
}
