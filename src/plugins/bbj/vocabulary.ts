/** Closed vocabularies of the BBj knowledge module (reference §4.2, §4.3, §8 item 39). */

/** Product generations a document applies to; `untagged` when no rule matched. */
export const GENERATIONS = ['all', 'character', 'vpro5', 'bbj_gui', 'dwc', 'untagged'] as const;
/** One generation label. */
export type Generation = (typeof GENERATIONS)[number];

/** Semantic document types, one hyphenated spelling for every parser. */
export const DOC_TYPES = [
  'api-reference',
  'concept',
  'example',
  'tutorial',
  'article',
  'migration',
  'language-reference',
  'best-practice',
  'version-note',
] as const;
/** One document type. */
export type DocType = (typeof DOC_TYPES)[number];

/** Lifecycle states; kept out of `generations` and stored as metadata `lifecycle`. */
export const LIFECYCLES = ['superseded', 'deprecated', 'not_implemented'] as const;
/** One lifecycle state. */
export type Lifecycle = (typeof LIFECYCLES)[number];

/** True when the value is a lifecycle label. */
export function isLifecycle(value: string): value is Lifecycle {
  return (LIFECYCLES as readonly string[]).includes(value);
}

/** The states in `found`, most severe first (the order of `LIFECYCLES`). */
export function lifecyclesBySeverity(found: ReadonlySet<Lifecycle>): Lifecycle[] {
  return LIFECYCLES.filter((state) => found.has(state));
}

/** True when the value is a generation label. */
export function isGeneration(value: string): value is Generation {
  return (GENERATIONS as readonly string[]).includes(value);
}

/** True when the value is a document type of the vocabulary. */
export function isDocType(value: string): value is DocType {
  return (DOC_TYPES as readonly string[]).includes(value);
}
