import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { repoRoot } from '../helpers/paths.js';

/**
 * The layering rule of eslint.config.js, run on planted imports through ESLint's Node API
 * (nothing is written under src/): each forbidden import must be reported, each allowed one not.
 */
describe('ESLint layering rule', () => {
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: repoRoot });
  });

  /** Messages of the layering rule for `code` as if it were the file `file` (relative to the repo). */
  async function layering(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(repoRoot, file) });
    return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
  }

  const forbidden: [file: string, code: string, message: RegExp][] = [
    ['src/plugins/wordpress/planted.ts', "import { extractPdfSections } from '../pdf/index.js';", /One plugin never imports another/],
    ['src/plugins/web-crawl/planted.ts', "export { htmlToMarkdown } from '../wordpress/article.js';", /One plugin never imports another/],
    ['src/plugins/mdx/planted.ts', "import { builtinDescriptors } from '../builtins.js';", /One plugin never imports another/],
    ['src/plugins/pdf/planted.ts', "import { FileGuard } from '../../core/files/file-guard.js';", /A plugin imports no core file directly/],
    ['src/plugins/flare/markdown/planted.ts', "import type { Parser } from '../../../core/contracts/parser.js';", /A plugin imports no core file directly/],
    ['src/plugins/flare/markdown/planted.ts', "import { attr } from '../../mdx/site.js';", /One plugin never imports another/],
    ['src/plugins/ollama/planted.ts', "import { createLogger } from '../../cli/bootstrap.js';", /A plugin imports no CLI or command code/],
    ['src/plugins/ollama/planted.ts', "import Report from '../../commands/report.js';", /A plugin imports no CLI or command code/],
    ['src/plugins/hash/planted.ts', "import { checkPlugin } from '../../testing.js';", /imports only its own folder, npm packages and \.\.\/\.\.\/plugin-api\.js/],
    ['src/plugins/hash/planted.ts', "import { defineParser } from 'bbj-rag/plugin';", /by relative path/],
    ['src/core/pipeline/planted.ts', "import { bbjEnricher } from '../../plugins/bbj/index.js';", /The core imports no plugin, CLI or command/],
    ['src/core/planted.ts', "import { buildRegistry } from '../cli/bootstrap.js';", /The core imports no plugin, CLI or command/],
    ['src/core/runner/planted.ts', "import { checkPlugin } from '../../testing.js';", /The core imports neither public entry point/],
    ['src/commands/planted.ts', "import { DOC_TYPES } from '../plugins/bbj/vocabulary.js';", /through the registry/],
    ['src/plugin-api.ts', "import { pdfParser } from './plugins/pdf/index.js';", /loads no plugin and not the test harness/],
    ['src/plugin-api.ts', "import { checkPlugin } from './testing.js';", /loads no plugin and not the test harness/],
  ];
  for (const [file, code, message] of forbidden) {
    test(`reports ${code} in ${file}`, async () => {
      const messages = await layering(file, code);
      assert.equal(messages.length, 1, `one layering error expected, got: ${JSON.stringify(messages)}`);
      assert.match(messages[0]!, message);
    });
  }

  test('passes what the layering allows', async () => {
    const allowed: [string, string][] = [
      ['src/plugins/mdx/planted.ts', "import { z } from 'zod';\nimport { FileGuard, type Parser } from '../../plugin-api.js';\nimport { mdxSlug } from './naming.js';\nexport { FileGuard, mdxSlug, z };\nexport type { Parser };"],
      ['src/plugins/flare/markdown/planted.ts', "import { attr } from '../xml-dom.js';\nimport { decodeWindows1252 } from '../../../plugin-api.js';\nexport { attr, decodeWindows1252 };"],
      ['src/core/pipeline/planted.ts', "import { FileGuard } from '../files/file-guard.js';\nexport { FileGuard };"],
      ['src/cli/planted.ts', "import { builtinRegistry } from '../plugins/builtins.js';\nexport { builtinRegistry };"],
      ['src/plugin-api.ts', "import type { PdfExtraction } from './plugins/pdf/pdf-sections.js';\nexport type { PdfExtraction };"],
    ];
    for (const [file, code] of allowed) assert.deepEqual(await layering(file, code), [], `${file}: ${code}`);
  });

  test('the plugin API never loads the harness or the CLI at run time', () => {
    const built = readFileSync(path.join(repoRoot, 'dist', 'src', 'plugin-api.js'), 'utf8');
    const imports = [...built.matchAll(/from '([^']+)'/g)].map((m) => m[1]!);
    assert.ok(imports.length > 5, 'the compiled plugin API has its imports');
    assert.deepEqual(imports.filter((i) => /testing|cli\/|commands\/|plugins\//.test(i)), []);
  });
});
