import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DocumentSchema, type DocumentInput } from '../../../src/core/contracts/document.js';
import type { SourceInfo } from '../../../src/core/contracts/parser.js';
import { bbjEnricher } from '../../../src/plugins/bbj/index.js';
import { parseGenerationTag } from '../../../src/plugins/bbj/generation-tag.js';
import { DOC_TYPES, GENERATIONS, LIFECYCLES } from '../../../src/plugins/bbj/vocabulary.js';

const source = (generationTag = 'auto', extra: Partial<SourceInfo> = {}): SourceInfo => ({ name: 's', parser: 'flare', paths: [], generationTag, ...extra });
const enrich = (input: DocumentInput, src = source()) => bbjEnricher.enrich(DocumentSchema.parse(input), src);

// A Flare topic as the reference's parser emitted it: doc_type `flare`, lifecycle inside generations.
// Text of BBjGrid::getInterspace (com.basis.bbj.proxies.sysgui.json).
const flareTopic: DocumentInput = {
  key: 'gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm',
  sourceUrl: 'flare://Content/gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm',
  title: 'BBjGrid::getInterspace',
  content: 'In BBj 5.0 and higher, this method is deprecated; use getHorizontalCellSpacing().\n\n## Syntax\n\nReturn Value | Method\n\n## Description\n\nReturns the interspace.',
  docType: 'flare',
  generations: ['bbj', 'deprecated'],
  metadata: { conditions: 'Primary.BASISHelp,Primary.Deprecated' },
};

describe('bbj enricher', () => {
  test('Flare topic: rules run, parser labels replaced, lifecycle out of generations', () => {
    const doc = enrich(flareTopic);
    assert.deepEqual(doc.generations, ['bbj_gui']);
    assert.equal(doc.docType, 'api-reference');
    assert.equal(doc.deprecated, true);
    assert.equal(doc.metadata.lifecycle, 'deprecated');
    assert.equal(doc.sourceType, 'BASIS BBj Documentation');
    assert.equal(doc.displayUrl, 'https://documentation.basis.cloud/BASISHelp/WebHelp/gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm');
    assert.equal(doc.metadata.topic_path, 'gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm');
  });
  test('conditions given as an array work like the comma string', () => {
    const doc = enrich({ ...flareTopic, metadata: { conditions: ['Primary.Superseded'] } });
    assert.equal(doc.metadata.lifecycle, 'superseded');
    assert.equal(doc.deprecated, true);
  });
  test('every lifecycle state of the vocabulary moves out of parser generations, listed most severe first', () => {
    const doc = enrich({ ...flareTopic, title: 'Plain topic', content: 'Text.', metadata: {}, generations: ['bbj_gui', ...[...LIFECYCLES].reverse()] });
    assert.deepEqual(doc.generations, ['bbj_gui']);
    assert.equal(doc.metadata.lifecycle, LIFECYCLES[0]);
    assert.deepEqual(doc.metadata.lifecycle_all, [...LIFECYCLES]);
  });
  test('not implemented is a lifecycle state but not deprecated', () => {
    const doc = enrich({ ...flareTopic, content: 'Adds a thing.', generations: [], metadata: { conditions: 'Primary.NotImplemented' } });
    assert.equal(doc.metadata.lifecycle, 'not_implemented');
    assert.equal(doc.deprecated, false);
  });
  test('web page: topic path from metadata.topic_path (the crawl sets it from its URL)', () => {
    const doc = enrich({ key: 'u', sourceUrl: 'https://documentation.basis.cloud/BASISHelp/WebHelp/dwc/DWC_Overview.htm', content: 'Overview.', docType: 'web_crawl', metadata: { topic_path: 'dwc/DWC_Overview.htm' } });
    assert.deepEqual(doc.generations, ['dwc']);
    assert.ok((DOC_TYPES as readonly string[]).includes(doc.docType));
    assert.equal(doc.displayUrl, 'https://documentation.basis.cloud/BASISHelp/WebHelp/dwc/DWC_Overview.htm');
  });
  test('javadoc class: parser doc type and display URL kept; generation from its help link', () => {
    const doc = enrich({ key: 'BBjWindow', sourceUrl: 'bbj_api://BBjWindow', title: 'BBjWindow', content: 'A BBjWindow is an object that provides an interface to a GUI window.', docType: 'api-reference', displayUrl: 'https://documentation.basis.cloud/BASISHelp/WebHelp/bbjobjects/Window/bbjwindow/bbjwindow.htm' });
    assert.equal(doc.docType, 'api-reference');
    assert.equal(doc.displayUrl, 'https://documentation.basis.cloud/BASISHelp/WebHelp/bbjobjects/Window/bbjwindow/bbjwindow.htm');
    assert.deepEqual(doc.generations, ['bbj_gui']);
    assert.equal(doc.sourceType, 'BBj API Reference');
  });
  test('source generation_tag forces generations; a list is allowed', () => {
    assert.deepEqual(enrich(flareTopic, source('dwc')).generations, ['dwc']);
    assert.deepEqual(enrich(flareTopic, source('dwc, bbj_gui')).generations, ['bbj_gui', 'dwc']);
    assert.equal(enrich(flareTopic, source('dwc')).metadata.generation_basis, 'source');
  });
  test('legacy generation_tag "bbj" and unknown values mean auto', () => {
    assert.deepEqual(parseGenerationTag('bbj'), { mode: 'auto' });
    assert.deepEqual(parseGenerationTag('nonsense'), { mode: 'auto' });
    assert.deepEqual(parseGenerationTag('bbj-gui'), { mode: 'force', generations: ['bbj_gui'] });
    assert.deepEqual(enrich(flareTopic, source('bbj')).generations, ['bbj_gui']);
  });
  test('valid parser generations are kept over the rules', () => {
    const doc = enrich({ ...flareTopic, generations: ['character'] });
    assert.deepEqual(doc.generations, ['character']);
    assert.equal(doc.metadata.generation_basis, 'parser');
  });
  test('per-source label and display base win over the BBj defaults; a document value wins over both', () => {
    const src = source('auto', { label: 'My Help', displayBaseUrl: 'https://help.example.org/' });
    const doc = enrich(flareTopic, src);
    assert.equal(doc.sourceType, 'My Help');
    assert.equal(doc.displayUrl, 'https://help.example.org/gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm');
    assert.equal(enrich({ ...flareTopic, sourceType: 'Given', displayUrl: 'https://x.example/' }, src).displayUrl, 'https://x.example/');
  });
  test('outputs stay inside the vocabularies', () => {
    for (const input of [flareTopic, { ...flareTopic, docType: 'nonsense', generations: ['em', 'bdt', 'not_implemented'] }]) {
      const doc = enrich(input);
      assert.ok((DOC_TYPES as readonly string[]).includes(doc.docType));
      for (const g of doc.generations) assert.ok((GENERATIONS as readonly string[]).includes(g), g);
    }
  });
  test('has a version for fingerprints', () => {
    assert.match(bbjEnricher.version, /^\d+$/);
    assert.equal(bbjEnricher.name, 'bbj');
  });
});
