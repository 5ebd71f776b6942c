import path from 'node:path';
import createDebug from 'debug';
import type { DocumentInput } from '../../plugin-api.js';
import type { Parser, ParserContext, ValidationIssue } from '../../plugin-api.js';
import { DEFAULT_MAX_FILE_BYTES, FileGuard } from '../../plugin-api.js';
import { checkSourcePath } from '../../plugin-api.js';
import { renderClassCard } from './class-card.js';
import { javadocRoots, jsonFiles } from './javadoc-files.js';
import { JavadocPackageSchema } from './javadoc-json.js';
import type { JavadocOptions } from './javadoc-options.js';
import { detectJavadocJson } from './detect.js';
import { errorMessage } from '../../plugin-api.js';
import { javadocInfo } from './javadoc-info.js';

const debug = createDebug('bbj:javadoc');

/** Reads the BBj API javadoc JSON: one document per class. */
export const javadocParser: Parser<JavadocOptions> = {
  ...javadocInfo,
  detect: detectJavadocJson,
  validate: validateJavadoc,
  parse: parseJavadoc,
};

async function validateJavadoc(ctx: ParserContext<JavadocOptions>): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  const fix = ctx.source.paths.length > 0 ? 'fix "paths" in sources.toml' : 'set BBJ_HOME to the BBj installation or give the directory in "paths"';
  for (const root of javadocRoots(ctx.source.paths)) {
    // Configured paths must stay inside the data directory; the BBJ_HOME default is its own root.
    const checked = checkSourcePath(root, ctx.source.paths.length > 0 ? ctx.dataDir : root, 'directory');
    const files = checked.ok ? await jsonFiles(root, ctx.options.recursive).catch(() => undefined) : undefined;
    if (!checked.ok) issues.push({ message: `source "${ctx.source.name}": javadoc directory ${root} ${checked.reason}; ${fix}` });
    else if (files === undefined) issues.push({ message: `source "${ctx.source.name}": javadoc directory ${root} cannot be read; ${fix}` });
    else if (files.length === 0) issues.push({ message: `source "${ctx.source.name}": no *.json files in ${root}; ${fix}` });
  }
  return issues;
}

async function* parseJavadoc(ctx: ParserContext<JavadocOptions>): AsyncGenerator<DocumentInput> {
  const files: string[] = [];
  const roots = javadocRoots(ctx.source.paths);
  // Configured paths must stay inside the data directory; the BBJ_HOME default is its own root.
  const guard = new FileGuard(ctx.source.paths.length > 0 ? [ctx.dataDir] : roots, ctx.source.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  for (const root of roots) {
    const found = await jsonFiles(root, ctx.options.recursive).catch(() => undefined);
    if (found === undefined) ctx.skip(root, 'javadoc directory does not exist');
    else files.push(...found);
  }
  // Class names seen so far -> package; a later package reusing a name gets a qualified URL.
  const seen = new Map<string, string>();
  let done = 0;
  for (const file of files) {
    if (ctx.signal.aborted) return;
    ctx.progress({ done: done++, total: files.length, message: path.basename(file) });
    // A class's id depends on the packages read before it (a reused name is qualified): all files are inputs.
    if (await ctx.inputUnchanged?.(file, files)) continue;
    let pkg;
    const read = await guard.readText(file);
    if (!read.ok) {
      ctx.skip(file, read.reason);
      continue;
    }
    try {
      pkg = JavadocPackageSchema.parse(JSON.parse(read.text));
    } catch (err) {
      ctx.skip(file, `not a javadoc JSON file: ${errorMessage(err).split('\n')[0]}`);
      continue;
    }
    const pkgName = pkg.name?.trim() || path.basename(file, '.json');
    for (const cls of pkg.classes) {
      const name = cls.name.trim();
      if (name === '') {
        ctx.skip(file, `a class of package ${pkgName} has no name`);
        continue;
      }
      const qualified = `${pkgName}.${name}`;
      const first = seen.get(name);
      if (first === pkgName) {
        ctx.skip(`${file}#${name}`, `class ${qualified} is defined twice; the first definition was kept`);
        continue;
      }
      const id = first === undefined ? name : qualified;
      if (first !== undefined) debug('class %s also in %s: stored as bbj_api://%s', name, first, qualified);
      else seen.set(name, pkgName);
      const card = renderClassCard(cls, pkgName);
      yield {
        key: id,
        sourceUrl: `bbj_api://${id}`,
        title: name,
        content: card.markdown,
        textChars: card.textChars,
        docType: 'api-reference',
        generations: [],
        breadcrumb: ['BBj API Reference', pkgName],
        displayUrl: card.docUrl,
        metadata: {
          package: pkgName,
          class: name,
          method_count: card.methodCount,
          constructor_count: card.constructorCount,
          field_count: cls.fields.length,
          ...(first !== undefined ? { also_defined_in: first } : {}),
        },
      };
    }
  }
  ctx.progress({ done, total: files.length });
}
