import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Logger } from '../../plugin-api.js';
import type { FileGuard } from '../../plugin-api.js';
import { humanize, stripNumberPrefix } from './naming.js';
import { errorMessage } from '../../plugin-api.js';

// Docusaurus reads a directory's sidebar label from the first of these that exists.
const CATEGORY_FILES: ReadonlyArray<[string, (text: string) => unknown]> = [
  ['_category_.json', (text) => JSON.parse(text) as unknown],
  ['_category_.yml', (text) => parseYaml(text) as unknown],
  ['_category_.yaml', (text) => parseYaml(text) as unknown],
];

async function readCategoryLabel(dir: string, log: Logger, guard?: FileGuard): Promise<string | undefined> {
  for (const [name, parse] of CATEGORY_FILES) {
    const file = path.join(dir, name);
    let text: string;
    if (guard) {
      const read = await guard.readText(file);
      if (!read.ok) continue;
      text = read.text;
    } else {
      try {
        text = await readFile(file, 'utf8');
      } catch {
        continue;
      }
    }
    try {
      const data = parse(text);
      const label = (data as { label?: unknown } | null)?.label;
      return typeof label === 'string' && label.trim() !== '' ? label.trim() : undefined;
    } catch (error) {
      log.warn(`${file}: unreadable category file (${errorMessage(error)}); using the directory name`);
      return undefined;
    }
  }
  return undefined;
}

/** Chapter labels of the directories of a docs tree, read once per directory. */
export class ChapterLabels {
  private readonly cache = new Map<string, Promise<string>>();

  /** `root` is the docs directory; relative directories below are resolved against it. */
  /** `stripPrefixes`: Docusaurus sort numbers (`01-intro`) are not part of a label; other sites keep them. */
  constructor(
    private readonly root: string,
    private readonly log: Logger,
    /** When given, category files are read only inside its roots. */
    private readonly guard?: FileGuard,
    private readonly stripPrefixes = true,
  ) {}

  /** Label of one directory: `_category_` label, else its name without prefix, humanized. */
  label(relativeDir: string): Promise<string> {
    let label = this.cache.get(relativeDir);
    if (label === undefined) {
      const name = relativeDir.split('/').pop() ?? relativeDir;
      label = readCategoryLabel(path.join(this.root, relativeDir), this.log, this.guard).then(
        (found) => found ?? (humanize(this.stripPrefixes ? stripNumberPrefix(name) : name) || name),
      );
      this.cache.set(relativeDir, label);
    }
    return label;
  }

  /** Labels of every directory between the docs root and the file, outermost first. */
  async chapters(relativeFile: string): Promise<string[]> {
    const dirs = relativeFile.split('/').slice(0, -1);
    const labels: string[] = [];
    for (let i = 1; i <= dirs.length; i++) labels.push(await this.label(dirs.slice(0, i).join('/')));
    return labels;
  }
}
