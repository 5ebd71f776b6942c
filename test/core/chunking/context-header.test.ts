import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContextHeader } from '../../../src/core/chunking/context-header.js';

const cases: { name: string; breadcrumb: string[]; title: string; headings: string[]; expected: string }[] = [
  { name: 'breadcrumb, title and headings', breadcrumb: ['Language', 'BBjAPI', 'BBjWindow'], title: 'addButton', headings: ['Parameters'], expected: 'Language > BBjAPI > BBjWindow > addButton > Parameters' },
  { name: 'title equal to the last breadcrumb segment is not repeated', breadcrumb: ['A', 'B', 'C'], title: 'C', headings: [], expected: 'A > B > C' },
  { name: 'segment-aware: "BC" does not end with "C"', breadcrumb: ['A', 'BC'], title: 'C', headings: [], expected: 'A > BC > C' },
  { name: 'title equal to an earlier segment is kept', breadcrumb: ['C', 'B'], title: 'C', headings: [], expected: 'C > B > C' },
  { name: 'leading H1 repeating the title is dropped', breadcrumb: ['Guide'], title: 'Intro', headings: ['Intro', 'Setup'], expected: 'Guide > Intro > Setup' },
  { name: 'only a leading heading is dropped', breadcrumb: [], title: 'Intro', headings: ['Setup', 'Intro'], expected: 'Intro > Setup > Intro' },
  { name: 'no breadcrumb', breadcrumb: [], title: 'MyPage', headings: ['Parameters'], expected: 'MyPage > Parameters' },
  { name: 'heading path with parents', breadcrumb: [], title: '', headings: ['A', 'B', 'C'], expected: 'A > B > C' },
  { name: 'empty parts skipped and everything trimmed', breadcrumb: [' X ', '', '  '], title: '  T ', headings: ['', ' H '], expected: 'X > T > H' },
  { name: 'all empty', breadcrumb: [], title: '', headings: [], expected: '' },
];

for (const c of cases) {
  test(`context header: ${c.name}`, () => {
    assert.equal(buildContextHeader(c.breadcrumb, c.title, c.headings), c.expected);
  });
}
