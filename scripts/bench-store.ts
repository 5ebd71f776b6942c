// Store write speed with an instant embedder: 1024-d chunks written through ChunkStore.writeDocuments
// in groups as the pipeline does (binary COPY on PostgreSQL, unnest INSERTs on PGlite). Prints chunks/s.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EmbeddedChunk } from '../src/core/contracts/chunk.js';
import { ChunkStore, type DocumentWrite } from '../src/core/store/chunk-store.js';
import { openSqlClient, type StoreLocation } from '../src/core/store/open-store.js';
import { createTestDatabase } from '../test/helpers/test-databases.js';

const DIM = 1024;

function documents(source: string, count: number, chunksPerDoc: number): DocumentWrite[] {
  return Array.from({ length: count }, (_, d) => {
    const key = `doc-${d}.md`;
    const chunks: EmbeddedChunk[] = Array.from({ length: chunksPerDoc }, (_, i) => {
      const content = `Page ${d}, part ${i}: the grid widget renders rows with callbacks, styles and keyboard navigation. `.repeat(12);
      return {
        sourceName: source, docKey: key, ordinal: i, sourceUrl: `bench://${key}`, title: `Page ${d}`, docType: 'tutorial',
        content, contentHash: createHash('sha256').update(content).digest('hex'), contextHeader: `Guide > Page ${d}`, generations: ['bbj'],
        deprecated: false, sourceType: 'Bench', displayUrl: '', tokenCount: 300, metadata: { part: i },
        embedding: Array.from({ length: DIM }, (_, k) => Math.sin(d * 31 + i * 7 + k)), embeddingModel: 'bench:instant',
      };
    });
    return { key, sourceUrl: `bench://${key}`, fingerprint: createHash('sha256').update(key).digest('hex'), chunks };
  });
}

/** Writes the documents in groups of 16 (64 chunks), `inFlight` groups at a time; returns wall and client CPU seconds. */
async function timeWrites(store: ChunkStore, run: number, source: string, docs: DocumentWrite[], inFlight: number): Promise<{ seconds: number; cpu: number }> {
  const groups: DocumentWrite[][] = [];
  for (let i = 0; i < docs.length; i += 16) groups.push(docs.slice(i, i + 16));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next < groups.length) await store.writeDocuments(source, run, groups[next++]!);
  }));
  const { user, system } = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (user + system) / 1e6 };
}

/**
 * Writes `total` chunks in groups of 16 documents x 4 chunks and prints chunks/s: one group at a
 * time, and on PostgreSQL also two groups in flight, as the pipeline writes (groups are written as
 * their embeddings arrive, over a pool of connections), which lets the server use both cores.
 */
export async function benchStoreWrites(total = 4000): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bbj-bench-store-'));
  const location: StoreLocation = process.env.TEST_DATABASE_URL ? { url: await createTestDatabase() } : { pglitePath: path.join(dir, 'db') };
  const sql = await openSqlClient(location);
  try {
    const store = new ChunkStore(sql);
    await store.migrate(DIM, 'bench:instant');
    const run = await store.createRun(['bench', 'bench-2']);
    for (const [source, inFlight] of sql.kind === 'postgres' ? ([['bench', 1], ['bench-2', 2]] as const) : ([['bench', 1]] as const)) {
      const { seconds, cpu } = await timeWrites(store, run, source, documents(source, total / 4, 4), inFlight);
      const rate = total / seconds;
      console.log(
        `store writes (${sql.kind}, ${DIM}-d, instant embedder, ${inFlight === 1 ? 'one group at a time' : `${inFlight} groups in flight`}): ` +
          `${total} chunks in ${seconds.toFixed(1)} s = ${rate.toFixed(0)} chunks/s (client CPU ${cpu.toFixed(2)} s; load ${os.loadavg()[0]!.toFixed(2)})`,
      );
      if (sql.kind === 'postgres') console.log(`    target >= 2,000 chunks/s into PostgreSQL: ${rate >= 2000 ? 'PASS' : 'MISS'}`);
    }
  } finally {
    await sql.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
