// Lint runs in `npm test` so CI catches what review would.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Layering (docs/plugins.md, "Layering"), checked on every static import and re-export:
 * - src/core imports no plugin, CLI, command, and neither entry point (plugin-api, testing);
 * - a file under src/plugins/NAME/ imports only its own folder, npm packages and the plugin
 *   API, src/plugin-api.ts: no other plugin, no core file (export it from plugin-api.ts
 *   first), no CLI or command code;
 * - commands reach plugins only through the registry (src/cli/bootstrap.ts builds it).
 * Import specifiers are relative, so plugin rules are written per folder depth.
 */
const API_FIX = 'export what it needs from src/plugin-api.ts and import it from there (see docs/plugins.md, "Layering")';

/** Patterns for a file `depth` folders below src/plugins/NAME/ (0: directly in it). */
function pluginPatterns(depth) {
  const out = `^(?:\\.\\./){${depth + 1}}`; // leaves the plugin's own folder
  return [
    { regex: `${out}\\.\\./(?:cli|commands)/`, message: `A plugin imports no CLI or command code: ${API_FIX}.` },
    { regex: `${out}\\.\\./core/`, message: `A plugin imports no core file directly: ${API_FIX}.` },
    { regex: `${out}(?!\\.\\./)`, message: `One plugin never imports another (this names a file of another plugin or the built-in list): move the shared piece into the core and ${API_FIX}.` },
    { regex: `${out}\\.\\./(?!plugin-api\\.js$|core/|cli/|commands/)`, message: `A plugin imports only its own folder, npm packages and ../../plugin-api.js: ${API_FIX}.` },
    { regex: '^bbj-rag(?:/|$)', message: 'Inside bbj-rag, import the plugin API by relative path (../../plugin-api.js), not by package name.' },
  ];
}

const layering = [
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?:\\.\\./)+(?:plugins|cli|commands)/', message: 'The core imports no plugin, CLI or command: plugins reach it through the registry; pass what it needs as a parameter.' },
          { regex: '^(?:\\.\\./)+(?:plugin-api|testing|index)\\.js$', message: 'The core imports neither public entry point (plugin-api, testing, index): they are built on it, not the other way round.' },
        ],
      }],
    },
  },
  ...[0, 1, 2, 3].map((depth) => ({
    files: [`src/plugins/*/${'*/'.repeat(depth)}*.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: pluginPatterns(depth) }] },
  })),
  {
    files: ['src/plugin-api.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^\\./(?:cli|commands)/', message: 'The plugin API imports no CLI or command code.' },
          { regex: '^\\./(?:plugins/|testing\\.js$)', allowTypeImports: true, message: 'The plugin API loads no plugin and not the test harness (types are fine; load a plugin-provided engine lazily with import()).' },
        ],
      }],
    },
  },
  {
    files: ['src/testing.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [{ regex: '^\\./(?:cli|commands)/', message: 'The test harness imports no CLI or command code (the built-in registry is src/plugins/builtins.ts).' }] }] },
  },
  {
    files: ['src/commands/**/*.ts', 'src/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?:\\.\\./)+plugins/(?!builtins\\.js$)', message: 'Commands and the CLI reach plugins through the registry (services.registry), never a plugin file.' }],
      }],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'examples/**/node_modules/**', 'examples/**/dist/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  ...layering,
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
