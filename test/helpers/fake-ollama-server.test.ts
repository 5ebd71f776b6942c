import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deterministicVector, deterministicVectorJson, startFakeOllama } from './fake-ollama-server.js';

// The fake embedders' vectors are what embedder and ingest tests compare stored vectors with: they
// must be stable, distinct per text and model, unit length, and served exactly as computed.
describe('deterministicVector', () => {
  const norm = (v: number[]) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
  const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i]!, 0);

  it('is stable per (model, text), unit length, and differs for another text or model', () => {
    for (const dim of [16, 1024]) {
      const v = deterministicVector('alpha', dim, 'm');
      assert.equal(v.length, dim);
      assert.deepEqual(deterministicVector('alpha', dim, 'm'), v);
      assert.ok(Math.abs(norm(v) - 1) < 1e-6, `norm ${norm(v)}`);
      for (const other of [deterministicVector('alphb', dim, 'm'), deterministicVector('alpha', dim, 'n'), deterministicVector('alpha', dim)]) {
        assert.notDeepEqual(other, v);
        assert.ok(Math.abs(dot(other, v)) < 0.9, `another text or model gives a distinct direction (cosine ${dot(other, v)})`);
      }
    }
  });

  it('writes float32-like numbers (at most 8 significant digits) and its JSON form is JSON.stringify of it', () => {
    const v = deterministicVector('beta', 1024);
    const json = deterministicVectorJson('beta', 1024);
    assert.equal(json, JSON.stringify(v));
    for (const text of json.slice(1, -1).split(',')) assert.ok(text.replace(/^-?0\.0*|[.-]|e.*$/g, '').length <= 8, text);
  });

  it('is what the Ollama fake serves', async () => {
    const ollama = await startFakeOllama({ dimension: 32 });
    try {
      const res = await fetch(`${ollama.url}/api/embed`, { method: 'POST', body: JSON.stringify({ model: 'test-embed', input: ['one', 'two'] }) });
      const body = (await res.json()) as { model: string; embeddings: number[][]; prompt_eval_count: number };
      assert.equal(body.model, 'test-embed');
      assert.deepEqual(body.embeddings, [deterministicVector('one', 32), deterministicVector('two', 32)]);
      assert.equal(body.prompt_eval_count, 2);
    } finally {
      await ollama.close();
    }
  });
});
