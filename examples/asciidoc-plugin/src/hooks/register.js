// The `bbj:register` hook (declared in package.json under oclif.hooks): bbj-rag calls it at
// start-up and registers what it returns. Descriptors are plain objects checked by shape;
// apiVersion 1 is the plugin API this plugin was written for.
import { asciidocParser } from '../asciidoc-parser.js';

/** @type {import('bbj-rag/plugin').RegisterHook} */
export default async function register() {
  return [{ apiVersion: 1, kind: 'parser', parser: asciidocParser }];
}
