import { FileGuard } from '../../plugin-api.js';
import { checkSourcePath } from '../../plugin-api.js';
import path from 'node:path';
import createDebug from 'debug';
import type { DocumentInput } from '../../plugin-api.js';
import type { Parser, ParserContext, ValidationIssue } from '../../plugin-api.js';
import type { BbjSourceOptions } from './bbj-source-options.js';
import { notBbjCodeReason } from './code-filter.js';
import { walkSources, type WalkEntry } from './file-walk.js';
import { headerComment } from './header-comment.js';
import { decodeSource } from './source-decode.js';
import { sourceToMarkdown } from './source-markdown.js';
import { detectBbjCode } from './detect.js';
import { readableChars } from '../../plugin-api.js';
import { bbjSourceInfo } from './bbj-source-info.js';

const debug = createDebug('bbj:bbj-source');
/** First breadcrumb entry when the source has no `label`. */
const DEFAULT_LABEL = 'BBj Source Code';

/** Reads BBj programs (`.bbj`, `.bbjt`, `.src`, forms, callpoints, procedures) from directories or single files. */
export const bbjSourceParser: Parser<BbjSourceOptions> = {
  ...bbjSourceInfo,
  validate: validateSourcePaths,
  detect: detectBbjCode,
  parse: parseSources,
};

async function validateSourcePaths(ctx: ParserContext<BbjSourceOptions>): Promise<ValidationIssue[]> {
  const issues: ValidationIssue[] = [];
  for (const p of ctx.source.paths) {
    const checked = checkSourcePath(p, ctx.dataDir);
    if (!checked.ok) issues.push({ message: `source "${ctx.source.name}": path ${p} ${checked.reason}; fix "paths" in sources.toml` });
  }
  return issues;
}

async function* parseSources(ctx: ParserContext<BbjSourceOptions>): AsyncGenerator<DocumentInput> {
  let done = 0;
  const guard = FileGuard.forSource(ctx.dataDir, ctx.source);
  for (const configured of ctx.source.paths) {
    if (ctx.signal.aborted) return;
    const checked = checkSourcePath(configured, ctx.dataDir);
    if (!checked.ok) {
      ctx.skip(configured, `path ${checked.reason}`);
      continue;
    }
    // A single file is read as if its directory had been configured.
    const root = checked.isDirectory ? configured : path.dirname(configured);
    const rootLabel = path.relative(ctx.dataDir, root).split(path.sep).join('/');
    const entries: AsyncIterable<WalkEntry> = checked.isDirectory
      ? walkSources(root, ctx.options.extensions, ctx.options.exclude)
      : single({ kind: 'file', absPath: configured, relPath: path.basename(configured) });
    for await (const entry of entries) {
      if (ctx.signal.aborted) return;
      if (entry.kind === 'excluded') {
        ctx.skip(entry.absPath, 'excluded directory (options.exclude)');
        continue;
      }
      if (await ctx.inputUnchanged?.(`${rootLabel}/${entry.relPath}`, [entry.absPath])) continue;
      const doc = await readProgram(ctx, guard, entry, rootLabel);
      ctx.progress({ done: ++done, message: entry.relPath });
      if (doc) yield doc;
    }
  }
}

async function* single(entry: WalkEntry): AsyncGenerator<WalkEntry> {
  yield entry;
}

async function readProgram(ctx: ParserContext<BbjSourceOptions>, guard: FileGuard, entry: WalkEntry, rootLabel: string): Promise<DocumentInput | undefined> {
  const read = await guard.read(entry.absPath);
  if (!read.ok) {
    ctx.skip(entry.absPath, read.reason);
    return undefined;
  }
  const bytes = read.bytes;
  const decoded = decodeSource(bytes);
  if (!decoded.ok) {
    ctx.skip(entry.absPath, decoded.reason);
    return undefined;
  }
  const notCode = notBbjCodeReason(decoded.text);
  if (notCode) {
    ctx.skip(entry.absPath, notCode);
    return undefined;
  }
  const key = [rootLabel, entry.relPath].filter((p) => p !== '').join('/');
  const description = headerComment(decoded.text);
  const fileName = path.basename(entry.relPath);
  debug('%s: %s, %d bytes', key, decoded.encoding, bytes.length);
  return {
    key,
    sourceUrl: `file://${key}`,
    title: fileName,
    content: sourceToMarkdown(decoded.text, description, ctx.options.splitAboveLines),
    // Every letter and digit of the program: all of it is code that must reach a chunk.
    textChars: readableChars(decoded.text),
    docType: '',
    generations: [],
    // The configured label names the collection in every chunk's context header.
    breadcrumb: [ctx.source.label?.trim() || DEFAULT_LABEL, ...key.split('/').slice(0, -1).filter((s) => s !== '' && s !== '..' && s !== '.')],
    metadata: {
      file_ext: path.extname(fileName).toLowerCase(),
      header_comment: description,
      lines: decoded.text.replace(/\n$/, '').split('\n').length,
      encoding: decoded.encoding,
    },
  };
}
