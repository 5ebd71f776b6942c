import path from 'node:path';
import { corporaDir } from '../helpers/paths.js';
import type { TestSource } from '../helpers/test-config.js';

/** The three Docusaurus tutorials of the BBj corpus, each under its own source_url scheme. */
export const MDX_SOURCES: TestSource[] = [
  { name: 'mdx-dwc', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-dwc-course', 'docs')], label: 'DWC Tutorial', displayUrl: 'https://basishub.github.io/DWC-Course/' },
  { name: 'mdx-beginner', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-bbj-beginner-course', 'docs')], label: 'BBj Beginner Tutorial' },
  { name: 'mdx-db-modernization', parser: 'mdx', paths: [path.join(corporaDir, 'mdx-bbjgridexwidget-docs', 'docs')], label: 'DB Modernization Guide' },
];
