import type { Enricher } from './contracts/enricher.js';

/**
 * A generation filter as the user typed it, in the stored spelling of the first enricher
 * that knows the label (`Enricher.labels.normaliseGeneration`); else trimmed. Commands learn
 * the domain's spelling from the enrichers, never from a plugin's files.
 */
export function normaliseGenerationLabel(enrichers: readonly Enricher[], label: string): string {
  for (const enricher of enrichers) {
    const normalised = enricher.labels?.normaliseGeneration?.(label);
    if (normalised !== undefined && normalised !== label.trim()) return normalised;
  }
  return label.trim();
}
