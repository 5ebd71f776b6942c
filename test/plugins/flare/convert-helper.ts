import path from 'node:path';
import { fixturesDir } from '../../helpers/paths.js';
import type { ProjectEnv } from '../../../src/plugins/flare/markdown/render-env.js';
import { SnippetStore } from '../../../src/plugins/flare/snippets.js';
import { convertTopic } from '../../../src/plugins/flare/topic.js';
import type { ConvertedTopic } from '../../../src/plugins/flare/topic.js';
import { parseFlareXml } from '../../../src/plugins/flare/xml-dom.js';

/** Content folder of the hand-written mini project. */
export const miniContent = path.join(fixturesDir, 'flare', 'mini', 'Content');

/** Converts a topic body written inline in a test, as if it were `guide/test.htm` of the mini project. */
export function convert(body: string, opts: { variables?: Record<string, string>; exclude?: string[]; rootAttrs?: string } = {}): ConvertedTopic {
  const env: ProjectEnv = {
    variables: new Map(Object.entries(opts.variables ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    excludeConditions: new Set((opts.exclude ?? []).map((c) => c.toLowerCase())),
    snippets: new SnippetStore(miniContent),
  };
  const xml = `<?xml version="1.0" encoding="utf-8"?><html xmlns:MadCap="http://www.madcapsoftware.com/Schemas/MadCap.xsd" ${opts.rootAttrs ?? ''}><head><title>T</title></head><body>${body}</body></html>`;
  const result = convertTopic(parseFlareXml(xml), 'guide/test.htm', env);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

/** The Markdown of an inline test topic. */
export function md(body: string, opts?: Parameters<typeof convert>[1]): string {
  return convert(body, opts).content;
}
