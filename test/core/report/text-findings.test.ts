import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { formatReport } from '../../../src/cli/report-format.js';
import { chunkDocument } from '../../../src/core/chunking/index.js';
import type { Chunk, EmbeddedChunk } from '../../../src/core/contracts/index.js';
import { buildReport, type QualityReport } from '../../../src/core/report/index.js';
import { proseOf } from '../../../src/core/report/text-findings.js';
import { ChunkStore } from '../../../src/core/store/chunk-store.js';
import { PgliteSqlClient } from '../../../src/core/store/pglite-client.js';

const DIMENSION = 4;
const words = (n: number, seed: string) => Array.from({ length: n }, (_, i) => `${seed} paragraph ${i} describes one more setting of the grid.`).join(' ');

function embedded(chunks: Chunk[]): EmbeddedChunk[] {
  return chunks.map((c) => ({ ...c, embedding: Array.from({ length: DIMENSION }, () => 0.5), embeddingModel: 'test:fixture' }));
}

/** A hand-written chunk (for defects the chunker itself would never produce). */
function raw(source: string, key: string, ordinal: number, body: string, tokens: number, metadata: Record<string, string | number> = {}, header = `Doc ${key}`): EmbeddedChunk {
  const content = `${header}\n\n${body}`;
  return {
    sourceName: source, docKey: key, ordinal, sourceUrl: `${source}://${key}`, title: key, docType: 'concept', content,
    contentHash: createHash('sha256').update(content).digest('hex'), contextHeader: header, generations: ['all'], deprecated: false,
    sourceType: source, displayUrl: '', tokenCount: tokens, metadata, embedding: Array.from({ length: DIMENSION }, () => 0.5), embeddingModel: 'test:fixture',
  };
}

const PROSE_HEADING = '601.1 Scope. The technical requirements in Chapter 6 shall apply to support documentation and services where required';

