import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Parser } from '../../src/core/contracts/parser.js';
import { builtinDescriptors } from '../../src/plugins/builtins.js';
import { mdxParser } from '../../src/plugins/mdx/index.js';
import { flareParser } from '../../src/plugins/flare/index.js';
import { pdfParser } from '../../src/plugins/pdf/index.js';
import { bbjSourceParser } from '../../src/plugins/bbj-source/index.js';
import { javadocParser } from '../../src/plugins/javadoc/index.js';
import { wordpressAdvantageParser, wordpressKbParser } from '../../src/plugins/wordpress/index.js';
import { webCrawlParser } from '../../src/plugins/web-crawl/index.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from '../helpers/temp-dir.js';

// The implementations, as the registry held them before parsers were loaded on first use.
const implementations: Parser<any>[] = [mdxParser, flareParser, pdfParser, bbjSourceParser, javadocParser, wordpressAdvantageParser, wordpressKbParser, webCrawlParser]; // eslint-disable-line @typescript-eslint/no-explicit-any
const registered = new Map(builtinDescriptors.flatMap((d) => (d.kind === 'parser' ? [[d.parser.type, d.parser] as const] : [])));
// Options each HTTP parser accepts, to compare the client settings both sides derive from them.
const httpOptions: Record<string, Record<string, unknown>> = { 'web-crawl': { base_url: 'https://help.example.com/docs/index.htm' }, 'wordpress-advantage': {}, 'wordpress-kb': {} };

describe('built-in parsers loaded on first use', () => {
  test('each registered parser says what its implementation says: type, description, options schema, paths, version, steps, HTTP settings', () => {
    assert.equal(registered.size, implementations.length);
    for (const real of implementations) {
      const lazy = registered.get(real.type);
      assert.ok(lazy, `${real.type} is registered`);
      assert.equal(lazy.description, real.description, real.type);
      assert.equal(lazy.optionsSchema, real.optionsSchema, `${real.type}: the same schema object, so \`bbj parsers ${real.type}\` lists the same options`);
      assert.equal(lazy.requiresPaths, real.requiresPaths, real.type);
      assert.equal(lazy.version, real.version, real.type);
      for (const step of ['validate', 'detect', 'http'] as const) assert.equal(typeof lazy[step], typeof real[step], `${real.type}.${step}`);
      if (real.http) {
        const options = real.optionsSchema.parse(httpOptions[real.type]);
        assert.deepEqual(lazy.http?.(options), real.http(options), `${real.type}: HTTP settings`);
      }
    }
  });

  test('a step of a registered parser runs its implementation', async () => {
    const dir = tempDir();
    const lazy = registered.get('mdx')!;
    const ctx = { source: { name: 'docs', parser: 'mdx', paths: [path.join(dir, 'missing')], generationTag: 'auto' }, options: lazy.optionsSchema.parse({}), dataDir: dir } as never;
    const issues = await lazy.validate!(ctx);
    assert.deepEqual(issues, await mdxParser.validate!(ctx));
    assert.ok(issues.length > 0, 'a missing docs folder is reported');
  });

  test('building the registry imports no parser library (MDX, HTML, PDF, YAML)', () => {
    // A resolve hook prints every module the import of the built-in list resolves.
    const hooks = `data:text/javascript,${encodeURIComponent('export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("RESOLVED " + r.url + "\\n"); return r; }')}`;
    const register = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(hooks)});`)}`;
    const builtins = pathToFileURL(path.join(repoRoot, 'dist', 'src', 'plugins', 'builtins.js')).href;
    const run = spawnSync(process.execPath, ['--import', register, '--input-type=module', '-e', `await import(${JSON.stringify(builtins)});`], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const packages = new Set([...run.stderr.matchAll(/RESOLVED .*?node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].map((m) => m[1]));
    assert.ok(packages.has('zod'), `the hook saw the imports: ${[...packages].join(', ')}`);
    for (const heavy of ['remark-mdx', 'remark-parse', 'micromark', 'cheerio', 'pdfjs-dist', 'turndown', 'yaml', 'rehype-parse', 'tiktoken']) {
      assert.ok(!packages.has(heavy), `${heavy} is loaded only when a parser runs (loaded: ${[...packages].join(', ')})`);
    }
  });
});
