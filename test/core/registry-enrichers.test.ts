import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Enricher } from '../../src/core/contracts/enricher.js';
import { defineEnricher } from '../../src/core/plugin-descriptor.js';
import { PluginRegistry } from '../../src/core/registry.js';
import { builtinDescriptors } from '../../src/plugins/builtins.js';

const plugin = { kind: 'plugin', name: 'bbj-rag-enricher-glossary', version: '1.0.0' } as const;
const glossary: Enricher = { name: 'glossary', version: '1', enrich: (doc) => doc };

function registry(): PluginRegistry {
  const r = new PluginRegistry();
  for (const d of builtinDescriptors) r.register(d, { kind: 'core' });
  r.register(defineEnricher(glossary), plugin);
  return r;
}

test('a source without the key runs the default enrichers; a plugin enricher only where a source names it', () => {
  const r = registry();
  assert.deepEqual(r.enrichersFor(undefined).enrichers.map((e) => e.name), ['bbj']);
  assert.deepEqual(r.enrichersFor([]), { enrichers: [], unknown: [] });
  assert.deepEqual(r.enrichersFor(['glossary', 'bbj']).enrichers.map((e) => e.name), ['glossary', 'bbj'], 'in the order the source lists them');
  assert.deepEqual(r.enrichersFor(['bbj', 'bjb']).unknown, ['bjb']);
});

test('a second enricher with a taken name is refused and named', () => {
  const r = registry();
  const problem = r.register(defineEnricher({ ...glossary, name: 'bbj' }), plugin);
  assert.match(problem ?? '', /bbj-rag-enricher-glossary@1\.0\.0: enricher "bbj" is already provided by core; the second one was ignored/);
  assert.equal(r.enrichers().filter((e) => e.name === 'bbj').length, 1);
});