describe('bbj report sees tiny, duplicate, leftover, glued and lost text', () => {
  let sql: PgliteSqlClient;
  let report: QualityReport;
  const source = (name: string) => report.sources.find((s) => s.name === name)!;
  const property = (id: string) => report.properties.find((p) => p.id === id)!;

  before(async () => {
    sql = await PgliteSqlClient.open(undefined);
    const store = new ChunkStore(sql);
    await store.migrate(DIMENSION, 'test:fixture');
    const runId = await store.createRun(['bad', 'good', 'repeats']);
    // The bad source: the defects seen on real sites, one document each.
    const bad: { key: string; chunks: EmbeddedChunk[] }[] = [
      { key: 'tiny.md', chunks: [raw('bad', 'tiny.md', 0, '### Returns\n\nType: `Promise<void>`', 12), raw('bad', 'tiny.md', 1, '### Parameters\n\nNone.', 10), raw('bad', 'tiny.md', 2, '### Throws\n\nNothing.', 10), raw('bad', 'tiny.md', 3, words(20, 'Tiny'), 220)] },
      { key: 'dup-a.md', chunks: [raw('bad', 'dup-a.md', 0, '## label std_missing_params_exit\n\nexit', 60), raw('bad', 'dup-a.md', 1, words(20, 'A'), 220)] },
      { key: 'dup-b.md', chunks: [raw('bad', 'dup-b.md', 0, '## label std_missing_params_exit\n\nexit', 60), raw('bad', 'dup-b.md', 1, words(20, 'B'), 220)] },
      { key: 'entity.md', chunks: [raw('bad', 'entity.md', 0, `Some&#x20;text after re-serialisation. ${words(8, 'E')}`, 120)] },
      { key: 'callout.md', chunks: [raw('bad', 'callout.md', 0, `?> A docsify tip that stayed.\n\n${words(8, 'C')}`, 120)] },
      { key: 'tabs.mdx', chunks: [raw('bad', 'tabs.mdx', 0, `<TabItem value="a">\n\n${words(8, 'T')}`, 120)] },
      { key: 'badge.md', chunks: [raw('bad', 'badge.md', 0, `[![NPM version](https://img.shields.io/npm/v/x.svg)](https://npm.im/x)\n\n${words(8, 'B')}`, 120)] },
      { key: 'flare.htm', chunks: [raw('bad', 'flare.htm', 0, `<MadCap:dropDown> and [%=System.ShortDate%] ${words(8, 'F')}`, 120)] },
      { key: 'glue1.htm', chunks: [raw('bad', 'glue1.htm', 0, `## LinkSet Form Data\n\n${words(8, 'G')}`, 120)] },
      { key: 'glue2.htm', chunks: [raw('bad', 'glue2.htm', 0, `## LinkGet Form Data\n\n${words(8, 'H')}`, 120)] },
      { key: 'glue3.htm', chunks: [raw('bad', 'glue3.htm', 0, `## LinkCreate Record\n\n${words(8, 'I')}`, 120)] },
      // The parser read 5,000 letters and digits; a fraction reached the chunk.
      { key: 'lost.pdf', chunks: [raw('bad', 'lost.pdf', 0, words(8, 'L'), 120, { text_chars: 5000 })] },
      // Prose taken for a heading lands in the context header.
      { key: 'vpat.pdf', chunks: [raw('bad', 'vpat.pdf', 0, words(8, 'P'), 120, {}, `VPAT > ${PROSE_HEADING}`)] },
    ];
    // The good source: real chunker output of ordinary pages, code that holds `?>` and camel case.
    const page = (key: string, content: string) =>
      chunkDocument({ key, sourceUrl: `good://${key}`, title: key, content, docType: 'concept', generations: ['all'], deprecated: false, breadcrumb: ['Good'], displayUrl: '', sourceType: 'good', metadata: {}, textChars: 0 }, { maxTokens: 400, overlapTokens: 50 }, 'good');
    const good = [
      { key: 'intro.md', chunks: page('intro.md', `# Intro\n\n${words(12, 'Intro')}\n\n## Returns\n\nType: \`Promise<void>\`\n\n## Example\n\n\`\`\`php\n<?php echo 1; ?>\n?> not a callout in code\n\`\`\`\n\nJavaScript and WordPress are names, \`LinkSet\` in code is fine.`) },
      { key: 'guide.md', chunks: page('guide.md', `# Guide\n\n${words(30, 'Guide')}\n\n## More\n\n${words(30, 'More')}`) },
    ];
    for (const d of good) d.chunks = d.chunks.map((c) => ({ ...c, metadata: { ...c.metadata, text_chars: 100 } }));
    // Seen on the shared Flare corpora: a large passage the source repeats on several pages (found
    // through each page's header) is no duplicate; the same passage twice in one page is. Product
    // names written as one word (`OneDrive`) are no glue where their first part is an ordinary word.
    const table = `## Database support\n\n${words(20, 'Support')}`;
    const names = `Sync with OneDrive, sign in with OneLogin, take notes in OneNote. ${words(8, 'N')}`;
    const repeats = [
      { key: 'db-a.htm', chunks: [raw('repeats', 'db-a.htm', 0, table, 220, { text_chars: 100 }), raw('repeats', 'db-a.htm', 1, words(20, 'License'), 220), raw('repeats', 'db-a.htm', 2, words(20, 'License'), 220)] },
      { key: 'db-b.htm', chunks: [raw('repeats', 'db-b.htm', 0, table, 220, { text_chars: 100 }), raw('repeats', 'db-b.htm', 1, names, 120)] },
    ];
    await store.writeDocuments('bad', runId, bad.map((d) => ({ key: d.key, sourceUrl: `bad://${d.key}`, fingerprint: d.key, chunks: d.chunks })));
    await store.writeDocuments('repeats', runId, repeats.map((d) => ({ key: d.key, sourceUrl: `repeats://${d.key}`, fingerprint: d.key, chunks: d.chunks })));
    await store.writeDocuments('good', runId, good.map((d) => ({ key: d.key, sourceUrl: `good://${d.key}`, fingerprint: d.key, chunks: embedded(d.chunks) })));
    report = await buildReport(sql, { maxTokens: 400 });
  });
  after(() => sql.close());

  test('per source: tiny, duplicate, leftover, glued and lost-text findings with samples', () => {
    const b = source('bad');
    assert.equal(b.tinyChunks.count, 3);
    assert.match(b.tinyChunks.samples[0].detail, /Returns/);
    assert.equal(b.duplicateChunks.count, 1);
    assert.deepEqual(b.markupLeftovers.samples.map((s) => s.docKey).sort(), ['badge.md', 'callout.md', 'entity.md', 'flare.htm', 'tabs.mdx']);
    assert.deepEqual(b.gluedWords.samples.map((s) => s.docKey).sort(), ['glue1.htm', 'glue2.htm', 'glue3.htm']);
    assert.deepEqual(b.lostText.samples.map((s) => s.docKey), ['lost.pdf']);
    assert.deepEqual(b.longHeadings.samples.map((s) => s.docKey), ['vpat.pdf']);
    assert.match(b.longHeadings.samples[0].detail, /^601\.1 Scope\. The technical requirements/);
    const r = source('repeats');
    assert.equal(r.duplicateChunks.count, 1, JSON.stringify(r.duplicateChunks.samples));
    assert.deepEqual(r.duplicateChunks.samples.map((x) => [x.docKey, x.chunkIndex]), [['db-a.htm', 2]]);
    assert.match(r.duplicateChunks.samples[0].detail, /^same document: /);
    assert.equal(r.gluedWords.count, 0, JSON.stringify(r.gluedWords.samples));
    const g = source('good');
    for (const f of [g.tinyChunks, g.duplicateChunks, g.markupLeftovers, g.gluedWords, g.lostText, g.longHeadings]) assert.equal(f.count, 0, JSON.stringify(f.samples));
  });

  test('the share properties FAIL the bad source and PASS the good one', async () => {
    for (const id of ['few-tiny-chunks', 'few-duplicate-chunks', 'no-markup-leftovers', 'no-glued-words', 'no-lost-text', 'few-long-headings']) {
      assert.equal(property(id).ok, false, id);
      // `repeats` holds one page with a passage twice (1 of its 5 chunks).
      assert.deepEqual(property(id).offenders?.map((o) => o.source), id === 'few-duplicate-chunks' ? ['bad', 'repeats'] : ['bad'], id);
    }
    assert.equal(report.ok, false);
    assert.match(formatReport(report), /FAIL {2}chunks with words glued at former tag boundaries: at most 1% per source \(3 chunk\(s\): bad 16\.7%\)/);
    const clean = await buildReport(sql, { maxTokens: 400, sources: ['good'] });
    assert.deepEqual(clean.properties.filter((p) => !p.ok).map((p) => p.id), []);
    assert.equal(clean.ok, true);
  });

  test('code is not prose: fences and inline code are left out of the leftover and glue checks', () => {
    assert.equal(proseOf('a `LinkSet` b\n\n```xml\n<?xml ?>\n?> x\n```\nafter'), 'a  b\n\n\nafter');
    assert.equal(proseOf('~~~\nunclosed ?> fence'), '');
  });
});
