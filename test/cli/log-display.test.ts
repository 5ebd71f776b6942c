import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LOG_INTERVAL_MS, LogDisplay } from '../../src/cli/log-display.js';
import { emptyStats, type SourceStats } from '../../src/core/pipeline/source-stats.js';

/** A display whose clock the test moves by hand (no wall-clock timing). */
function harness() {
  const lines: string[] = [];
  let now = 1_000_000;
  const display = new LogDisplay((line) => lines.push(line), () => now);
  return { lines, display, advance: (ms: number) => (now += ms) };
}

const stats = (over: Partial<SourceStats>): SourceStats => ({ ...emptyStats(), ...over });

test('in a log, a source gets a start line, at most one progress line per 10 s (plus its first stored chunks), and a finish line', () => {
  const { lines, display, advance } = harness();
  display.listener({ type: 'source-started', source: 'docs', parser: 'mdx' });
  // 200 ticks, 100 ms apart: 20 s of progress.
  for (let i = 1; i <= 200; i++) {
    advance(100);
    display.listener({ type: 'source-progress', source: 'docs', stats: stats({ documents: i, chunksNew: i > 5 ? i : 0 }), parser: {}, elapsedMs: i * 100 });
  }
  display.listener({
    type: 'source-finished',
    outcome: { name: 'docs', parser: 'mdx', status: 'ok', durationMs: 20_000, stats: stats({ documents: 200, chunksNew: 200 }) },
  });
  const progress = lines.filter((l) => l.startsWith('› docs'));
  assert.equal(lines[0], '❯ docs');
  assert.match(lines.at(-1)!, /^✔ docs: 200 docs, 200 new/);
  // The first stored chunks (doc 6, at 0.6 s), then one 10 s later; 20 s of ticks make 2 lines, not 200.
  assert.equal(progress.length, 2, lines.join('\n'));
  assert.match(progress[0]!, /6 docs, 6 new/);
  assert.match(progress[1]!, /106 docs/);
  assert.ok(LOG_INTERVAL_MS === 10_000);
});

test('sources running side by side are throttled each on its own', () => {
  const { lines, display, advance } = harness();
  for (const source of ['a', 'b']) display.listener({ type: 'source-started', source, parser: 'mdx' });
  for (let i = 1; i <= 110; i++) {
    advance(100);
    for (const source of ['a', 'b']) display.listener({ type: 'source-progress', source, stats: stats({ documents: i }), parser: {}, elapsedMs: i * 100 });
  }
  assert.equal(lines.filter((l) => l.startsWith('› a:')).length, 1);
  assert.equal(lines.filter((l) => l.startsWith('› b:')).length, 1);
});

test('a phase label is dropped once documents flow after it was set', () => {
  const { lines, display, advance } = harness();
  display.listener({ type: 'source-started', source: 'flare', parser: 'flare' });
  advance(LOG_INTERVAL_MS);
  display.listener({ type: 'source-progress', source: 'flare', stats: stats({ documents: 0 }), parser: { message: 'reading variables, TOCs and file list' }, elapsedMs: 10 });
  advance(LOG_INTERVAL_MS);
  display.listener({ type: 'source-progress', source: 'flare', stats: stats({ documents: 40 }), parser: { message: 'reading variables, TOCs and file list' }, elapsedMs: 20 });
  const progress = lines.filter((l) => l.startsWith('› flare'));
  assert.match(progress[0]!, /reading variables/);
  assert.doesNotMatch(progress[1]!, /reading variables/);
});

test('a failed check is one line; its problems are listed once, after the run', () => {
  const { lines, display } = harness();
  display.listener({ type: 'phase-started', phase: 'validate' });
  display.listener({ type: 'check-finished', id: 'database', title: 'Database', issues: ['database x stores 16-dimensional vectors but embedder.dimensions = 8'] });
  display.listener({ type: 'phase-finished', phase: 'validate', status: 'failed', detail: 'Validation failed with 1 problem(s): ...' });
  assert.deepEqual(lines, ['❯ Validate', '✖ Database: 1 problem(s), listed below', '✖ Validate']);
});
