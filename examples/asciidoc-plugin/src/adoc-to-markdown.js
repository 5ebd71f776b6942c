import path from 'node:path';
import Asciidoctor from '@asciidoctor/core';
import gfmPlugin from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';

/** @type {ReturnType<typeof Asciidoctor> | undefined} */
let processor;
/** @type {TurndownService | undefined} */
let turndown;

// Asciidoctor.js (an Opal build of the Ruby original) takes a moment to start: once per process.
function asciidoctor() {
  processor ??= Asciidoctor();
  return processor;
}

function markdownConverter() {
  if (turndown) return turndown;
  const service = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '_' });
  service.use([gfmPlugin.tables, gfmPlugin.strikethrough]);
  // Admonitions are rendered as a one-row layout table; as Markdown they read best as a quote.
  service.addRule('admonition', {
    filter: (node) => node.nodeName === 'DIV' && /\badmonitionblock\b/.test(node.getAttribute('class') ?? ''),
    replacement: (_content, node) => {
      const label = node.querySelector('td.icon .title')?.textContent?.trim() ?? 'Note';
      const body = service.turndown(node.querySelector('td.content')?.innerHTML ?? '').trim();
      return `\n\n${`**${label}:** ${body}`.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n')}\n\n`;
    },
  });
  turndown = service;
  return service;
}

// A generated table of contents and section anchors are navigation, not content: off for every file.
const FORCED_ATTRIBUTES = { 'toc!': '', 'sectanchors!': '', 'sectlinks!': '' };

/** Attributes worth keeping as document metadata. */
const METADATA_ATTRIBUTES = ['author', 'email', 'revnumber', 'revdate', 'description', 'keywords'];

/**
 * Asciidoctor resolves the top file's includes against `base_dir`, which in `safe` mode is
 * also the jail no include may leave. To let `include::../shared/x.adoc[]` work inside the
 * source folder (and nothing outside it), the jail is the source folder and the top file's
 * relative targets are rewritten relative to it. Nested includes are resolved by Asciidoctor
 * against their own file. Targets with attributes, URLs and absolute paths are left alone.
 * @param {string} text
 * @param {string} fileDir folder of the file
 * @param {string} baseDir the jail: the source folder
 */
export function rebaseIncludes(text, fileDir, baseDir) {
  return text.replace(/^(include::)([^[\n]+)(\[)/gm, (line, head, target, bracket) => {
    if (target.includes('{') || /^[a-z][a-z0-9+.-]*:/i.test(target) || path.isAbsolute(target)) return line;
    const rebased = path.relative(baseDir, path.resolve(fileDir, target)).split(path.sep).join('/');
    return `${head}${rebased}${bracket}`;
  });
}

/**
 * Converts one AsciiDoc text to Markdown with Asciidoctor's HTML5 converter and Turndown.
 * Asciidoctor's own warnings (a missing include, an unknown attribute) are returned, not
 * printed, so the parser can route them to the host's logger.
 * @param {string} text AsciiDoc source.
 * @param {{ baseDir: string, fileDir?: string, attributes?: Record<string, string> }} options
 *   `baseDir`: the folder includes may not leave; `fileDir`: the file's folder (default `baseDir`).
 * @returns {{ title: string | undefined, markdown: string, metadata: Record<string, string>, warnings: string[] }}
 */
export function convertAsciidoc(text, options) {
  const engine = asciidoctor();
  // The API is synchronous, so swapping the global logger around one call cannot mix files.
  const logger = engine.MemoryLogger.create();
  const previous = engine.LoggerManager.getLogger();
  engine.LoggerManager.setLogger(logger);
  try {
    const source = rebaseIncludes(text, options.fileDir ?? options.baseDir, options.baseDir);
    const doc = engine.load(source, { safe: 'safe', base_dir: options.baseDir, attributes: { ...options.attributes, ...FORCED_ATTRIBUTES } });
    // Without `partition`, the title comes back as a plain string.
    const title = /** @type {string | undefined} */ (doc.getDocumentTitle({ sanitize: true })) || undefined;
    // Turndown leaves indented blank lines between loose list items; they carry nothing.
    const body = markdownConverter().turndown(doc.convert() || '').replace(/\n[ \t]+(?=\n)/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
    const markdown = title && body ? `# ${title}\n\n${body}` : body;
    /** @type {Record<string, string>} */
    const metadata = {};
    for (const name of METADATA_ATTRIBUTES) {
      const value = doc.getAttribute(name);
      if (typeof value === 'string' && value.trim()) metadata[name] = value.trim();
    }
    const warnings = logger.getMessages().map((m) => {
      const line = m.getSourceLocation()?.getLineNumber();
      return `${m.getSeverity().toLowerCase()}${line ? ` at line ${line}` : ''}: ${m.getText()}`;
    });
    return { title, markdown, metadata, warnings };
  } finally {
    engine.LoggerManager.setLogger(previous);
  }
}
