import type { DetectedSource, FolderScan } from '../../core/contracts/index.js';
import { folderOf, groupBy } from '../../core/init/index.js';

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
