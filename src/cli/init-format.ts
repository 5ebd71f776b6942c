import type { InitResult } from '../core/init/index.js';
import { renderTable } from './table.js';

/** The text `bbj init` prints. */
export function formatInit(result: InitResult): string {
  const lines = [`Wrote ${result.file} (${result.filesScanned} files looked at${result.truncated ? ', stopped at the scan limit' : ''}).`];
  if (result.sources.length) {
    lines.push('', renderTable(['NAME', 'PARSER', 'PATHS', 'RECOGNISED'], result.sources.map((s) => [s.name, s.parser, s.paths.join(', '), s.note])));
  } else {
    lines.push('', 'No documentation was recognised; the file has a commented example source to fill in.');
  }
  for (const problem of result.problems) lines.push(`warning: ${problem}`);
  const embedder = result.embedder === 'hash' ? 'the offline hash embedder (see the file to switch to Ollama)' : 'Ollama';
  lines.push('', `Embedder: ${embedder}.`, 'Next: bbj validate, then bbj ingest all.');
  return lines.join('\n');
}
