/** Percent-encodes each segment of a `/`-separated path (a `#` or `?` in a file name must not end the path). */
export function encodeUrlPath(relPath: string): string {
  return relPath.split('/').map(encodeURIComponent).join('/');
}

/**
 * The one rule for display URLs built from a base and a relative path: the base without trailing
 * slashes, exactly one `/`, the path without leading slashes and percent-encoded per segment.
 * An empty path gives the base with one trailing slash (a site's start page).
 */
export function joinUrlPath(base: string, relPath: string): string {
  return `${base.trim().replace(/\/+$/, '')}/${encodeUrlPath(relPath.replace(/^\/+/, ''))}`;
}
