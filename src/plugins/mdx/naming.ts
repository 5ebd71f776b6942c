// Docusaurus's default number-prefix parser: `01-intro`, `2_setup`, `3. install`. Names that
// look like dates or versions (`2021-08-01-post`, `1.2-notes`) keep their digits, as there.
const NUMBER_PREFIX = /^\d+\s*[-_.]+\s*(?=[^-_.\s])/;
const DATE_OR_VERSION = /^\d+[-_.]\d+/;

/** Removes a Docusaurus ordering prefix (`01-`) from one path segment or file name. */
export function stripNumberPrefix(name: string): string {
  if (DATE_OR_VERSION.test(name)) return name;
  return name.replace(NUMBER_PREFIX, '');
}

/** Removes the `.md` / `.mdx` extension of a file name. */
export function stripDocExtension(name: string): string {
  return name.replace(/\.mdx?$/i, '');
}

/** `gui-to-bui_to dwc` -> `Gui To Bui To Dwc`; letters after the first keep their case (`API`). */
export function humanize(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** Title from a file name: prefix and extension removed, then humanized (`01-hello-world.md` -> `Hello World`). */
export function titleFromFileName(fileName: string, stripPrefix = true): string {
  const stem = stripDocExtension(fileName);
  return humanize(stripPrefix ? stripNumberPrefix(stem) : stem);
}
