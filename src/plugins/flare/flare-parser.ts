import { readFileSync } from 'node:fs';
import path from 'node:path';
import createDebug from 'debug';
import type { DocumentInput, Parser, ParserContext, ValidationIssue } from '../../plugin-api.js';
import { FileGuard } from '../../plugin-api.js';
import type { ProjectEnv } from './markdown/render-env.js';
import type { FlareOptions } from './options.js';
import type { FlareProject } from './project-layout.js';
import { listFiles, locateProject } from './project-layout.js';
import { SnippetStore } from './snippets.js';
import { TocIndex } from './toc-index.js';
import { convertTopic, topicTitles } from './topic.js';
import type { Addressing } from './topic-document.js';
import { displayUrlOf, topicDocument } from './topic-document.js';
import { listTopics } from './topic-list.js';
import { decodeFlareBytes } from './decode.js';
import { expandVariableRefs, loadVariables } from './variables.js';
import { parseFlareXml } from './xml-dom.js';
import { detectFlareProjects } from './detect.js';
import { findTarget } from './target.js';
import { sharedInputFiles } from './input-files.js';
import { errorMessage } from '../../plugin-api.js';
import { flareInfo } from './flare-info.js';

const debug = createDebug('bbj:flare');

/** MadCap Flare source projects: one document per topic, with TOC breadcrumbs, snippets, variables and conditions resolved. */
export const flareParser: Parser<FlareOptions> = {
  ...flareInfo,
  detect: detectFlareProjects,

  async validate(ctx) {
    const issues: ValidationIssue[] = [];
    if (ctx.source.paths.length === 0) issues.push({ message: `source ${ctx.source.name}: paths must name a Flare project root (the folder holding Content/ and Project/)` });
    for (const root of ctx.source.paths) {
      const found = await locateProject(root, ctx.dataDir);
      if (typeof found === 'string') issues.push({ message: `source ${ctx.source.name}: ${found}` });
      else if (ctx.options.target) {
        const target = await findTarget(found.root, ctx.options.target);
        if (typeof target === 'string') issues.push({ message: `source ${ctx.source.name}: ${target}` });
      }
    }
    return issues;
  },

  async *parse(ctx) {
    const several = ctx.source.paths.length > 1;
    const guard = FileGuard.forSource(ctx.dataDir, ctx.source);
    for (const root of ctx.source.paths) {
      const allowed = await guard.check(root);
      if (!allowed.ok) {
        ctx.skip(root, allowed.reason);
        continue;
      }
      const project = await locateProject(root, ctx.dataDir);
      if (typeof project === 'string') {
        ctx.skip(root, project);
        continue;
      }
      const target = await findTarget(project.root, ctx.options.target);
      if (typeof target === 'string') {
        ctx.skip(root, target);
        continue;
      }
      const addr: Addressing = {
        prefix: several ? `${path.basename(project.root)}/` : '',
        displayBaseUrl: ctx.source.displayBaseUrl,
        displayExtension: ctx.options.display_extension,
        target,
      };
      yield* parseProject(project, ctx, addr, guard);
    }
  },
};

