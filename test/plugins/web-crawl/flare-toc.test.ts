import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDefineModule, readFlareToc, readFlareTocChunk, tocTopics } from '../../../src/plugins/web-crawl/flare-toc.js';

describe('Flare HTML5 TOC modules', () => {
  const toc = readFlareToc(
    "define({numchunks:2,prefix:'Default_Chunk',chunkstart:['/Content/a.htm','/Content/k.htm'],tree:{n:[{i:0,c:0,n:[{i:2,c:0},{i:3,c:0,n:[{i:4,c:1}]}]},{i:1,c:0,n:[{i:5,c:1},{i:6,c:1}]}]}});",
  );
  const chunk0 = readFlareTocChunk("define({'___':{i:[0,1],t:['Book A','Book \\'B\\''],b:['','']},'/Content/a.htm':{i:[2],t:['Topic A'],b:['']},'/Content/b.htm#part':{i:[3],t:['Topic B'],b:['']}});");
  const chunk1 = readFlareTocChunk("define({'/Content/k.htm':{i:[4,5],t:['Topic K','K again'],b:['','']},'/Content/a.htm':{i:[6],t:['A twice'],b:['']}});");

  test('the tree and chunks give every linked entry with books and its own title, in TOC order, first placement kept', () => {
    assert.deepEqual(tocTopics(toc, [chunk0, chunk1]), [
      { path: '/Content/a.htm', breadcrumb: ['Book A', 'Topic A'] },
      { path: '/Content/b.htm#part', breadcrumb: ['Book A', 'Topic B'] },
      { path: '/Content/k.htm', breadcrumb: ['Book A', 'Topic B', 'Topic K'] },
    ]);
  });

  test('a missing chunk loses only its entries; books still title their children', () => {
    assert.deepEqual(tocTopics(toc, [chunk0, {}]).map((t) => t.path), ['/Content/a.htm', '/Content/b.htm#part']);
  });

  test('modules are read as data, never evaluated', () => {
    const g = globalThis as { pwned?: boolean };
    assert.throws(() => parseDefineModule('define({a:(function(){globalThis.pwned=true})()});'));
    assert.equal(g.pwned, undefined);
    assert.throws(() => readFlareToc('define({numchunks:1,prefix:"../../etc/x",tree:{n:[]}});'), /prefix/);
    assert.throws(() => readFlareToc('var x = 1;'), /define/);
  });
});
