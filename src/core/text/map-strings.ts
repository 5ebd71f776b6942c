/**
 * Applies `fn` to every string of a JSON-like value (and, with `keys`, to every object key),
 * returning a copy. Class instances (Dates, Buffers, errors) are left as they are: only plain
 * objects and arrays are walked.
 */
export function mapStringsDeep(value: unknown, fn: (text: string) => string, options: { keys?: boolean } = {}): unknown {
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return fn(v);
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object' && (v.constructor === Object || Object.getPrototypeOf(v) === null)) {
      const out: Record<string, unknown> = {};
      for (const [k, child] of Object.entries(v)) out[options.keys ? fn(k) : k] = visit(child);
      return out;
    }
    return v;
  };
  return visit(value);
}
