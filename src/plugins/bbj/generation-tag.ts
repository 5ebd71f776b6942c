import { GENERATIONS, isGeneration, type Generation } from './vocabulary.js';

/** How a source's `generation_tag` is applied. */
export type GenerationTagMode = { mode: 'auto' } | { mode: 'force'; generations: Generation[] };

/**
 * Reads a source's `generation_tag`: `auto` (or empty) uses the rules; one generation, or a
 * comma-separated list of them (`bbj_gui, dwc`), forces those labels. The reference's legacy
 * `bbj` meant "some BBj generation" and was never a real label, so it means `auto`, as does any
 * value outside the vocabulary (config validation is where a typo should be reported).
 * `bbj-gui` is read as `bbj_gui` (the planning notes' spelling).
 */
export function parseGenerationTag(tag: string | undefined): GenerationTagMode {
  const values = (tag ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase().replace('bbj-gui', 'bbj_gui'))
    .filter((v) => v !== '');
  if (values.length === 0 || values.some((v) => !isGeneration(v) || v === 'untagged')) return { mode: 'auto' };
  return { mode: 'force', generations: [...new Set(values as Generation[])].sort() };
}

/** Why a `generation_tag` would silently fall back to the rules, or undefined when it is fine. */
export function generationTagProblem(tag: string | undefined): string | undefined {
  const values = (tag ?? '').split(',').map((v) => v.trim().toLowerCase().replace('bbj-gui', 'bbj_gui')).filter((v) => v !== '');
  if (values.length === 0 || (values.length === 1 && (values[0] === 'auto' || values[0] === 'bbj'))) return undefined;
  const unknown = values.filter((v) => !isGeneration(v) || v === 'untagged');
  if (unknown.length === 0) return undefined;
  return `generation_tag "${tag}": ${unknown.map((v) => `"${v}"`).join(', ')} is not a generation; use "auto" or one or more of ${GENERATIONS.filter((g) => g !== 'untagged').join(', ')}`;
}
