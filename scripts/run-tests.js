#!/usr/bin/env node
// Runs every compiled test file under dist/test with Node's test runner. Node 20 has no
// glob support in `--test`, so the files are listed here. Extra arguments filter by path.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : full.endsWith('.test.js') ? [full] : [];
  });
}

const filters = process.argv.slice(2);
const files = walk('dist/test')
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();
if (files.length === 0) {
  console.error('no test files found under dist/test (did the build run?)');
  process.exit(1);
}
// Spec output for people, TAP into a file for the closing `N passed, N failed` line CI reads.
const tapFile = path.join(mkdtempSync(path.join(tmpdir(), 'bbj-tests-')), 'results.tap');
const result = spawnSync(
  process.execPath,
  // Most test files wait on child processes, servers and PGlite; three at a time keep two cores busy.
  // --liftoff-only (passed on to every test file's process): as in bin/run.js, PGlite's WASM stays
  // on V8's baseline tier; optimising it costs short-lived processes more CPU than it saves.
  ['--liftoff-only', '--test', `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 3}`, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, ...files],
  { stdio: 'inherit' },
);
const tap = readFileSync(tapFile, 'utf8');
const count = (label) => Number(new RegExp(`^# ${label} (\\d+)$`, "m").exec(tap)?.[1] ?? 0);
console.log(`${count('pass')} passed, ${count('fail') + count('cancelled')} failed, ${count('skipped') + count('todo')} skipped`);
process.exit(result.status ?? 1);
