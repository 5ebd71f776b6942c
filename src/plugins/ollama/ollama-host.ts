/** Ollama's default when neither the config nor `OLLAMA_HOST` names a host. */
export const DEFAULT_OLLAMA_HOST = 'http://127.0.0.1:11434';

/**
 * Resolves the Ollama base URL: the configured host, else `OLLAMA_HOST`, else the default.
 * Follows the Ollama CLI's own reading of `OLLAMA_HOST`: no scheme means `http` and port 11434
 * (`0.0.0.0:11434`, `gpu-box`), an explicit `http://` without a port means port 80. A bind-all
 * address (`0.0.0.0`, `::`) is where a server listens, not where a client connects, so it
 * becomes loopback.
 */
export function resolveOllamaHost(configured: string | undefined, env: Record<string, string | undefined>): string {
  const raw = configured?.trim() || env.OLLAMA_HOST?.trim() || DEFAULT_OLLAMA_HOST;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `http://${raw}`);
  } catch {
    throw new Error(`invalid Ollama host "${raw}": expected host:port or http://host:port`);
  }
  if (!hasScheme && url.port === '') url.port = '11434';
  if (url.hostname === '0.0.0.0') url.hostname = '127.0.0.1';
  if (url.hostname === '[::]') url.hostname = '[::1]';
  return url.toString().replace(/\/+$/, '');
}
