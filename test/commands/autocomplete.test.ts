import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanEnv, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';

test('shell completion: bbj autocomplete writes a bash completion that knows every command and its flags', async () => {
  // oclif keeps the completion cache under XDG_CACHE_HOME; a temporary one keeps the test's files its own.
  const cache = tempDir('bbj-ac-');
  const env = cleanEnv({ XDG_CACHE_HOME: cache });
  const refresh = await runCli(['autocomplete', 'bash', '--refresh-cache'], env);
  assert.equal(refresh.code, 0, refresh.stderr);
  const script = readFileSync(path.join(cache, 'bbj-rag', 'autocomplete', 'functions', 'bash', 'bbj.bash'), 'utf8');
  for (const command of ['init', 'validate', 'search', 'status', 'report', 'parsers']) assert.match(script, new RegExp(`\\b${command}\\b`), `completes ${command}`);
  assert.match(script, /--source/);
});
