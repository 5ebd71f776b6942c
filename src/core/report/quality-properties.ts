import type { Finding, PropertyResult, ShareLimits, SourceFigures } from './report-types.js';
import { LONG_HEADING_WORDS, MIN_TEXT_COVERAGE, TINY_CHUNK_TOKENS } from './text-findings.js';

/** A named source's figures (the share properties are judged per source). */
type NamedFigures = SourceFigures & { name: string };

const pct = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** A property that holds when no source has more than `limit` of its chunks (or documents) in the finding. */
function shareProperty(id: string, what: string, limit: number, sources: readonly NamedFigures[], pick: (s: NamedFigures) => Finding, of: (s: NamedFigures) => number): PropertyResult {
  const offenders = sources
    .map((s) => ({ source: s.name, share: of(s) ? pick(s).count / of(s) : 0 }))
    .filter((o) => o.share > limit);
  return {
    id,
    description: `${what}: at most ${pct(limit)} per source`,
    checked: true,
    applies: true,
    ok: offenders.length === 0,
    violations: sources.reduce((n, s) => n + pick(s).count, 0),
    offenders,
  };
}

/** Which vocabulary checks the caller asked for. */
export interface PropertyChecks {
  /** A doc type vocabulary was given. */
  docTypesChecked: boolean;
  /** Lifecycle labels were given. */
  lifecycleChecked: boolean;
}

/** The quality properties over the totals; a vocabulary check that was not asked for holds trivially. */
export function qualityProperties(totals: SourceFigures, checks: PropertyChecks, sources: readonly NamedFigures[] = [], limits?: ShareLimits): PropertyResult[] {
  const unknownDocTypeChunks = totals.unknownDocTypes.reduce((n, d) => n + d.chunks, 0);
  // Label checks judge only chunks an enricher that sets the labels shaped; elsewhere they are n/a.
  const unlabelled = sources.filter((s) => s.chunks > 0 && s.labelledChunks === 0).map((s) => s.name);
  const labelApplicability = { applies: totals.chunks === 0 || totals.labelledChunks > 0, ...(unlabelled.length ? { notApplicable: unlabelled } : {}) };
  return [
    {
      id: 'no-oversized-chunks',
      description: `no chunk above ${totals.limit.maxTokens} tokens unless marked as an unsplittable line`,
      checked: true,
      applies: true,
      ok: totals.oversized.count === 0,
      violations: totals.oversized.count,
    },
    { id: 'no-heading-only-chunks', description: 'no chunk whose body is only a heading', checked: true, applies: true, ok: totals.headingOnly.count === 0, violations: totals.headingOnly.count },
    {
      id: 'doc-types-in-vocabulary',
      description: 'every stored doc_type is in the vocabulary',
      checked: checks.docTypesChecked,
      ...labelApplicability,
      ok: unknownDocTypeChunks === 0,
      violations: unknownDocTypeChunks,
    },
    {
      id: 'no-lifecycle-in-generations',
      description: 'no lifecycle label inside generations',
      checked: checks.lifecycleChecked,
      ...labelApplicability,
      ok: totals.lifecycleInGenerations.count === 0,
      violations: totals.lifecycleInGenerations.count,
    },
    ...(limits ? shareProperties(sources, limits) : []),
  ];
}

/** The share properties: tiny, duplicate, markup leftovers, glued words, lost text. */
function shareProperties(sources: readonly NamedFigures[], limits: ShareLimits): PropertyResult[] {
  const chunks = (s: NamedFigures) => s.chunks;
  return [
    shareProperty('few-tiny-chunks', `tiny chunks (< ${TINY_CHUNK_TOKENS} tokens)`, limits.tiny, sources, (s) => s.tinyChunks, chunks),
    shareProperty('few-duplicate-chunks', 'chunks repeating another chunk of the source', limits.duplicate, sources, (s) => s.duplicateChunks, chunks),
    shareProperty('no-markup-leftovers', 'chunks with markup leftovers (&#x, ?>, :::, <TabItem, <MadCap, [%=, badge images)', limits.leftovers, sources, (s) => s.markupLeftovers, chunks),
    shareProperty('no-glued-words', 'chunks with words glued at former tag boundaries', limits.glued, sources, (s) => s.gluedWords, chunks),
    shareProperty('few-long-headings', `chunks whose context header has a heading over ${LONG_HEADING_WORDS} words (prose or badges taken for a heading)`, limits.longHeadings, sources, (s) => s.longHeadings, chunks),
    shareProperty('no-lost-text', `documents with less than ${pct(MIN_TEXT_COVERAGE)} of the letters and digits their parser read in chunks`, limits.lostText, sources, (s) => s.lostText, (s) => s.documents),
  ];
}
