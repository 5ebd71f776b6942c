import type { PropertyResult, SourceFigures } from './report-types.js';

/** Which vocabulary checks the caller asked for. */
export interface PropertyChecks {
  /** A doc type vocabulary was given. */
  docTypesChecked: boolean;
  /** Lifecycle labels were given. */
  lifecycleChecked: boolean;
}

/** The quality properties over the totals; a vocabulary check that was not asked for holds trivially. */
export function qualityProperties(totals: SourceFigures, checks: PropertyChecks): PropertyResult[] {
  const unknownDocTypeChunks = totals.unknownDocTypes.reduce((n, d) => n + d.chunks, 0);
  return [
    {
      id: 'no-oversized-chunks',
      description: `no chunk above ${totals.limit.maxTokens} tokens unless marked as an unsplittable line`,
      checked: true,
      ok: totals.oversized.count === 0,
      violations: totals.oversized.count,
    },
    { id: 'no-heading-only-chunks', description: 'no chunk whose body is only a heading', checked: true, ok: totals.headingOnly.count === 0, violations: totals.headingOnly.count },
    {
      id: 'doc-types-in-vocabulary',
      description: 'every stored doc_type is in the vocabulary',
      checked: checks.docTypesChecked,
      ok: unknownDocTypeChunks === 0,
      violations: unknownDocTypeChunks,
    },
    {
      id: 'no-lifecycle-in-generations',
      description: 'no lifecycle label inside generations',
      checked: checks.lifecycleChecked,
      ok: totals.lifecycleInGenerations.count === 0,
      violations: totals.lifecycleInGenerations.count,
    },
  ];
}
