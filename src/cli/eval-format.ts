import type { EvalReport } from '../core/eval/index.js';
import { renderTable } from './table.js';

const f = (x: number) => x.toFixed(3);

/** The human result of `bbj eval`: a metrics table per mode, then every miss with what came instead. */
export function formatEval(report: EvalReport): string {
  const out = [
    `${report.questionCount} question(s) from ${report.file} on ${report.store}${report.embeddingModel ? ` (${report.embeddingModel})` : ''}${report.sources.length ? `, sources ${report.sources.join(', ')}` : ''}`,
    '',
    renderTable(['mode', 'recall@1', 'recall@5', 'recall@10', 'MRR', 'misses'], report.modes.map((m) => [m.mode, f(m.recallAt1), f(m.recallAt5), f(m.recallAt10), f(m.mrr), String(m.misses.length)])),
  ];
  const misses = report.modes.flatMap((m) => m.misses.map((miss) => ({ mode: m.mode, miss })));
  if (misses.length === 0) {
    out.push('', 'Every question found an expected document in the top 10 in every mode.');
    return out.join('\n');
  }
  out.push('', 'Misses (no expected document in the top 10):');
  for (const { mode, miss } of misses) {
    out.push(`  [${mode}] line ${miss.line}: ${miss.question}`, `      expected: ${miss.expect.join(', ')}`);
    if (miss.top.length === 0) out.push('      got: nothing');
    for (const r of miss.top) out.push(`      got ${r.rank}: ${r.title || '(untitled)'}  ${r.url}`);
  }
  return out.join('\n');
}
