import { generationTagProblem } from './generation-tag.js';
import type { Document, JsonValue } from '../../plugin-api.js';
import type { Enricher } from '../../plugin-api.js';
import type { SourceInfo } from '../../plugin-api.js';
import { defaultDisplayUrl, defaultSourceType } from './display.js';
import { classifyDocType, normalizeDocType } from './doc-types.js';
import { parseGenerationTag } from './generation-tag.js';
import { detectGenerations } from './generations.js';
import { detectLifecycle } from './lifecycle.js';
import { scanMarkdown } from './markdown-scan.js';
import { conditionsOf, topicPathOf } from './topic-inputs.js';
import { normaliseGeneration } from './generation-filter.js';
import { DOC_TYPES, isGeneration, isLifecycle, LIFECYCLES, lifecyclesBySeverity, type Generation } from './vocabulary.js';

/** Version of the rules; bump it whenever a rule changes so stored documents are re-processed. */
export const BBJ_RULES_VERSION = '1';

/** Lifecycle states in every spelling a rule or a parser could have used (none may end up in `generations`). */
const LIFECYCLE_SPELLINGS = [...new Set(LIFECYCLES.flatMap((l) => [l, l.replace('_', '-'), l.replace('_', ' ')]))];

/**
 * Fills generations, lifecycle, document type, source label and display URL of a document
 * from the BBj rules, keeping what the parser or the source configuration already decided.
 */
export function enrichBbjDocument(doc: Document, source: SourceInfo): Document {
  const parts = scanMarkdown(doc.content);
  const topicPath = topicPathOf(doc);
  const conditions = conditionsOf(doc);

  const lifecycle = new Set(detectLifecycle({ conditions, title: doc.title, prose: parts.prose }));
  // Parser-provided lifecycle labels (the reference's Flare mapping) move out of generations.
  const parserGenerations: Generation[] = [];
  for (const g of doc.generations) {
    const label = g.trim().toLowerCase();
    if (isLifecycle(label)) lifecycle.add(label);
    else if (isGeneration(label) && label !== 'untagged') parserGenerations.push(label);
  }

  const tag = parseGenerationTag(source.generationTag);
  let generations: Generation[];
  let generationBasis: string;
  if (tag.mode === 'force') [generations, generationBasis] = [tag.generations, 'source'];
  else if (parserGenerations.length > 0) [generations, generationBasis] = [[...new Set(parserGenerations)].sort(), 'parser'];
  else [generations, generationBasis] = [detectGenerations({ topicPath, conditions, parts }), 'rules'];

  const given = normalizeDocType(doc.docType);
  const classified = given ? undefined : classifyDocType(parts, topicPath);
  const docType = given ?? classified!.type;

  const lifecycleList = lifecyclesBySeverity(lifecycle);
  const metadata: Record<string, JsonValue> = {
    ...doc.metadata,
    generation_basis: generationBasis,
    doc_type_basis: classified ? `rule:${classified.rule}` : 'parser',
  };
  if (topicPath !== '' && metadata.topic_path === undefined) metadata.topic_path = topicPath;
  if (lifecycleList.length > 0) metadata.lifecycle = lifecycleList[0];
  if (lifecycleList.length > 1) metadata.lifecycle_all = lifecycleList;

  return {
    ...doc,
    generations,
    docType,
    // Not-implemented topics describe something missing, not something retired: lifecycle only.
    deprecated: doc.deprecated || lifecycle.has('deprecated') || lifecycle.has('superseded'),
    sourceType: doc.sourceType || source.label || defaultSourceType(doc.sourceUrl),
    displayUrl: doc.displayUrl || defaultDisplayUrl(doc.sourceUrl, source.displayBaseUrl),
    metadata,
  };
}

/** The BBj knowledge module at the enrich extension point. */
export const bbjEnricher: Enricher = {
  name: 'bbj',
  version: BBJ_RULES_VERSION,
  // The ten BBj sources omit `enrichers`; a non-BBj source sets `enrichers = []`.
  defaultForSources: true,
  labels: { docTypes: DOC_TYPES, lifecycleLabels: LIFECYCLE_SPELLINGS, untaggedLabel: 'untagged', normaliseGeneration },
  validateSource: (source) => {
    const problem = generationTagProblem(source.generationTag);
    return problem ? [problem] : [];
  },
  enrich: enrichBbjDocument,
};
