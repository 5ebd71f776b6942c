import type { DetectedSource, FolderScan, Parser } from '../contracts/parser.js';
import { SOURCE_NAME } from '../config/config-schema.js';
import { errorMessage } from '../errors/bbj-error.js';

/** One proposed `[[sources]]` entry, with the parser that proposed it. */
export interface PlannedSource extends DetectedSource {
  /** Parser type (`parser = "..."`). */
  parser: string;
}

/** What `bbj init` will write. */
export interface InitPlan {
  /** Sources in a stable order (by parser, then path). */
  sources: PlannedSource[];
  /** Parsers whose `detect` failed, with the reason; the others still count. */
  problems: string[];
}

/**
 * Asks every parser that can detect sources to look at the scanned folder. Two parsers may
 * propose the same folder (a repository with both Markdown docs and BBj code): both are real
 * sources, so both are kept; names are made unique.
 */
export async function planSources(scan: FolderScan, parsers: readonly Parser[]): Promise<InitPlan> {
  const sources: PlannedSource[] = [];
  const problems: string[] = [];
  const names = new Set<string>();
  for (const parser of parsers) {
    if (!parser.detect) continue;
    let found: DetectedSource[];
    try {
      found = await parser.detect(scan);
    } catch (error) {
      problems.push(`parser "${parser.type}" could not look at the folder: ${errorMessage(error)}`);
      continue;
    }
    for (const detected of found) {
      if (detected.paths.length === 0) continue;
      sources.push({ ...detected, parser: parser.type, name: uniqueName(safeName(detected.name), names) });
    }
  }
  return { sources, problems };
}

/** Lower-cases and replaces what a source name may not contain. */
export function safeName(raw: string): string {
  let name = raw.toLowerCase().replace(/[^a-z0-9+.-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(name)) name = `src-${name}`;
  return SOURCE_NAME.test(name) ? name : 'source';
}

function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let i = 2; taken.has(candidate); i++) candidate = `${name}-${i}`;
  taken.add(candidate);
  return candidate;
}
