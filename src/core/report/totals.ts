import { addHistograms, histogramBuckets } from './histogram.js';
import type { Finding, LabelCount, SourceFigures } from './report-types.js';

/** Sums label counts across sources (documents are per source, so their counts add up). */
function mergeLabels(lists: LabelCount[][]): LabelCount[] {
  const byLabel = new Map<string | null, LabelCount>();
  for (const entry of lists.flat()) {
    const sum = byLabel.get(entry.label) ?? { label: entry.label, documents: 0, chunks: 0 };
    sum.documents += entry.documents;
    sum.chunks += entry.chunks;
    byLabel.set(entry.label, sum);
  }
  return [...byLabel.values()].sort((a, b) => b.chunks - a.chunks || String(a.label).localeCompare(String(b.label)));
}

function mergeFindings(findings: Finding[], sampleLimit: number): Finding {
  return { count: findings.reduce((n, f) => n + f.count, 0), samples: findings.flatMap((f) => f.samples).slice(0, sampleLimit) };
}

/** The figures of several sources taken together (the totals section). */
export function mergeFigures(sources: SourceFigures[], maxTokens: number, width: number, sampleLimit: number): SourceFigures {
  const sum = (pick: (s: SourceFigures) => number) => sources.reduce((n, s) => n + pick(s), 0);
  const chunks = sum((s) => s.chunks);
  const untaggedChunks = sum((s) => s.untagged.chunks);
  const labelledChunks = sum((s) => s.labelledChunks);
  return {
    documents: sum((s) => s.documents),
    chunks,
    byDocType: mergeLabels(sources.map((s) => s.byDocType)),
    byGeneration: mergeLabels(sources.map((s) => s.byGeneration)),
    labelledChunks,
    untagged: { documents: sum((s) => s.untagged.documents), chunks: untaggedChunks, share: labelledChunks ? untaggedChunks / labelledChunks : 0 },
    histogram: sources.map((s) => s.histogram).reduce(addHistograms, histogramBuckets(new Map(), maxTokens, width)),
    limit: {
      maxTokens,
      largest: Math.max(0, ...sources.map((s) => s.limit.largest)),
      atLimit: sum((s) => s.limit.atLimit),
      overLimit: sum((s) => s.limit.overLimit),
      overLimitMarked: sum((s) => s.limit.overLimitMarked),
    },
    oversized: mergeFindings(sources.map((s) => s.oversized), sampleLimit),
    headingOnly: mergeFindings(sources.map((s) => s.headingOnly), sampleLimit),
    unknownDocTypes: mergeLabels(sources.map((s) => s.unknownDocTypes)),
    lifecycleInGenerations: mergeFindings(sources.map((s) => s.lifecycleInGenerations), sampleLimit),
    tinyChunks: mergeFindings(sources.map((s) => s.tinyChunks), sampleLimit),
    duplicateChunks: mergeFindings(sources.map((s) => s.duplicateChunks), sampleLimit),
    markupLeftovers: mergeFindings(sources.map((s) => s.markupLeftovers), sampleLimit),
    gluedWords: mergeFindings(sources.map((s) => s.gluedWords), sampleLimit),
    lostText: mergeFindings(sources.map((s) => s.lostText), sampleLimit),
    longHeadings: mergeFindings(sources.map((s) => s.longHeadings), sampleLimit),
  };
}
