import type { ValidationReport } from '../core/runner/validate-runner.js';

/** The human result of `bbj validate`. */
export function formatValidation(report: ValidationReport): string {
  const lines = ['', `Config:   ${report.config}`, `Data dir: ${report.dataDir}`, `Store:    ${report.store}`, `Embedder: ${report.embedder}${report.dimension ? `, ${report.dimension} dimensions` : ''}`];
  for (const problem of report.pluginProblems) lines.push(`Plugin problem: ${problem}`);
  if (report.ok) lines.push('', 'Validation OK.');
  else lines.push('', `Validation failed with ${report.issues.length} problem(s):`, ...report.issues.map((i) => `  - ${i}`));
  return lines.join('\n');
}
