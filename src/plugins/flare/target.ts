import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element } from 'domhandler';
import { decodeFlareBytes } from './decode.js';
import { findChild } from './project-layout.js';
import { attr, childElements, localName, parseFlareXml } from './xml-dom.js';

/** The online output a project publishes: its master TOC and how it names output files. */
export interface FlareTarget {
  /** File stem of the `.fltar` (`HTML5-PRO`), or undefined when only the project file named a master TOC. */
  name?: string;
  /** File stem of the master TOC (`Master` for `/Project/TOCs/Master.fltoc`), if any. */
  masterToc?: string;
  /** `MakeFileLowerCase`: output paths are lower-cased. */
  lowerCase: boolean;
  /** Spaces in output file names become underscores. */
  underscores: boolean;
  /** `MoveOutputContentToRoot`: topics are published without the `Content/` folder. */
  contentAtRoot: boolean;
  /** `CustomTopicFileExtension` when `UseCustomTopicFileExtension` is on (`.html`). */
  topicExtension?: string;
}

/** A `.fltar` read from `Project/Targets/`. */
interface TargetFile {
  name: string;
  type: string;
  el: Element;
}

// Flare's online outputs: HTML5 (`WebHelp2`), the older WebHelp family and HTML5 variants.
const ONLINE_TYPES = /^(webhelp|html5)/i;

const isTrue = (v: string | undefined): boolean => /^true$/i.test(v?.trim() ?? '');

function tocStem(link: string | undefined): string | undefined {
  const base = link?.trim() ? path.posix.basename(link.trim().replace(/\\/g, '/')) : '';
  return base ? base.replace(/\.fltoc$/i, '') : undefined;
}

async function readRoot(file: string, rootName: string): Promise<Element | undefined> {
  const decoded = decodeFlareBytes(await readFile(file));
  if (!decoded) return undefined;
  return childElements(parseFlareXml(decoded.text)).find((e) => localName(e) === rootName);
}

/** The project's own `MasterToc` (the `.flprj` at the root), used when the target names none. */
async function projectMasterToc(root: string): Promise<string | undefined> {
  const names = await readdir(root).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.toLowerCase().endsWith('.flprj')).sort()) {
    const el = await readRoot(path.join(root, name), 'catapultproject').catch(() => undefined);
    const stem = el ? tocStem(attr(el, 'MasterToc')) : undefined;
    if (stem) return stem;
  }
  return undefined;
}

async function readTargets(root: string): Promise<TargetFile[]> {
  const projectDir = await findChild(root, 'Project');
  const dir = projectDir ? await findChild(projectDir, 'Targets') : undefined;
  if (!dir) return [];
  const out: TargetFile[] = [];
  for (const name of (await readdir(dir).catch(() => [] as string[])).filter((n) => n.toLowerCase().endsWith('.fltar')).sort()) {
    const el = await readRoot(path.join(dir, name), 'catapulttarget').catch(() => undefined);
    if (el) out.push({ name: name.slice(0, -'.fltar'.length), type: attr(el, 'Type') ?? '', el });
  }
  return out;
}

function describeTarget(t: TargetFile, projectToc: string | undefined): FlareTarget {
  const a = (n: string): string | undefined => attr(t.el, n);
  const spaces = Object.entries(t.el.attribs).some(([k, v]) => /replacespaces/i.test(k) && isTrue(v));
  const ext = isTrue(a('UseCustomTopicFileExtension')) ? a('CustomTopicFileExtension')?.trim().replace(/^\.?/, '.') : undefined;
  return {
    name: t.name,
    masterToc: tocStem(a('MasterToc')) ?? projectToc,
    lowerCase: isTrue(a('MakeFileLowerCase')),
    underscores: spaces,
    contentAtRoot: isTrue(a('MoveOutputContentToRoot')),
    topicExtension: ext && ext !== '.' ? ext : undefined,
  };
}

/**
 * Finds the target whose output the documents point at. `wanted` names a `.fltar` stem;
 * otherwise the online (HTML5/WebHelp) targets are ranked: one naming its own `MasterToc`
 * first, the one whose master is also the project's master before others, then by name.
 * Returns a message when `wanted` does not exist; undefined when the project has neither a
 * target nor a project master TOC (breadcrumbs then come from every TOC, as before).
 */
export async function findTarget(root: string, wanted: string | undefined): Promise<FlareTarget | string | undefined> {
  const projectToc = await projectMasterToc(root);
  const targets = await readTargets(root);
  if (wanted) {
    const hit = targets.find((t) => t.name.toLowerCase() === wanted.toLowerCase());
    if (!hit) {
      const known = targets.map((t) => t.name).join(', ') || 'none';
      return `Flare project ${root} has no target "${wanted}" in Project/Targets (targets: ${known}); fix the source's target option`;
    }
    return describeTarget(hit, projectToc);
  }
  const online = targets.filter((t) => ONLINE_TYPES.test(t.type));
  const score = (t: TargetFile): number => {
    const own = tocStem(attr(t.el, 'MasterToc'));
    return (own ? 2 : 0) + (own && projectToc && own.toLowerCase() === projectToc.toLowerCase() ? 1 : 0);
  };
  const best = [...online].sort((a, b) => score(b) - score(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
  if (best) return describeTarget(best, projectToc);
  if (projectToc) return { masterToc: projectToc, lowerCase: false, underscores: false, contentAtRoot: true };
  return undefined;
}

/** Output path of a Content-relative topic under the target's settings (`Content/` kept unless moved to root). */
export function outputPath(rel: string, target: FlareTarget): string {
  let out = target.contentAtRoot ? rel : `Content/${rel}`;
  if (target.topicExtension) out = out.replace(/\.[^./]+$/, target.topicExtension);
  if (target.underscores) out = out.replace(/ /g, '_');
  if (target.lowerCase) out = out.toLowerCase();
  return out;
}
