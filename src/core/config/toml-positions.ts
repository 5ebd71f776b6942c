/** Where a key is written in a TOML file (1-based, like editors show it). */
export interface TomlPosition {
  line: number;
  column: number;
}

const BARE = String.raw`[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|'[^']*'`;
const DOTTED = String.raw`(?:${BARE})(?:\s*\.\s*(?:${BARE}))*`;
const ARRAY_HEADER = new RegExp(String.raw`^(\s*)\[\[\s*(${DOTTED})\s*\]\]`);
const TABLE_HEADER = new RegExp(String.raw`^(\s*)\[\s*(${DOTTED})\s*\]`);
const KEY_LINE = new RegExp(String.raw`^(\s*)(${DOTTED})\s*=`);

function splitDotted(dotted: string): string[] {
  const parts: string[] = [];
  for (const m of dotted.matchAll(new RegExp(BARE, 'g'))) {
    const raw = m[0];
    parts.push(raw.startsWith('"') ? (JSON.parse(raw) as string) : raw.startsWith("'") ? raw.slice(1, -1) : raw);
  }
  return parts;
}

/**
 * Finds where each key and table of a TOML text is written, keyed like config messages name
 * them (`embedder.dimensions`, `sources[2].paths`, `sources[1].options.extension`). smol-toml
 * gives positions only for syntax errors; schema errors are mapped back to the text with this
 * line scanner (tables, arrays of tables, dotted keys; multi-line strings skipped).
 */
export class TomlPositions {
  private readonly positions = new Map<string, TomlPosition>();

  constructor(text: string) {
    const arrayCounts = new Map<string, number>();
    // Resolves header parts to a path, indexing every prefix that is an array of tables.
    const pathOf = (parts: string[], isArray: boolean): string => {
      let out = '';
      parts.forEach((part, i) => {
        out = out ? `${out}.${part}` : part;
        const count = arrayCounts.get(out);
        const last = i === parts.length - 1;
        if (count !== undefined && !(last && isArray)) out = `${out}[${count}]`;
      });
      return out;
    };
    let table = '';
    let inMultiline: string | undefined;
    const lines = text.split(/\r?\n/);
    lines.forEach((line, index) => {
      if (inMultiline) {
        if (line.includes(inMultiline)) inMultiline = undefined;
        return;
      }
      let m = ARRAY_HEADER.exec(line);
      if (m) {
        const parts = splitDotted(m[2]!);
        const base = pathOf(parts, true);
        const next = (arrayCounts.get(base) ?? -1) + 1;
        arrayCounts.set(base, next);
        table = `${base}[${next}]`;
        this.record(table, index, m[1]!.length);
        return;
      }
      m = TABLE_HEADER.exec(line);
      if (m) {
        table = pathOf(splitDotted(m[2]!), false);
        this.record(table, index, m[1]!.length);
        return;
      }
      m = KEY_LINE.exec(line);
      if (m) {
        const key = splitDotted(m[2]!).join('.');
        this.record(table ? `${table}.${key}` : key, index, m[1]!.length);
        const rest = line.slice(m[0].length);
        for (const quote of ['"""', "'''"]) {
          const at = rest.indexOf(quote);
          if (at >= 0 && rest.indexOf(quote, at + 3) < 0) inMultiline = quote;
        }
      }
    });
  }

  private record(key: string, lineIndex: number, indent: number): void {
    if (!this.positions.has(key)) this.positions.set(key, { line: lineIndex + 1, column: indent + 1 });
  }

  /** The position of a key, else of the nearest enclosing key or table that is written in the file. */
  find(key: string): TomlPosition | undefined {
    let current = key;
    for (;;) {
      const hit = this.positions.get(current);
      if (hit) return hit;
      const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      if (cut <= 0) return undefined;
      current = current.slice(0, cut);
    }
  }
}
