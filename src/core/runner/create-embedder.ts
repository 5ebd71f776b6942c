import type { Embedder } from '../contracts/embedder.js';
import type { Services } from '../container.js';
import type { ResolvedConfig } from '../config/resolved-config.js';
import { formatOptionIssues } from '../pipeline/parser-context.js';
import { describeOrigin } from '../registry.js';
import { errorMessage } from '../errors/bbj-error.js';

/** Builds the configured embedder, or explains what is wrong with `[embedder]`. */
export function createEmbedder(config: ResolvedConfig, services: Services): { embedder?: Embedder; issues: string[] } {
  const settings = config.embedder;
  const provider = services.registry.provider(settings.provider);
  if (!provider) {
    const known = services.registry.allProviders().map((p) => p.value.type).join(', ');
    return { issues: [`${config.configPath}: embedder.provider: unknown embedder "${settings.provider}"; available: ${known}. A plugin may provide it (bbj plugins install ...).`] };
  }
  const options = provider.value.optionsSchema.safeParse(settings.options);
  if (!options.success) {
    return {
      issues: formatOptionIssues(options.error.issues, provider.value.optionsSchema, 'embedder.options').map((line) => `${config.configPath}: ${line} (embedder ${settings.provider} from ${describeOrigin(provider.origin)})`),
    };
  }
  try {
    return { embedder: provider.value.create({ settings, options: options.data, env: services.env, log: services.logger }), issues: [] };
  } catch (error) {
    return { issues: [`embedder ${settings.provider}: ${errorMessage(error)}`] };
  }
}

/** The model id stored with every chunk. */
export function embeddingModelId(embedder: Embedder): string {
  return `${embedder.id}:${embedder.model}`;
}
