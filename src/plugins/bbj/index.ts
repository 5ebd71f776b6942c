export { bbjEnricher, enrichBbjDocument, BBJ_RULES_VERSION } from './bbj-enricher.js';
export { GENERATIONS, DOC_TYPES, LIFECYCLES, isGeneration, isDocType, type Generation, type DocType, type Lifecycle } from './vocabulary.js';
export { detectGenerations, generationSignals, resolveGenerations, PATH_PREFIXES, type GenerationSignal, type GenerationInput } from './generations.js';
export { classifyDocType, normalizeDocType, DOC_TYPE_RULES, type DocTypeResult } from './doc-types.js';
export { detectLifecycle, leadText } from './lifecycle.js';
export { defaultDisplayUrl, defaultSourceType, DEFAULT_SOURCE_TYPE } from './display.js';
export { parseGenerationTag, type GenerationTagMode } from './generation-tag.js';
export { scanMarkdown, type MarkdownParts } from './markdown-scan.js';
export { topicPathOf, conditionsOf, BBJ_WEBHELP_BASE } from './topic-inputs.js';
