import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig } from '../../../src/core/config/config-loader.js';
import { pathIssues } from '../../../src/core/runner/preflight.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('validate: source paths must resolve inside the data directory', () => {
  test('`..` escapes, absolute paths and links out are refused, naming the source key; paths inside pass', async () => {
    const dir = tempDir('bbj-paths-');
    const data = path.join(dir, 'data');
    mkdirSync(path.join(data, 'docs'), { recursive: true });
    symlinkSync('/etc', path.join(data, 'etc-link'));
    symlinkSync(path.join(data, 'loop'), path.join(data, 'loop'));
    writeFileSync(
      path.join(dir, 'sources.toml'),
      `data_dir = "data"\n[[sources]]\nname = "docs"\nparser = "mdx"\npaths = ["docs", "../../../../etc/passwd", "/etc", "etc-link", "loop"]\n`,
    );
    const config = await loadConfig({ configPath: path.join(dir, 'sources.toml'), env: {} });
    const issues = pathIssues(config, config.sources[0]!);
    assert.equal(issues.length, 4, issues.join('\n'));
    assert.match(issues[0]!, /^paths\[1\] = "\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd" resolves to \/etc\/passwd, outside the data directory/);
    assert.match(issues[1]!, /^paths\[2\] = "\/etc" resolves to \/etc, outside the data directory/);
    assert.match(issues[2]!, /^paths\[3\] = "etc-link" resolves to \/etc, outside/);
    assert.match(issues[3]!, /^paths\[4\] = "loop" is a symbolic link loop/);
  });
});
