import path from 'node:path';
import type { DetectedSource, FolderScan } from '../../plugin-api.js';
import { folderOf } from '../../plugin-api.js';

/** A Flare project is the folder holding its `*.flprj` file (with `Content/` and `Project/` beside it). */
export async function detectFlareProjects(scan: FolderScan): Promise<DetectedSource[]> {
  return scan.files
    .filter((f) => f.toLowerCase().endsWith('.flprj'))
    .map((f) => {
      const name = path.posix.basename(f, path.posix.extname(f));
      return { name: `flare-${name}`, paths: [folderOf(f)], label: name, note: `MadCap Flare project ${f}` };
    });
}
