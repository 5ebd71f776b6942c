import type { DetectedSource, FolderScan } from '../../plugin-api.js';
import { folderOf, groupBy, nameFromFolder, topFolderOf } from '../../plugin-api.js';

const MARKDOWN = /\.(md|mdx)$/i;
const DOCUSAURUS_CONFIG = /(^|\/)docusaurus\.config\.(js|mjs|cjs|ts|mts)$/;
/** A folder with fewer Markdown files than this is a README, not documentation. */
const MIN_PLAIN_FILES = 3;

/**
 * Docusaurus sites (their `docs` folder next to `docusaurus.config.*`), docsify sites (an
 * `index.html` that loads `$docsify`) and, failing those, top-level folders full of Markdown.
 */
export async function detectMarkdownSites(scan: FolderScan): Promise<DetectedSource[]> {
  const found: DetectedSource[] = [];
  const taken: string[] = [];
  const inside = (file: string, dir: string) => dir === '.' || file.startsWith(`${dir}/`);

  for (const config of scan.files.filter((f) => DOCUSAURUS_CONFIG.test(f))) {
    const site = folderOf(config);
    const docs = site === '.' ? 'docs' : `${site}/docs`;
    if (!scan.files.some((f) => inside(f, docs) && MARKDOWN.test(f))) continue;
    found.push({ name: nameFromFolder(site, 'docs'), paths: [docs], label: nameFromFolder(site, 'Documentation'), note: `Docusaurus site ${config}` });
    taken.push(site);
  }
  for (const index of scan.files.filter((f) => /(^|\/)index\.html$/i.test(f) && !taken.some((t) => inside(f, t)))) {
    const dir = folderOf(index);
    if (!scan.files.some((f) => folderOf(f) === dir && MARKDOWN.test(f))) continue;
    if (!(await scan.peek(index).catch(() => '')).includes('$docsify')) continue;
    found.push({ name: nameFromFolder(dir, 'docs'), paths: [dir], label: nameFromFolder(dir, 'Documentation'), note: `docsify site ${index}` });
    taken.push(dir);
  }
  const loose = scan.files.filter((f) => MARKDOWN.test(f) && !taken.some((t) => inside(f, t)) && topFolderOf(f) !== '.');
  for (const [top, files] of groupBy(loose, topFolderOf)) {
    if (files.length < MIN_PLAIN_FILES) continue;
    found.push({ name: top, paths: [top], label: top, note: `${files.length} Markdown files under ${top}/` });
  }
  return found;
}
