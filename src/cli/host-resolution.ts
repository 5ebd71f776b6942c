import { register } from 'node:module';

let registered = false;

/**
 * Lets installed plugins import the running bbj-rag (`bbj-rag/plugin` helpers such as
 * `withRetry` or `htmlToMarkdown`) although bbj-rag is only their optional peer dependency
 * and npm did not install it next to them. Registered once, and only when a plugin is there,
 * so commands without plugins pay nothing for the module hook.
 */
export function letPluginsImportTheHost(): void {
  if (registered) return;
  registered = true;
  register('./host-resolve-hooks.js', import.meta.url);
}
