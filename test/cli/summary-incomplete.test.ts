import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSummary } from '../../src/cli/summary-format.js';
import { emptyStats } from '../../src/core/pipeline/source-stats.js';
import type { RunSummary } from '../../src/core/runner/run-summary.js';

describe('summary of an incomplete source', () => {
  test('names why the enumeration was incomplete and that unseen documents were kept', () => {
    const stats = { ...emptyStats(), documents: 7, incomplete: ['max_pages (9) reached with 2 pages not fetched', 'a page could not be read (http://h/a.htm: HTTP 503)'] };
    const summary = {
      runId: 3,
      status: 'completed',
      config: 'sources.toml',
      store: 'pglite:/tmp/db',
      embedder: 'hash:lexical',
      durationMs: 1200,
      sources: [{ name: 'help', parser: 'web-crawl', status: 'ok', durationMs: 1000, stats }],
    } as unknown as RunSummary;
    const text = formatSummary(summary);
    assert.match(text, /help: enumeration incomplete, so documents not seen were kept/);
    assert.match(text, /^ {2}- max_pages \(9\) reached with 2 pages not fetched$/m);
    assert.match(text, /^ {2}- a page could not be read \(http:\/\/h\/a\.htm: HTTP 503\)$/m);
  });
});
