import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/paths.js';

interface Service {
  image?: string;
  healthcheck?: { test: unknown };
  depends_on?: Record<string, { condition: string }>;
  entrypoint?: string[];
  volumes?: string[];
  restart?: string;
}

const composeFile = path.join(repoRoot, 'docker-compose.yml');
const compose = parse(readFileSync(composeFile, 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const hasCompose = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8' }).status === 0;

describe('docker-compose.yml (production services)', () => {
  test('PostgreSQL with pgvector and Ollama, each with a health check and a named volume', () => {
    const { postgres, ollama } = compose.services;
    assert.match(postgres!.image!, /^pgvector\/pgvector:/);
    assert.match(ollama!.image!, /^ollama\/ollama:/);
    for (const service of [postgres!, ollama!]) {
      assert.ok(service.healthcheck?.test, 'has a health check');
      const named = service.volumes!.map((v) => v.split(':')[0]!);
      assert.ok(named.every((v) => v in compose.volumes), `volumes ${named.join(', ')} are named volumes`);
    }
  });

  test('the model pull is a one-shot service that waits for a healthy Ollama', () => {
    const pull = compose.services['ollama-pull']!;
    assert.equal(pull.restart, 'no');
    assert.equal(pull.depends_on?.ollama?.condition, 'service_healthy');
    assert.deepEqual(pull.entrypoint?.slice(0, 2), ['ollama', 'pull']);
  });

  test('every variable the file uses is in .env.example', () => {
    const used = new Set([...readFileSync(composeFile, 'utf8').matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]!));
    const example = readFileSync(path.join(repoRoot, '.env.example'), 'utf8');
    for (const name of used) assert.match(example, new RegExp(`^${name}=`, 'm'), `${name} in .env.example`);
  });

  test('docker compose config accepts the file', { skip: hasCompose ? false : 'docker compose is not installed on this machine (no image registry here either)' }, () => {
    const result = spawnSync('docker', ['compose', '-f', composeFile, '--env-file', path.join(repoRoot, '.env.example'), 'config', '--quiet'], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
  });
});
