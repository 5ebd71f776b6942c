import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bbjEnricher } from '../../../src/plugins/bbj/index.js';

const source = (generationTag: string) => ({ name: 's', parser: 'mdx', paths: [], generationTag });

test('generation_tag typos are validation problems instead of a silent fallback to the rules', () => {
  for (const ok of ['auto', '', 'bbj', 'dwc', 'bbj_gui, dwc', 'bbj-gui', 'DWC']) assert.deepEqual(bbjEnricher.validateSource!(source(ok)), [], ok);
  assert.match(bbjEnricher.validateSource!(source('dwcc'))[0]!, /generation_tag "dwcc": "dwcc" is not a generation/);
  assert.match(bbjEnricher.validateSource!(source('dwc, untagged'))[0]!, /"untagged" is not a generation/);
});