async function* parseProject(project: FlareProject, ctx: ParserContext<FlareOptions>, addr: Addressing, guard: FileGuard): AsyncGenerator<DocumentInput> {
  const { options } = ctx;
  ctx.progress({ message: 'reading variables, TOCs and file list' });
  const variables = await loadVariables(project.variableDir, (m) => ctx.log.warn(m));
  const files = await listFiles(project.contentDir);
  const snippets = new SnippetStore(project.contentDir, files, guard);
  const env: ProjectEnv = {
    variables,
    excludeConditions: new Set(options.exclude_conditions.map((c) => c.toLowerCase())),
    snippets,
    topicUrl: addr.displayBaseUrl ? (rel) => displayUrlOf(rel, addr) : undefined,
  };
  // The online target's master TOC is what readers navigate: it places topics first.
  const master = addr.target?.masterToc;
  if (master) debug('%s: master TOC %s (target %s)', project.root, master, addr.target?.name ?? 'project file');
  const toc = TocIndex.build(
    project.tocDir,
    master ? [master, ...options.toc_order] : options.toc_order,
    (text) => expandVariableRefs(text, (name) => variables.get(name.toLowerCase())),
    (rel, kind) => linkedTitle(project.contentDir, rel, kind, env),
  );
  for (const p of toc.stats.problems) ctx.skip(p.split(': ')[0], `TOC not readable: ${p.slice(p.indexOf(': ') + 2)}`);
  if (!project.tocDir) ctx.log.warn(`Flare project ${project.root} has no Project/TOCs/ folder; breadcrumbs fall back to folders`);
  const list = await listTopics(files, project.contentDir, { extensions: options.extensions, excludeDirs: options.exclude_dirs }, toc, snippets);
  debug('%s: %d topics, %d TOC placements from %o, %d left in resource folders, %d used as snippets', project.root, list.topics.length, toc.placements.size, toc.stats.files, list.excludedByDir, list.usedAsSnippet);
  const total = list.topics.length;
  const shared = await sharedInputFiles(project, files);
  let done = 0;
  let excludedTopics = 0;
  // Through the guard: inside the data directory (links included) and within max_file_bytes.
  const read = (rel: string): Promise<Buffer | Error> =>
    guard.read(path.join(project.contentDir, rel)).then((r) => (r.ok ? r.bytes : new Error(r.reason)));
  let next = total > 0 ? read(list.topics[0]) : undefined;
  for (let i = 0; i < total; i++) {
    if (ctx.signal.aborted) return;
    const rel = list.topics[i];
    const bytes = await next;
    // Read the next file while this one is converted.
    next = i + 1 < total ? read(list.topics[i + 1]) : undefined;
    const file = path.join(project.contentDir, rel);
    ctx.progress({ done: done++, total });
    if (await ctx.inputUnchanged?.(rel, [file, ...shared])) continue;
    if (bytes instanceof Error || bytes === undefined) {
      ctx.skip(file, bytes?.message ?? 'cannot read: unknown error');
      continue;
    }
    const decoded = decodeFlareBytes(bytes);
    if (!decoded) {
      ctx.skip(file, 'binary file, not an XHTML topic');
      continue;
    }
    let topic;
    try {
      topic = convertTopic(parseFlareXml(decoded.text), rel, env);
    } catch (err) {
      ctx.skip(file, `conversion failed: ${errorMessage(err)}`);
      continue;
    }
    if (typeof topic === 'string') {
      ctx.skip(file, topic);
      continue;
    }
    const hit = topic.conditions.find((c) => env.excludeConditions.has(c.toLowerCase()));
    if (hit) {
      excludedTopics++;
      debug('%s excluded by condition %s', rel, hit);
      continue;
    }
    if (!topic.content.trim()) {
      ctx.skip(file, 'no text content');
      continue;
    }
    for (const u of topic.stats.unresolvedSnippets) debug('%s: unresolved snippet %s', rel, u);
    yield topicDocument(rel, topic, toc.get(rel), decoded.encoding, addr);
  }
  ctx.progress({ done, total });
  if (excludedTopics) ctx.log.info(`${excludedTopics} topics of ${project.root} left out by exclude_conditions`);
}

const titleCache = new WeakMap<ProjectEnv, Map<string, { title: string; firstHeading: string }>>();

/** Title of a linked topic for TOC entries; the file stem when the topic is missing or unreadable. */
function linkedTitle(contentDir: string, rel: string, kind: 'title' | 'header', env: ProjectEnv): string {
  let cache = titleCache.get(env);
  if (!cache) titleCache.set(env, (cache = new Map()));
  let titles = cache.get(rel.toLowerCase());
  if (!titles) {
    const stemTitle = path.posix.basename(rel).replace(/\.[^.]+$/, '').replace(/_/g, ' ');
    titles = { title: stemTitle, firstHeading: '' };
    try {
      const decoded = decodeFlareBytes(readFileSync(path.join(contentDir, rel)));
      if (decoded) titles = topicTitles(parseFlareXml(decoded.text), rel, env);
    } catch (err) {
      debug('linked title of %s: %s', rel, errorMessage(err));
    }
    cache.set(rel.toLowerCase(), titles);
  }
  return kind === 'header' ? titles.firstHeading || titles.title : titles.title;
}
