import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as CheerioModule from 'cheerio';
import type * as RehypeParse from 'rehype-parse';
import type * as RehypeRemark from 'rehype-remark';
import type * as RemarkGfm from 'remark-gfm';
import type * as RemarkStringify from 'remark-stringify';
import type * as Unified from 'unified';
import type { Processor } from 'unified';

// The plugin API re-exports this toolkit, so every module of it is evaluated at each CLI start,
// also by commands that parse no HTML. cheerio and the rehype stack (~0.3 s of CPU together) are
// therefore loaded on first use. `require` of an ES module (Node >= 20.19) gives the very module
// instance that `import` gives; cheerio is required by the path of its ES build for the same reason.
const load = createRequire(import.meta.url);

let cheerioModule: typeof CheerioModule | undefined;
let markdownProcessor: Processor | undefined;

/** The cheerio module, loaded on first use. */
export function cheerio(): typeof CheerioModule {
  cheerioModule ??= load(fileURLToPath(import.meta.resolve('cheerio'))) as typeof CheerioModule;
  return cheerioModule;
}

/** HTML fragment to Markdown (rehype-parse, rehype-remark, GFM, remark-stringify), built on first use. */
export function htmlMarkdownProcessor(): Processor {
  if (markdownProcessor === undefined) {
    const { unified } = load('unified') as typeof Unified;
    const rehypeParse = (load('rehype-parse') as typeof RehypeParse).default;
    const rehypeRemark = (load('rehype-remark') as typeof RehypeRemark).default;
    const remarkGfm = (load('remark-gfm') as typeof RemarkGfm).default;
    const remarkStringify = (load('remark-stringify') as typeof RemarkStringify).default;
    // rehype-remark turns comments into raw HTML nodes; they must never reach the content.
    markdownProcessor = unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeRemark, { handlers: { comment: () => undefined } })
      .use(remarkGfm)
      .use(remarkStringify, { bullet: '-', fences: true, rule: '-', emphasis: '_', listItemIndent: 'one' })
      .freeze() as unknown as Processor;
  }
  return markdownProcessor;
}
