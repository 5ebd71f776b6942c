import type { ParsersReport, TypeDetail, TypeEntry } from '../commands/parsers.js';
import { renderTable } from './table.js';

/** The text of `bbj parsers`. */
export function formatTypeList(report: ParsersReport): string {
  const rows = (entries: TypeEntry[]) => entries.map((e) => [e.type, e.origin, e.description]);
  const lines = [
    'Parsers (parser = "TYPE" in [[sources]]):',
    renderTable(['TYPE', 'ORIGIN', 'DESCRIPTION'], rows(report.parsers)),
    '',
    'Embedders (provider = "TYPE" in [embedder]):',
    renderTable(['TYPE', 'ORIGIN', 'DESCRIPTION'], rows(report.embedders)),
    '',
    'Options of one type: bbj parsers TYPE',
  ];
  if (report.pluginProblems.length) {
    lines.push('', `Plugin problems (${report.pluginProblems.length}):`, ...report.pluginProblems.map((p) => `  - ${p}`));
    lines.push('', 'Fix or remove the plugin: bbj plugins uninstall NAME (bbj plugins lists what is installed).');
  }
  return lines.join('\n');
}

/** The text of `bbj parsers NAME`. */
export function formatTypeDetail(detail: TypeDetail): string {
  const where = detail.kind === 'parser' ? `[[sources]] with parser = "${detail.type}", table [sources.options]` : `[embedder] with provider = "${detail.type}", table [embedder.options]`;
  const lines = [`${detail.type} (${detail.kind}, ${detail.origin}): ${detail.description}`, `Options go in ${where}.`, ''];
  if (detail.options.length === 0) return [...lines, 'No options.'].join('\n');
  for (const o of detail.options) {
    const dflt = o.default !== undefined ? `default ${o.default}` : o.required ? 'required' : 'optional';
    lines.push(`${o.name}  ${o.type}  (${dflt})`);
    if (o.description) lines.push(`    ${o.description}`);
  }
  return lines.join('\n');
}
