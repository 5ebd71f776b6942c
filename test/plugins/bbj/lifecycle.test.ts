import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLifecycle } from '../../../src/plugins/bbj/lifecycle.js';

const detect = (title: string, prose: string, conditions: string[] = []) => detectLifecycle({ title, prose, conditions });

describe('lifecycle', () => {
  test('Flare lifecycle conditions (reference §3.3 distribution: Deprecated 108, NotImplemented 49, Superseded ~35)', () => {
    assert.deepEqual(detect('x', 'Text.', ['Primary.BASISHelp', 'Primary.Deprecated']), ['deprecated']);
    assert.deepEqual(detect('x', 'Text.', ['Primary.Superseded']), ['superseded']);
    assert.deepEqual(detect('x', 'Text.', ['Primary.NotImplemented']), ['not_implemented']);
  });
  test('lead statement: BBjGrid::getInterspace (com.basis.bbj.proxies.sysgui.json)', () => {
    assert.deepEqual(detect('BBjGrid::getInterspace', 'In BBj 5.0 and higher, this method is deprecated; use getHorizontalCellSpacing().'), ['deprecated']);
  });
  test('title words', () => {
    assert.deepEqual(detect('BBjGrid::getInterspace (Deprecated)', 'Text.'), ['deprecated']);
    assert.deepEqual(detect('Old verb (Superseded)', 'Text.'), ['superseded']);
  });
  test('"superseded by" in the lead', () => {
    assert.deepEqual(detect('x', 'This verb has been superseded by the new one.'), ['superseded']);
  });
  test('a deprecated method deep in a class card does not retire the class', () => {
    const card = 'A BBjGrid is a grid control.\n\n## Methods\n\n### getInterspace()\n\nIn BBj 5.0 and higher, this method is deprecated.';
    assert.deepEqual(detect('BBjGrid', card), []);
  });
  test('mentioning the word in passing is not a lifecycle statement', () => {
    assert.deepEqual(detect('BBjGrid::getHorizontalCellSpacing', 'Replaces the deprecated getInterspace method.'), []);
  });
});
