import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { builtinRegistry } from '../../src/cli/bootstrap.js';
import type { typeDetail } from '../../src/commands/parsers.js';
import { describeOptions } from '../../src/core/options-doc.js';
import { BEGIN, END, withOptionTables } from '../../scripts/options-tables.js';
import { cleanEnv, runCli } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';

describe('options you can see', () => {
  test('describeOptions reads type, default, required and description from a zod schema', () => {
    const schema = z.strictObject({
      mode: z.enum(['a', 'b']).default('a').describe('How it runs.'),
      limit: z.number().int().min(1).max(10).default(3).describe('At most this many.'),
      url: z.url().describe('Where to go.'),
      tags: z.array(z.string()).default([]),
    });
    assert.deepEqual(describeOptions(schema), [
      { name: 'mode', type: '"a" | "b"', default: '"a"', required: false, description: 'How it runs.' },
      { name: 'limit', type: 'integer >= 1, <= 10', default: '3', required: false, description: 'At most this many.' },
      { name: 'url', type: 'string (uri)', default: undefined, required: true, description: 'Where to go.' },
      { name: 'tags', type: 'string[]', default: '[]', required: false, description: '' },
    ]);
  });

  test('every option of every built-in type has a description', () => {
    const registry = builtinRegistry();
    for (const r of [...registry.allParsers(), ...registry.allProviders()]) {
      for (const option of describeOptions(r.value.optionsSchema)) {
        assert.ok(option.description.length > 0, `${r.value.type}: option ${option.name} has a description (.describe())`);
      }
    }
  });

  test('bbj parsers NAME prints each option; --json gives the JSON Schema; an unknown name exits 2 with the known ones', async () => {
    const text = await runCli(['parsers', 'mdx'], cleanEnv());
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /md_format {2}"md" \| "mdx" \| "detect" {2}\(default "detect"\)/);

    const json = await runCli(['parsers', 'web-crawl', '--json'], cleanEnv());
    const detail = JSON.parse(json.stdout) as ReturnType<typeof typeDetail>;
    assert.equal(detail.kind, 'parser');
    assert.ok(detail.options.some((o) => o.name === 'max_pages' && o.default !== undefined));
    assert.equal((detail.jsonSchema as { type: string }).type, 'object');

    const unknown = await runCli(['parsers', 'asciidocx'], cleanEnv());
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no parser or embedder type "asciidocx"[\s\S]*known types: .*mdx/);
  });

  test('the README option tables are the ones the schemas generate (npm run docs:options)', () => {
    const readme = readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    const block = (text: string) => text.slice(text.indexOf(BEGIN), text.indexOf(END));
    assert.equal(block(readme), block(withOptionTables(readme)), 'README.md option tables are stale: run npm run docs:options');
  });
});
