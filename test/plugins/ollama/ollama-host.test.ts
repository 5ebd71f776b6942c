import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_OLLAMA_HOST, resolveOllamaHost } from '../../../src/plugins/ollama/index.js';

const cases: Array<[string, string | undefined, string | undefined, string]> = [
  ['default when nothing is set', undefined, undefined, DEFAULT_OLLAMA_HOST],
  ['configured host wins over OLLAMA_HOST', 'http://cfg:1234', 'env:9999', 'http://cfg:1234'],
  ['blank configured host falls back to OLLAMA_HOST', '  ', 'http://env:9999', 'http://env:9999'],
  ['host:port without scheme gets http', undefined, 'gpu-box:8080', 'http://gpu-box:8080'],
  ['bare host gets Ollama port 11434', undefined, 'gpu-box', 'http://gpu-box:11434'],
  ['http:// without port means port 80', undefined, 'http://gpu-box', 'http://gpu-box'],
  ['bind-all 0.0.0.0 connects to loopback', undefined, '0.0.0.0:11434', 'http://127.0.0.1:11434'],
  ['bare 0.0.0.0 gets the default port', undefined, '0.0.0.0', 'http://127.0.0.1:11434'],
  ['bind-all [::] connects to IPv6 loopback', undefined, '[::]:11434', 'http://[::1]:11434'],
  ['https and a path are kept', undefined, 'https://proxy.example/ollama/', 'https://proxy.example/ollama'],
];

for (const [name, configured, envHost, expected] of cases) {
  test(`resolveOllamaHost: ${name}`, () => {
    assert.equal(resolveOllamaHost(configured, { OLLAMA_HOST: envHost }), expected);
  });
}

test('resolveOllamaHost: an unparseable host is an error naming it', () => {
  assert.throws(() => resolveOllamaHost('http://exa mple:x', {}), /invalid Ollama host "http:\/\/exa mple:x"/);
});
