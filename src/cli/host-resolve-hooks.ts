import type { ResolveHook } from 'node:module';

/**
 * Node module hook (registered by host-resolution.ts): an installed plugin that imports
 * `bbj-rag/plugin` (or another bbj-rag entry) at run time finds the running bbj-rag, not
 * "Cannot find package 'bbj-rag'". The plugin's own copy, when it has one, still wins.
 * Resolving from this file uses the package's self-reference (its name and `exports`).
 */
export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context);
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND' || !/^bbj-rag(?:\/|$)/.test(specifier)) throw error;
    return nextResolve(specifier, { ...context, parentURL: import.meta.url });
  }
};
