import { stripDocExtension, stripNumberPrefix } from '../../plugin-api.js';

export { stripDocExtension, stripNumberPrefix } from '../../plugin-api.js';

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
