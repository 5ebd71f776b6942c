import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import type { HttpClient } from '../../../src/core/contracts/http.js';
import { createParserContext, formatOptionIssues, ignoredReports, parseParserOptions } from '../../../src/core/pipeline/parser-context.js';

const schema = z
  .object({
    extension: z.string().default('.txt'),
    crawl: z.object({ depth: z.number().int().positive() }).strict().optional(),
  })
  .strict();

describe('parser options and context, one format for bbj validate, bbj ingest and bbj-rag/testing', () => {
  test('an unknown key names itself and the known ones, also inside a nested table and through a default()', () => {
    assert.deepEqual(parseParserOptions({ optionsSchema: schema }, { extention: '.md' }), { ok: false, issues: ['options.extention: unknown option (known: crawl, extension)'] });
    assert.deepEqual(parseParserOptions({ optionsSchema: schema }, { crawl: { depth: 1, depht: 2 } }), { ok: false, issues: ['options.crawl.depht: unknown option (known: depth)'] });
    assert.deepEqual(parseParserOptions({ optionsSchema: schema.default({ extension: '.txt' }) }, { a: 1, b: 2 }), {
      ok: false,
      issues: ['options.a: unknown option (known: crawl, extension)', 'options.b: unknown option (known: crawl, extension)'],
    });
  });

  test('a bad value reads options.KEY: message; a table that is no table reads options: message; defaults apply', () => {
    assert.deepEqual(parseParserOptions({ optionsSchema: schema }, { crawl: { depth: 0 } }), { ok: false, issues: ['options.crawl.depth: Too small: expected number to be >0'] });
    assert.deepEqual(parseParserOptions({ optionsSchema: schema }, 'x'), { ok: false, issues: ['options: Invalid input: expected object, received string'] });
    assert.deepEqual(parseParserOptions({ optionsSchema: schema }, undefined), { ok: true, options: { extension: '.txt' } });
  });

  test('the embedder prefix, and a schema that is not a zod object, still give one line per key', () => {
    const issues = z.object({ model: z.string() }).strict().safeParse({ modle: 'x', model: 'y' }).error!.issues;
    assert.deepEqual(formatOptionIssues(issues, undefined, 'embedder.options'), ['embedder.options.modle: unknown option']);
  });

  test('the context is the host base plus the reports it is given', () => {
    const signal = new AbortController().signal;
    const base = { source: { name: 's', parser: 'p', paths: [], generationTag: 'auto' }, options: { a: 1 }, dataDir: '/d', http: {} as HttpClient, log: silentLogger, signal };
    const skipped: string[] = [];
    const ctx = createParserContext(base, { ...ignoredReports, skip: (item) => void skipped.push(item) });
    ctx.skip('x', 'why');
    ctx.progress({ done: 1 });
    assert.deepEqual(skipped, ['x']);
    assert.equal(ctx.options.a, 1);
    assert.equal(ctx.signal, signal);
    assert.equal(ctx.incomplete, undefined, 'optional host hooks stay absent unless given');
  });
});
