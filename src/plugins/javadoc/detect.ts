import type { DetectedSource, FolderScan } from '../../plugin-api.js';
import { folderOf, groupBy } from '../../plugin-api.js';

/** BBj javadoc JSON: folders of package files that carry `classes` with `docu` entries. */
export async function detectJavadocJson(scan: FolderScan): Promise<DetectedSource[]> {
  const folders: string[] = [];
  for (const [folder, files] of groupBy(scan.files.filter((f) => f.toLowerCase().endsWith('.json')), folderOf)) {
    const head = await scan.peek(files[0]!).catch(() => '');
    if (/"classes"\s*:/.test(head) && /"docu"\s*:/.test(head)) folders.push(folder);
  }
  if (folders.length === 0) return [];
  return [{ name: 'javadoc', paths: folders, label: 'BBj API Reference', note: `javadoc JSON in ${folders.join(', ')}` }];
}
