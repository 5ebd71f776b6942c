import type { DocumentInput, JsonValue } from '../../plugin-api.js';
import { joinUrlPath } from '../../plugin-api.js';
import type { ConvertedTopic } from './topic.js';
import type { TocPlacement } from './toc-index.js';
import type { FlareTarget } from './target.js';
import { outputPath } from './target.js';

/** How a project's topics are addressed. */
export interface Addressing {
  /** Prefix of keys and source URLs when several projects share a source (`''` for one project). */
  prefix: string;
  /** Display URL base, if configured. */
  displayBaseUrl?: string;
  /** Extension used in display URLs instead of the source extension. */
  displayExtension?: string;
  /** The online target whose output settings name the published files, when the project has one. */
  target?: FlareTarget;
}

/** Display URL of a topic: base + Content-relative path (URL-encoded), or '' without a base. */
export function displayUrlOf(rel: string, addr: Addressing): string {
  if (!addr.displayBaseUrl) return '';
  // A real `.fltar` decides the output path (lower case, `Content/` kept or not, extension).
  let file = addr.target?.name ? outputPath(rel, addr.target) : rel;
  if (addr.displayExtension) file = file.replace(/\.[^./]+$/, addr.displayExtension);
  return joinUrlPath(addr.displayBaseUrl, file);
}

/** Builds the document of a converted topic. */
export function topicDocument(rel: string, topic: ConvertedTopic, placement: TocPlacement | undefined, encoding: string, addr: Addressing): DocumentInput {
  const breadcrumb = (placement?.breadcrumb ?? rel.split('/').slice(0, -1)).map((c) => c.trim()).filter(Boolean);
  const s = topic.stats;
  const metadata: Record<string, JsonValue> = {
    topic_path: rel,
    section_path: breadcrumb.join(' > '),
    toc: placement !== undefined,
    conditions: topic.conditions,
    inline_conditions: [...s.inlineConditions].sort(),
  };
  if (placement) metadata.toc_file = placement.toc;
  if (addr.target?.name) metadata.target = addr.target.name;
  if (encoding !== 'utf-8') metadata.encoding = encoding;
  if (s.snippetsResolved) metadata.snippets = s.snippetsResolved;
  if (s.unresolvedSnippets.length) metadata.unresolved_snippets = s.unresolvedSnippets;
  if (s.unresolvedVariables.size) metadata.unresolved_variables = [...s.unresolvedVariables].sort();
  if (s.excludedElements) metadata.excluded_elements = s.excludedElements;
  return {
    key: addr.prefix + rel,
    sourceUrl: `flare://${addr.prefix}Content/${rel}`,
    title: topic.title,
    content: topic.content,
    textChars: topic.textChars,
    docType: '',
    generations: [],
    breadcrumb,
    displayUrl: displayUrlOf(rel, addr),
    metadata,
  };
}
