import type { DetectedSource, FolderScan } from '../../plugin-api.js';
import { folderOf, groupBy } from '../../plugin-api.js';

/** PDF manuals: one source for all of them, listing the folders that hold them (or the files at the top). */
export async function detectPdfManuals(scan: FolderScan): Promise<DetectedSource[]> {
  const pdfs = scan.files.filter((f) => f.toLowerCase().endsWith('.pdf'));
  if (pdfs.length === 0) return [];
  const paths = [...groupBy(pdfs, folderOf)].flatMap(([folder, files]) => (folder === '.' ? files : [folder]));
  return [{ name: 'pdf', paths, label: 'PDF Manuals', note: `${pdfs.length} PDF file(s)` }];
}
