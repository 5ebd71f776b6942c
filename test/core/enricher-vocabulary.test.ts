import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Enricher } from '../../src/core/contracts/enricher.js';
import { normaliseGenerationLabel } from '../../src/core/enricher-vocabulary.js';
import { bbjEnricher } from '../../src/plugins/bbj/index.js';

const plain: Enricher = { name: 'plain', version: '1', enrich: (doc) => doc };

describe('bbj search --generation reads the spelling from the enrichers, not from a plugin file', () => {
  test('without an enricher that knows the label, it is only trimmed', () => {
    assert.equal(normaliseGenerationLabel([], ' bbj-gui '), 'bbj-gui');
    assert.equal(normaliseGenerationLabel([plain], ' bbj-gui '), 'bbj-gui');
  });

  test('the BBj enricher stores bbj-gui as bbj_gui and leaves labels outside its vocabulary alone', () => {
    assert.equal(normaliseGenerationLabel([plain, bbjEnricher], 'BBj-GUI'), 'bbj_gui');
    assert.equal(normaliseGenerationLabel([bbjEnricher], 'custom-label'), 'custom-label');
  });
});
