import type { DetectedSource, FolderScan } from '../../plugin-api.js';
import { groupBy, topFolderOf } from '../../plugin-api.js';

/** Extensions only BBj uses (`.src` and `.txt` are read too, but say nothing on their own). */
const BBJ_ONLY = /\.(bbj|bbjt|cdf|arc|aon)$/i;

/** BBj code: one source for every top-level folder holding BBj programs. */
export async function detectBbjCode(scan: FolderScan): Promise<DetectedSource[]> {
  const programs = scan.files.filter((f) => BBJ_ONLY.test(f));
  if (programs.length === 0) return [];
  const folders = [...groupBy(programs, topFolderOf).keys()];
  const paths = folders.includes('.') ? ['.'] : folders;
  return [{ name: 'bbj-source', paths, label: 'BBj Source Code', note: `${programs.length} BBj program file(s)` }];
}
