import { defineEmbedder, defineEnricher, defineParser, type PluginDescriptor } from '../core/plugin-descriptor.js';
import { PluginRegistry } from '../core/registry.js';
import { bbjEnricher } from './bbj/index.js';
import { bbjSourceParser } from './bbj-source/index.js';
import { flareParser } from './flare/index.js';
import { hashProvider } from './hash/index.js';
import { javadocParser } from './javadoc/index.js';
import { mdxParser } from './mdx/index.js';
import { ollamaProvider } from './ollama/index.js';
import { openAICompatibleProvider } from './openai-compatible/index.js';
import { pdfParser } from './pdf/index.js';
import { webCrawlParser } from './web-crawl/index.js';
import { wordpressAdvantageParser, wordpressKbParser } from './wordpress/index.js';

/**
 * The plugins that ship with bbj-rag. They go through the same registry and shape checks as
 * third-party plugins; the core imports none of them directly.
 */
export const builtinDescriptors: PluginDescriptor[] = [
  defineParser(mdxParser),
  defineParser(flareParser),
  defineParser(pdfParser),
  defineParser(bbjSourceParser),
  defineParser(javadocParser),
  defineParser(wordpressAdvantageParser),
  defineParser(wordpressKbParser),
  defineParser(webCrawlParser),
  defineEmbedder(ollamaProvider),
  defineEmbedder(hashProvider),
  defineEmbedder(openAICompatibleProvider),
  defineEnricher(bbjEnricher),
];

/**
 * A registry holding only the built-in plugins. It lives here, not in the CLI, so the
 * `bbj-rag/testing` harness can build it without loading any command code.
 */
export function builtinRegistry(): PluginRegistry {
  const registry = new PluginRegistry();
  for (const descriptor of builtinDescriptors) registry.register(descriptor, { kind: 'core' });
  return registry;
}
