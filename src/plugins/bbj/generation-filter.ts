import { isGeneration } from './vocabulary.js';

/**
 * A generation label as a user types it, in the stored spelling: the retrieval API replaces
 * `-` with `_` (`bbj-gui` -> `bbj_gui`); labels outside the BBj vocabulary stay as given.
 */
export function normaliseGeneration(label: string): string {
  const underscored = label.trim().toLowerCase().replace(/-/g, '_');
  return isGeneration(underscored) ? underscored : label.trim();
}
