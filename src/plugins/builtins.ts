import { defineEmbedder, defineEnricher, defineParser, type PluginDescriptor } from '../core/plugin-descriptor.js';
import { PluginRegistry } from '../core/registry.js';
import { bbjEnricher } from './bbj/index.js';
import { lazyParser } from '../core/lazy-parser.js';
import { bbjSourceInfo } from './bbj-source/bbj-source-info.js';
import { flareInfo } from './flare/flare-info.js';
import { hashProvider } from './hash/index.js';
import { javadocInfo } from './javadoc/javadoc-info.js';
import { mdxInfo } from './mdx/mdx-info.js';
import { ollamaProvider } from './ollama/index.js';
import { openAICompatibleProvider } from './openai-compatible/index.js';
import { pdfInfo } from './pdf/pdf-info.js';
import { webCrawlInfo } from './web-crawl/web-crawl-info.js';
import { advantageInfo } from './wordpress/advantage-info.js';
import { kbInfo } from './wordpress/kb-info.js';

const ALL_STEPS = { validate: true, detect: true };
const NO_STEPS = { validate: false, detect: false };

/**
 * The plugins that ship with bbj-rag. They go through the same registry and shape checks as
 * third-party plugins; the core imports none of them directly.
 */
export const builtinDescriptors: PluginDescriptor[] = [
  // Loaded on first use: their MDX, HTML, PDF and JSON libraries cost every CLI start otherwise.
  defineParser(lazyParser(mdxInfo, ALL_STEPS, async () => (await import('./mdx/mdx-parser.js')).mdxParser)),
  defineParser(lazyParser(flareInfo, ALL_STEPS, async () => (await import('./flare/flare-parser.js')).flareParser)),
  defineParser(lazyParser(pdfInfo, ALL_STEPS, async () => (await import('./pdf/pdf-parser.js')).pdfParser)),
  defineParser(lazyParser(bbjSourceInfo, ALL_STEPS, async () => (await import('./bbj-source/bbj-source-parser.js')).bbjSourceParser)),
  defineParser(lazyParser(javadocInfo, ALL_STEPS, async () => (await import('./javadoc/javadoc-parser.js')).javadocParser)),
  defineParser(lazyParser(advantageInfo, NO_STEPS, async () => (await import('./wordpress/advantage-parser.js')).wordpressAdvantageParser)),
  defineParser(lazyParser(kbInfo, NO_STEPS, async () => (await import('./wordpress/kb-parser.js')).wordpressKbParser)),
  defineParser(lazyParser(webCrawlInfo, NO_STEPS, async () => (await import('./web-crawl/web-crawl-parser.js')).webCrawlParser)),
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

/** The worker module of parse threads: a registry of these built-ins serving the host's jobs (`[run] parse_threads`). */
export const builtinParseWorker = new URL('./parse-worker.js', import.meta.url);
