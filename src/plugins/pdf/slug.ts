/**
 * Heading slug as the reference made it: lower case, characters other than letters, digits,
 * `_`, whitespace and `-` removed, whitespace and `_` runs to `-`, hyphens collapsed and trimmed.
 */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}_\s-]/gu, '')
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Hands out unique slugs: the second `intro` becomes `intro-2`, the third `intro-3`. */
export class SlugSet {
  private readonly used = new Set<string>();

  /** Returns `slugify(text)` (or `fallback` when empty), suffixed until unused. */
  take(text: string, fallback = 'section'): string {
    const base = slugify(text) || fallback;
    let slug = base;
    for (let n = 2; this.used.has(slug); n++) slug = `${base}-${n}`;
    this.used.add(slug);
    return slug;
  }
}
