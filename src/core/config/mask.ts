/** Replaces the password of a database URL with `****` so it can be shown or logged. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    // Not a URL we can parse: hide anything between `:` and `@` in the authority.
    return url.replace(/([^:/@\s]*):[^@\s]*@/, '$1:****@');
  }
}
