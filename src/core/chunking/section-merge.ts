import { type Section, blocksTokens } from './markdown-sections.js';

/** Settings of the small-section merge. */
export interface MergeOptions {
  /** A section below this many tokens is merged with its neighbours (0 turns merging off). */
  minTokens: number;
  /** Token budget of a chunk body for a given heading path (the context header already subtracted). */
  budget: (headingPath: readonly string[]) => number;
}

/** The longest common prefix of two heading paths. */
export function commonPrefix(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < a.length && i < b.length && a[i] === b[i]; i += 1) out.push(a[i]);
  return out;
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((segment, i) => path[i] === segment);
}

/**
 * Merges small sections with their neighbours under the same parent heading, in document
 * order, while the result fits the budget. A run starts at a section; a later section may
 * join while it is inside that section's parent (a sibling, or a child of a sibling), one of
 * the two sides is below `minTokens`, and the sum fits. A tiny side (below half of
 * `minTokens`) may also join across heading depth: a `## License` line after the last
 * `###` of another chapter, or a bare chapter heading before its first subsection, would
 * otherwise be a chunk of its own. The merged section keeps every block, so each part keeps
 * its own heading line; its heading path is the deepest heading that contains all parts,
 * which the chunk's context header then names.
 */
export function mergeSmallSections(sections: readonly Section[], options: MergeOptions): Section[] {
  if (options.minTokens <= 0) return [...sections];
  const tiny = options.minTokens / 2;
  const out: Section[] = [];
  const outTokens: number[] = [];
  let run: Section | undefined;
  let runTokens = 0;
  let scope: string[] = [];
  for (const section of sections) {
    const tokens = blocksTokens(section.blocks);
    const small = runTokens < options.minTokens || tokens < options.minTokens;
    const inScope = startsWith(section.headingPath, scope);
    if (run !== undefined && ((inScope && small) || runTokens < tiny || tokens < tiny)) {
      const path = commonPrefix(run.headingPath, section.headingPath);
      const sum = runTokens + 1 + tokens;
      if (sum <= options.budget(path)) {
        run = { headingPath: path, blocks: [...run.blocks, ...section.blocks] };
        runTokens = sum;
        continue;
      }
    }
    if (run !== undefined) close(run, runTokens);
    run = section;
    runTokens = tokens;
    scope = section.headingPath.slice(0, -1);
  }
  if (run !== undefined) close(run, runTokens);
  return out;

  // A tiny run the next section could not take (too big, or the end of the document) joins
  // the chunk before it when that one has room: the trailing `## License` of a README.
  function close(section: Section, sectionTokens: number): void {
    const last = out[out.length - 1];
    if (last !== undefined && sectionTokens < tiny) {
      const path = commonPrefix(last.headingPath, section.headingPath);
      const sum = outTokens[outTokens.length - 1] + 1 + sectionTokens;
      if (sum <= options.budget(path)) {
        out[out.length - 1] = { headingPath: path, blocks: [...last.blocks, ...section.blocks] };
        outTokens[outTokens.length - 1] = sum;
        return;
      }
    }
    out.push(section);
    outTokens.push(sectionTokens);
  }
}
