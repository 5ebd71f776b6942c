import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fromSql } from 'pgvector';
import { evaluate, matchesExpectation, parseQuestionSet } from '../../../src/core/eval/index.js';
import { SEARCH_MODES, Searcher, type SearchHit, type SearchMode } from '../../../src/core/search/index.js';
import { openSqlClient } from '../../../src/core/store/open-store.js';
import type { SqlClient } from '../../../src/core/store/sql-client.js';
import { repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { testBackends } from '../../helpers/test-databases.js';
import { hashQueryEmbedder, ingest, writeRetrievalConfig } from './search-fixture.js';

const DWC = 'https://basishub.github.io/DWC-Course';

/** Hand-written from the documents: the page a reader needs for each query, per mode. */
const FIRST: Record<SearchMode, Array<{ query: string; source: string; url: string }>> = {
  hybrid: [
    { query: 'How do I print Hello World to the console?', source: 'sample-tutorial', url: 'https://example.com/sample-tutorial/getting-started/hello-bbj' },
    { query: 'add a button to a window and wait for events', source: 'sample-tutorial', url: 'https://example.com/sample-tutorial/gui/first-window' },
    { query: 'download a file to the browser', source: 'mdx-dwc', url: `${DWC}/browser-constraints` },
    { query: 'email validation pattern', source: 'mdx-dwc', url: `${DWC}/control-validation` },
    { query: 'progressive web app', source: 'mdx-dwc', url: `${DWC}/deployment` },
  ],
  dense: [
    { query: 'Which suffix do string variables have?', source: 'sample-tutorial', url: 'https://example.com/sample-tutorial/getting-started/hello-bbj' },
    { query: 'How does a graphical program wait for events?', source: 'sample-tutorial', url: 'https://example.com/sample-tutorial/gui/first-window' },
    { query: 'How do I open the DWC debug console to look at variable values?', source: 'mdx-dwc', url: `${DWC}/dwc-debugging` },
    { query: 'How do I put an icon from an icon pool on a button?', source: 'mdx-dwc', url: `${DWC}/icon-pools` },
    { query: 'Which breakpoints does a mobile-first media query strategy use?', source: 'mdx-dwc', url: `${DWC}/advanced-responsive/media-queries` },
  ],
  keyword: [
    { query: 'PRINT verb console', source: 'sample-tutorial', url: 'https://example.com/sample-tutorial/getting-started/hello-bbj' },
    { query: 'PROCESS_EVENTS', source: 'sample-tutorial', url: 'https://example.com/sample-tutorial/gui/first-window' },
    { query: 'BBjGridExWidget', source: 'mdx-dwc', url: `${DWC}/upgrading-apps/upgrading-grids` },
    { query: 'fallback value', source: 'mdx-dwc', url: `${DWC}/browser-developer-tools/css-custom-properties` },
    { query: 'timing functions', source: 'mdx-dwc', url: `${DWC}/advanced-responsive/transitions` },
  ],
};

const cosine = (a: number[], b: number[]) => {
  let dot = 0, na = 0, nb = 0;
  a.forEach((x, i) => { dot += x * b[i]!; na += x * x; nb += b[i]! * b[i]!; });
  return dot / Math.sqrt(na * nb);
};

for (const backend of testBackends()) {
  describe(`search modes on ${backend.name}: the sample and the DWC course, hash embedder`, () => {
    let sql: SqlClient;
    let searcher: Searcher;

    before(async () => {
      const store = await backend.fresh();
      await ingest(writeRetrievalConfig(tempDir(), store.toml));
      sql = await openSqlClient(store.location);
      searcher = await Searcher.open(sql, hashQueryEmbedder());
    });
    after(() => sql?.close());

    for (const mode of SEARCH_MODES) {
      test(`${mode}: the expected page comes first for hand-written queries (each corpus searched on its own)`, async () => {
        for (const { query, source, url } of FIRST[mode]) {
          const hits = await searcher.search(query, mode, 5, { sources: [source] });
          assert.ok(hits.length > 0, `${mode} "${query}" found something`);
          assert.equal(hits[0]!.display_url, url, `${mode} "${query}": got ${hits.map((h) => h.display_url).join(', ')}`);
          assert.equal(hits[0]!.source_name, source);
        }
      });
    }

    test('dense: score is 1 - cosine distance, best first', async () => {
      const query = 'responsive layout with CSS grid';
      const hits = await searcher.search(query, 'dense', 8);
      const [vector] = await hashQueryEmbedder().embed([query]);
      for (const hit of hits) {
        const [row] = await sql.query<{ e: string }>('SELECT embedding::text AS e FROM chunks WHERE id = $1', [hit.id]);
        assert.ok(Math.abs(hit.score - cosine(vector!, fromSql(row!.e) as number[])) < 1e-5, `score of chunk ${hit.id}`);
      }
      assert.deepEqual(hits.map((h) => h.score), [...hits.map((h) => h.score)].sort((a, b) => b - a));
      assert.deepEqual(hits.map((h) => h.rank), hits.map((_, i) => i + 1));
    });

    test('keyword: only rows matching the English tsquery, ranked by ts_rank_cd, match highlighted', async () => {
      const hits = await searcher.search('themes', 'keyword', 10);
      assert.ok(hits.length >= 3);
      for (const hit of hits) {
        const [row] = await sql.query<{ ok: boolean; rank: number }>(
          `SELECT search_vector @@ plainto_tsquery('english', 'themes') AS ok, ts_rank_cd(search_vector, plainto_tsquery('english', 'themes')) AS rank FROM chunks WHERE id = $1`,
          [hit.id],
        );
        assert.equal(row!.ok, true);
        assert.ok(Math.abs(Number(row!.rank) - hit.score) < 1e-6);
        const marked = hit.snippet.highlights.map(([s, e]) => hit.snippet.text.slice(s, e).toLowerCase());
        assert.ok(marked.some((w) => w.startsWith('theme')), `chunk ${hit.id} snippet highlights the match: ${hit.snippet.text}`);
      }
      assert.deepEqual(hits.map((h) => h.score), [...hits.map((h) => h.score)].sort((a, b) => b - a));
    });

    test('hybrid: top 20 of each list, 1/(rank + 50) per list, summed, as computed from the two lists', async () => {
      const query = 'css custom properties for the theme';
      const dense = await searcher.search(query, 'dense', 20);
      const keyword = await searcher.search(query, 'keyword', 20);
      const fused = new Map<number, number>();
      // SQL rank(): 1 + the number of rows with a strictly better score.
      const rankIn = (list: SearchHit[]) => new Map(list.map((h) => [h.id, 1 + list.filter((o) => o.score > h.score).length]));
      for (const list of [dense, keyword]) for (const [id, rank] of rankIn(list)) fused.set(id, (fused.get(id) ?? 0) + 1 / (rank + 50));
      const expected = [...fused.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 15);
      const hybrid = await searcher.search(query, 'hybrid', 15);
      assert.ok(keyword.length > 0 && dense.length === 20);
      assert.deepEqual(hybrid.map((h) => h.id), expected.map(([id]) => id));
      hybrid.forEach((h, i) => assert.ok(Math.abs(h.score - expected[i]![1]) < 1e-9, `score of ${h.id}`));
      const both = hybrid.find((h) => h.ranks?.dense === 1 && h.ranks?.keyword === 1);
      if (both) assert.ok(Math.abs(both.score - 2 / 51) < 1e-9, 'rank 1 in both lists scores 2/51 (~0.039)');
    });

    test('filters narrow the results: source, generation (bbj-gui spelling is the caller\'s job), doc type', async () => {
      const all = await searcher.search('window button callback', 'hybrid', 40);
      assert.ok(new Set(all.map((h) => h.source_name)).size >= 2, 'unfiltered results span sources');
      const sample = await searcher.search('window button callback', 'hybrid', 40, { sources: ['sample-tutorial'] });
      assert.ok(sample.length > 0 && sample.length < all.length);
      assert.ok(sample.every((h) => h.source_name === 'sample-tutorial'));
      for (const mode of SEARCH_MODES) {
        const gui = await searcher.search('window button', mode, 40, { generation: 'bbj_gui' });
        assert.ok(gui.length > 0, `${mode} with generation filter`);
        assert.ok(gui.every((h) => h.generations.includes('bbj_gui')), `${mode} rows carry bbj_gui`);
      }
      const examples = await searcher.search('window button callback', 'dense', 40, { docTypes: ['example'] });
      assert.ok(examples.length > 0 && examples.every((h) => h.doc_type === 'example' && h.source_name === 'dwc-samples'));
      const none = await searcher.search('window button callback', 'hybrid', 40, { docTypes: ['no-such-type'] });
      assert.deepEqual(none, []);
    });

    test('a limit above the HNSW default candidate list (40) still returns that many rows', async () => {
      const hits = await searcher.search('window', 'dense', 60);
      assert.equal(hits.length, 60);
    });

    test('the configured embedder must be the one the store was ingested with', async () => {
      await assert.rejects(Searcher.open(sql, hashQueryEmbedder('other-model')), (e: Error & { code?: string }) => e.code === 'SEARCH_MODEL_MISMATCH' && /hash:feature-hash-v1/.test(e.message));
      await assert.rejects(Searcher.open(sql, hashQueryEmbedder('feature-hash-v1', 128)), (e: Error & { code?: string }) => e.code === 'SEARCH_DIMENSION' && /256-dimensional/.test(e.message));
      const keywordOnly = await Searcher.open(sql, undefined);
      assert.ok((await keywordOnly.search('BBjGridExWidget', 'keyword', 3)).length > 0, 'keyword search needs no embedder');
      assert.throws(() => keywordOnly.assertKnownSources(['nope']), /No source named "nope"/);
    });

    test('eval on the shipped DWC question set: every expected page exists, metrics per mode, misses listed', async () => {
      const file = 'examples/eval/mdx-dwc-course.jsonl';
      const questions = parseQuestionSet(readFileSync(path.join(repoRoot, file), 'utf8'), file);
      const pages = await sql.query<{ doc_key: string; source_url: string; display_url: string }>(`SELECT DISTINCT doc_key, source_url, display_url FROM chunks WHERE source_name = 'mdx-dwc'`);
      for (const q of questions) for (const e of q.expect) assert.ok(pages.some((p) => matchesExpectation(e, p)), `line ${q.line}: ${e} names a stored page`);
      const modes = await evaluate(searcher, questions, [...SEARCH_MODES], { sources: ['mdx-dwc'] });
      const by = Object.fromEntries(modes.map((m) => [m.mode, m]));
      // The hash embedder shares words with these questions: dense finds every page in the top 10.
      assert.equal(by.dense!.recallAt10, 1);
      assert.ok(by.hybrid!.mrr >= 0.75, `hybrid MRR ${by.hybrid!.mrr}`);
      for (const m of modes) {
        assert.ok(m.recallAt1 <= m.recallAt5 && m.recallAt5 <= m.recallAt10 && m.mrr <= 1);
        assert.equal(m.questions.length, questions.length);
        assert.deepEqual(m.misses, m.questions.filter((o) => o.firstRank === null));
      }
    });
  });
}
