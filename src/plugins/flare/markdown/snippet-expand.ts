import type { Element } from 'domhandler';
import { parseTagExpression } from '../conditions.js';
import { parseSnippetVariables } from '../variables.js';
import { attr } from '../xml-dom.js';
import type { RenderEnv } from './render-env.js';

/**
 * Resolves a `snippetBlock`/`snippetText` and runs `render` on the snippet body in the
 * snippet's own context: relative paths inside it resolve against the snippet file, its
 * `MadCap:snippetVariables` override variables and its `MadCap:conditionTagExpression`
 * filters conditional content. Returns undefined (and records why) when it cannot be used.
 */
export function withSnippet<T>(el: Element, env: RenderEnv, render: (body: Element, inner: RenderEnv) => T): T | undefined {
  const src = attr(el, 'src');
  if (!src) {
    env.stats.unresolvedSnippets.push(`(no src) in ${env.file}`);
    return undefined;
  }
  const rel = env.project.snippets.resolvePath(src, env.file);
  if (!rel) {
    env.stats.unresolvedSnippets.push(`${src} from ${env.file}: outside Content`);
    return undefined;
  }
  const loaded = env.project.snippets.load(rel);
  if ('error' in loaded) {
    env.stats.unresolvedSnippets.push(`${rel} from ${env.file}: ${loaded.error}`);
    return undefined;
  }
  const key = loaded.file.toLowerCase();
  if (env.chain.some((f) => f.toLowerCase() === key)) {
    env.stats.unresolvedSnippets.push(`${loaded.file} from ${env.file}: circular snippet (${[...env.chain, loaded.file].join(' -> ')})`);
    return undefined;
  }
  env.stats.snippetsResolved++;
  const expr = parseTagExpression(attr(el, 'MadCap:conditionTagExpression'));
  const inner: RenderEnv = {
    ...env,
    file: loaded.file,
    chain: [...env.chain, loaded.file],
    expressions: expr ? [...env.expressions, expr] : env.expressions,
    overrides: [...env.overrides, parseSnippetVariables(attr(el, 'MadCap:snippetVariables'))],
  };
  return render(loaded.body, inner);
}
