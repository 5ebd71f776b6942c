import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { repoRoot } from '../helpers/paths.js';

/** A fenced block of docs/plugins.md with the file name the text before it gives (`` `src/x.ts`: ``). */
interface Snippet {
  lang: string;
  file?: string;
  code: string;
  line: number;
}

function snippets(markdown: string): Snippet[] {
  const found: Snippet[] = [];
  const fence = /^```(\w+)\n([\s\S]*?)^```$/gm;
  for (const m of markdown.matchAll(fence)) {
    const before = markdown.slice(0, m.index).trimEnd().split('\n').at(-1) ?? '';
    const named = /`([\w./-]+\.(?:ts|js|json))`[^`]*:$/.exec(before);
    found.push({ lang: m[1]!, file: named?.[1], code: m[2]!, line: markdown.slice(0, m.index).split('\n').length });
  }
  return found;
}

/**
 * docs/plugins.md compiles as written: its TypeScript files (and the JavaScript ones, with
 * their JSDoc types) are written to a scratch project laid out as the guide says, with the
 * guide's own tsconfig.json, and type-checked in one `tsc` run against this build's
 * `bbj-rag/plugin` and `bbj-rag/testing` types.
 */
describe('docs/plugins.md snippets', () => {
  const docs = readFileSync(path.join(repoRoot, 'docs', 'plugins.md'), 'utf8');
  const all = snippets(docs);
  // Inside the repository so `zod` and `@types/node` resolve from its node_modules, as they would from the plugin's.
  const project = mkdtempSync(path.join(repoRoot, 'dist', 'docs-snippets-'));
  after(() => rmSync(project, { recursive: true, force: true }));

  test('the guide names its files: a tsconfig, the TypeScript parser, hook and test, and the JavaScript ones', () => {
    const named = all.filter((s) => s.file).map((s) => `${s.lang}:${s.file}`);
    for (const wanted of ['json:tsconfig.json', 'ts:src/notes-parser.ts', 'ts:src/hooks/register.ts', 'ts:test/notes-parser.test.ts', 'js:src/hooks/register.js', 'js:src/notes-parser.js', 'js:test/notes-parser.test.js']) {
      assert.ok(named.includes(wanted), `docs/plugins.md has a ${wanted} snippet (found ${named.join(', ')})`);
    }
  });

  test('every TypeScript and JavaScript file of the guide type-checks with the guide\'s tsconfig (tsc exit 0)', () => {
    const files = all.filter((s) => s.file && (s.lang === 'ts' || s.lang === 'js'));
    const write = (rel: string, text: string) => {
      mkdirSync(path.dirname(path.join(project, rel)), { recursive: true });
      writeFileSync(path.join(project, rel), text);
    };
    // The TypeScript plugin in ts/, the JavaScript one in js/ (same file names, different languages).
    for (const s of files) write(path.join(s.lang, s.file!), s.code);
    const tsconfig = all.find((s) => s.lang === 'json' && s.file === 'tsconfig.json')!;
    write('ts/tsconfig.json', tsconfig.code);
    const dist = (entry: string) => [path.join(repoRoot, 'dist', 'src', `${entry}.d.ts`)];
    write('tsconfig.check.json', JSON.stringify({
      extends: './ts/tsconfig.json',
      compilerOptions: {
        noEmit: true,
        rootDir: '.',
        allowJs: true,
        checkJs: true,
        // As a plugin's devDependency would: the package's exports, served from this build.
        paths: { 'bbj-rag/plugin': dist('plugin-api'), 'bbj-rag/testing': dist('testing') },
      },
      include: ['ts/src', 'ts/test', 'js/src', 'js/test'],
    }));
    // The JavaScript plugin is an ES module package, as its package.json in the guide says.
    write('js/package.json', JSON.stringify({ type: 'module' }));
    write('ts/package.json', JSON.stringify({ type: 'module' }));

    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', path.join(project, 'tsconfig.check.json'), '--pretty', 'false'], { encoding: 'utf8' });
    const where = files.map((s) => `${s.lang}/${s.file} = docs/plugins.md line ${s.line}`).join('\n');
    assert.equal(result.status, 0, `tsc found errors in the guide's code:\n${result.stdout}${result.stderr}\n(${where})`);
  });
});
