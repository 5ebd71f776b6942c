import type { MarkdownParts } from './markdown-scan.js';
import type { Generation } from './vocabulary.js';

/** Why a generation was chosen (kept for diagnostics and tests). */
export interface GenerationSignal {
  /** The generation signalled. */
  generation: Exclude<Generation, 'untagged'>;
  /** Weight of the signal (reference §4.2). */
  weight: number;
  /** Which rule family fired, with the matched prefix, condition or pattern. */
  source: string;
}

type Tagged = Exclude<Generation, 'untagged'>;

/** Path prefixes of the BBj help `Content/` tree (reference §4.2, case-sensitive). Longest match wins. */
export const PATH_PREFIXES: ReadonlyArray<readonly [string, Tagged]> = [
  ...(['bbjobjects/', 'bbjevents/', 'bbjinterfaces/', 'gridmethods/', 'gridctrl/', 'bui/', 'appbuildingblocks/', 'mnemonic/sysgui/', 'commands/bbj-commands/', 'commands/bbj-variables/'] as const).map((p) => [p, 'bbj_gui'] as const),
  ['dwc/', 'dwc'],
  ['mnemonic/terminal/', 'character'],
  ...(['guibuild/', 'formbuilder/', 'resbuild/', 'rescomp/', 'resprops/', 'ddbuild/'] as const).map((p) => [p, 'vpro5'] as const),
  ...(['commands/', 'events/', 'sendmsg/', 'sysadmin/', 'config/', 'usr/', 'dataserv/', 'b3odbc/', 'bbutil/', 'util/', 'eus/'] as const).map((p) => [p, 'all'] as const),
];

/** Flare topic conditions that signal a generation. `Primary.BASISHelp` is on most topics and says nothing. */
const CONDITION_SIGNALS: Record<string, readonly [Tagged, number]> = {
  'Primary.guibuild_chm': ['vpro5', 0.5],
  'Primary.resbuild_chm': ['vpro5', 0.5],
  'Primary.ddbuild_chm': ['vpro5', 0.5],
  'Primary.config_chm': ['all', 0.3],
  'Primary.EMHelp': ['all', 0.3],
  'Primary.BDTHelp': ['all', 0.3],
};

/** Prose patterns (reference §4.2), read outside code fences. */
const PROSE_PATTERNS: ReadonlyArray<readonly [Tagged, RegExp]> = [
  ['bbj_gui', /PROCESS_EVENTS|BBjAPI\(\)|BBjSysGui|SysGUI/i],
  ['dwc', /Dynamic Web Client|\bDWC\b|BBjWebComponent/],
  ['dwc', /web\s*component/i],
  ['character', /character\s*mode|green.screen|terminal\s*emulat/i],
  ['vpro5', /Visual\s*PRO\/5|\bVPRO\/?5\b|GUI\s*Builder|Resource\s*Compiler/i],
];

/** Code that only works in the browser clients (reference §3.6/§3.4 DWC patterns). */
const DWC_CODE = /BBjHtmlView|BBjWebComponent|\b(?:setCss|addStyle|getStyle|removeStyle|setResponsive|getComputedStyle)\s*\(|BBjNavigator|getWebManager|webManager|setAttribute\s*\(\s*"dwc-/i;
/** Code that builds a BBj GUI (reference §3.4 GUI patterns). */
const GUI_CODE = /SYSGUI|BBjAPI\(\)|getSysGui|PROCESS_EVENTS|\b(?:addWindow|addButton|addEditBox|setCallback)\s*\(|BBjTopLevelWindow/;
const BBJ_LANGS = new Set(['bbj', 'bbx', 'basic', '']);

/** The inputs of generation tagging. */
export interface GenerationInput {
  /** Content-relative topic path ('' when unknown). */
  topicPath: string;
  /** Topic-level Flare conditions. */
  conditions: string[];
  /** The document's Markdown, split into prose and code. */
  parts: MarkdownParts;
}

/** Collects every generation signal of a document. */
export function generationSignals(input: GenerationInput): GenerationSignal[] {
  const signals: GenerationSignal[] = [];
  const prefix = longestPrefix(input.topicPath);
  if (prefix) signals.push({ generation: prefix[1], weight: 0.6, source: `path:${prefix[0]}` });
  for (const c of input.conditions) {
    const hit = CONDITION_SIGNALS[c];
    if (hit) signals.push({ generation: hit[0], weight: hit[1], source: `condition:${c}` });
  }
  const seen = new Set<Tagged>();
  for (const [generation, pattern] of PROSE_PATTERNS) {
    if (!seen.has(generation) && pattern.test(input.parts.prose)) {
      seen.add(generation);
      signals.push({ generation, weight: 0.4, source: `content:${pattern.source}` });
    }
  }
  const bbjCode = input.parts.code.filter((c) => BBJ_LANGS.has(c.lang)).map((c) => c.text).join('\n');
  if (bbjCode.trim() !== '') {
    // DWC is a superset of the GUI API: code using browser-only calls is DWC code, not Swing GUI code.
    if (DWC_CODE.test(bbjCode)) signals.push({ generation: 'dwc', weight: 0.4, source: 'code:dwc-api' });
    else if (GUI_CODE.test(bbjCode)) signals.push({ generation: 'bbj_gui', weight: 0.4, source: 'code:gui-api' });
    // Plain BBx code with no GUI at all runs under every generation (reference §3.6 fallback).
    else if (signals.length === 0) signals.push({ generation: 'all', weight: 0.3, source: 'code:plain' });
  }
  return signals;
}

/** Resolves signals to labels: weights summed per generation, kept at >= 0.3, sorted; `untagged` when none. */
export function resolveGenerations(signals: GenerationSignal[]): Generation[] {
  const sums = new Map<Tagged, number>();
  for (const s of signals) sums.set(s.generation, (sums.get(s.generation) ?? 0) + s.weight);
  const kept = [...sums].filter(([, w]) => w >= 0.3 - 1e-9).map(([g]) => g).sort();
  return kept.length > 0 ? kept : ['untagged'];
}

/** Tags a document with generations by the rules. */
export function detectGenerations(input: GenerationInput): Generation[] {
  return resolveGenerations(generationSignals(input));
}

function longestPrefix(topicPath: string): readonly [string, Tagged] | undefined {
  let best: readonly [string, Tagged] | undefined;
  for (const entry of PATH_PREFIXES) {
    if (topicPath.startsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best;
}
