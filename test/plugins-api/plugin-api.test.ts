import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { REGISTER_HOOK as HOST_HOOK } from '../../src/core/plugin-descriptor.js';
import { CURRENT_API_VERSION, REGISTER_HOOK, defineParser, isHttpFailure, type DocumentInput, type Parser } from '../../src/plugin-api.js';
import { checkPlugin, collectDocuments, createTestContext, validateSource } from '../../src/testing.js';
import { tempDir } from '../helpers/temp-dir.js';

/** A parser that yields what a test hands it, to see how the helpers treat each document. */
function scriptedParser(docs: (DocumentInput | 'skip')[]): Parser<{ flag: boolean }> {
  return {
    type: 'scripted',
    description: 'test parser',
    optionsSchema: z.object({ flag: z.boolean().default(false) }).strict(),
    requiresPaths: false,
    async validate(ctx) {
      return ctx.options.flag ? [] : [{ message: 'flag is off' }];
    },
    async *parse(ctx) {
      for (const doc of docs) {
        if (doc === 'skip') ctx.skip('bad.txt', 'unreadable');
        else yield doc;
      }
    },
  };
}

describe('bbj-rag/plugin', () => {
  test('is the package export "bbj-rag/plugin" and names the hook the host runs; the harness is "bbj-rag/testing"', async () => {
    const viaExports = await import('bbj-rag/plugin');
    assert.equal(typeof viaExports.defineParser, 'function');
    assert.ok(!('collectDocuments' in viaExports), 'the contract entry does not carry the test harness');
    const testing = await import('bbj-rag/testing');
    assert.equal(typeof testing.collectDocuments, 'function');
    assert.equal(typeof testing.checkPlugin, 'function');
    assert.equal(REGISTER_HOOK, HOST_HOOK);
    assert.deepEqual(defineParser(scriptedParser([])).apiVersion, CURRENT_API_VERSION);
  });

  test('collectDocuments applies the host checks: defaults, invalid documents and repeated keys become skipped items', async () => {
    const parser = scriptedParser([
      { key: 'a', sourceUrl: 't://a', title: 'A', content: '# A\n\nText.' },
      'skip',
      { key: 'b', sourceUrl: 't://b', title: 'B', content: '   ' },
      { key: 'a', sourceUrl: 't://a2', title: 'A again', content: 'Other text.' },
    ]);
    const result = await collectDocuments(parser);
    assert.equal(result.documents.length, 1);
    assert.deepEqual(
      { ...result.documents[0] },
      { key: 'a', sourceUrl: 't://a', title: 'A', content: '# A\n\nText.', docType: '', generations: [], deprecated: false, breadcrumb: [], displayUrl: '', sourceType: '', metadata: {} },
    );
    assert.deepEqual(result.skipped, [
      { item: 'bad.txt', reason: 'unreadable' },
      { item: 'b', reason: 'invalid document: content: content must not be empty' },
      { item: 'a', reason: 'duplicate document key "a" in this source; the first one was kept' },
    ]);
  });

  test('createTestContext validates options like bbj validate and resolves paths against the data dir', () => {
    const dataDir = tempDir();
    const { ctx } = createTestContext(scriptedParser([]), { dataDir, paths: ['docs', '/abs/x'], name: 'src', label: 'Label' });
    assert.deepEqual(ctx.source.paths, [path.join(dataDir, 'docs'), '/abs/x']);
    assert.deepEqual(ctx.options, { flag: false });
    assert.equal(ctx.source.label, 'Label');
    assert.throws(() => createTestContext(scriptedParser([]), { options: { flag: 'yes' } }), /invalid options for parser "scripted":\n {2}options\.flag: /);
    assert.throws(() => createTestContext(scriptedParser([]), { options: { flgg: true } }), /^Error: invalid options for parser "scripted":\n {2}options\.flgg: unknown option \(known: flag\)$/);
  });

  test('the default HTTP client is the polite one, refusing hosts outside the parser scope', async () => {
    const { ctx } = createTestContext(scriptedParser([]));
    const answer = await ctx.http.get('http://127.0.0.1:9/page');
    assert.ok(isHttpFailure(answer), 'a request outside the scope fails without throwing');
  });

  test('validateSource runs the parser validation with validated options', async () => {
    assert.deepEqual(await validateSource(scriptedParser([])), [{ message: 'flag is off' }]);
    assert.deepEqual(await validateSource(scriptedParser([]), { options: { flag: true } }), []);
  });

  test('checkPlugin reports what the host would: clashes with built-ins, shape, version, a non-list result', async () => {
    const ok = await checkPlugin({ descriptors: [defineParser(scriptedParser([]))] }, { name: 'p', version: '1.0.0' });
    assert.deepEqual(ok, { problems: [], parsers: ['scripted'], embedders: [] });

    const clash = await checkPlugin([{ ...defineParser(scriptedParser([])), parser: { ...scriptedParser([]), type: 'pdf' } }], { name: 'p', version: '1.0.0' });
    assert.match(clash.problems[0]!, /^p@1\.0\.0: parser type "pdf" is already provided by core/);
    assert.deepEqual(clash.parsers, []);

    const future = await checkPlugin([{ ...defineParser(scriptedParser([])), apiVersion: 2 }]);
    assert.match(future.problems[0]!, /^plugin-under-test@0\.0\.0: plugin API version 2 is not supported; this bbj-rag supports version\(s\) 1\./);

    const shape = await checkPlugin([{ apiVersion: 1, kind: 'parser', parser: { type: 'Bad Name' } }]);
    assert.match(shape.problems[0]!, /parser\.type: a lowercase type name like "asciidoc"/);

    const garbage = await checkPlugin(Promise.resolve('nothing'));
    assert.match(garbage.problems[0]!, /its bbj:register hook must return an array of descriptors \(or \{ descriptors: \[\.\.\.\] \}\), got string/);
  });
});
