import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanEnv, runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { closedPort } from '../helpers/ports.js';

describe('secrets are masked in every output', () => {
  test('?password= in the URL and keyword/value strings: validate text and --json never print the password', async () => {
    const port = await closedPort();
    const dir = tempDir('bbj-secrets-');
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(path.join(dir, 'docs', 'a.md'), '# A\n\nText.\n');
    const file = path.join(dir, 'sources.toml');
    writeFileSync(file, `[embedder]\nprovider = "hash"\ndimensions = 64\n[[sources]]\nname = "docs"\nparser = "mdx"\npaths = ["docs"]\n`);
    for (const url of [`postgresql://bbj@127.0.0.1:${port}/rag?password=s3cret-qp`, `postgresql://bbj:s3cret-ui@127.0.0.1:${port}/rag`, `host=127.0.0.1 port=${port} user=bbj password=s3cret-kv dbname=rag`]) {
      for (const args of [['validate', '--config', file], ['validate', '--config', file, '--json'], ['ingest', 'all', '--config', file, '--json']]) {
        const result = await runCli(args, cleanEnv({ DATABASE_URL: url }));
        assert.equal(result.code, 2, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
        assert.ok(!/s3cret/.test(result.stdout + result.stderr), `${args.join(' ')} with ${url.replace(/s3cret-\w+/, '…')} printed the password:\n${result.stdout}${result.stderr}`);
        assert.match(result.stdout + result.stderr, /\*\*\*\*|not reachable|DATABASE_URL/);
      }
    }
  });
});
