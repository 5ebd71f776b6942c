/** Ollama's default address when OLLAMA_HOST is not set. */
const DEFAULT_HOST = 'http://127.0.0.1:11434';

/** The Ollama address from OLLAMA_HOST (which may omit the scheme, as Ollama's own CLI allows). */
export function ollamaHost(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.OLLAMA_HOST?.trim();
  if (!raw) return DEFAULT_HOST;
  return /^https?:\/\//.test(raw) ? raw : `http://${raw}`;
}

/** True when an Ollama server answers `/api/version` within the timeout. */
export async function ollamaAnswers(host: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const response = await fetch(new URL('/api/version', host), { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}
