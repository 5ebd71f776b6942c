import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { acquireDirLock } from '../../../src/core/store/dir-lock.js';
import { BbjError } from '../../../src/core/errors/bbj-error.js';
import { repoRoot } from '../../helpers/paths.js';
import { tempDir } from '../../helpers/temp-dir.js';

test('the embedded store directory is locked against a second process, and a killed owner is taken over at once', async () => {
  const dir = tempDir();
  const lockModule = path.join(repoRoot, 'dist', 'src', 'core', 'store', 'dir-lock.js');
  // Another process takes the lock and holds it until killed.
  const holder = spawn(process.execPath, ['--input-type=module', '-e', `import { acquireDirLock } from ${JSON.stringify(lockModule)}; acquireDirLock(${JSON.stringify(dir)}); console.log('locked'); setInterval(() => {}, 1000);`], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));

  assert.throws(
    () => acquireDirLock(dir),
    (error: unknown) => error instanceof BbjError && error.code === 'STORE_LOCKED' && error.message.includes(String(holder.pid)),
  );

  holder.kill('SIGKILL');
  await new Promise((resolve) => holder.once('exit', resolve));
  const release = acquireDirLock(dir);
  assert.ok(existsSync(path.join(dir, '.bbj-rag.lock')));
  release();
  assert.equal(existsSync(path.join(dir, '.bbj-rag.lock')), false);
});
