import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DocumentInput } from '../../../src/core/contracts/document.js';
import { silentLogger } from '../../../src/core/contracts/logger.js';
import type { HttpClient } from '../../../src/core/contracts/http.js';
import type { ParserContext } from '../../../src/core/contracts/parser.js';
import { bbjSourceParser, DEFAULT_EXTENSIONS, DEFAULT_EXCLUDE, type BbjSourceOptions } from '../../../src/plugins/bbj-source/index.js';
import { DocumentSchema } from '../../../src/core/contracts/document.js';
import { chunkDocument } from '../../../src/core/chunking/chunker.js';
import { corporaDir, fixturesDir } from '../../helpers/paths.js';

const corpus = path.join(corporaDir, 'bbj-source');
const noHttp: HttpClient = { get: async (url) => ({ ok: false, url, reason: 'no network in tests' }) };

interface Run {
  docs: DocumentInput[];
  skipped: { item: string; reason: string }[];
}

async function run(paths: string[], options: Partial<BbjSourceOptions> = {}, dataDir = corporaDir, label?: string): Promise<Run> {
  const result: Run = { docs: [], skipped: [] };
  const ctx: ParserContext<BbjSourceOptions> = {
    source: { name: 'bbj-source', parser: 'bbj-source', paths, generationTag: 'auto', label },
    options: bbjSourceParser.optionsSchema.parse(options),
    dataDir,
    http: noHttp,
    log: silentLogger,
    progress: () => {},
    skip: (item, reason) => result.skipped.push({ item, reason }),
    unchanged: () => {},
    signal: new AbortController().signal,
  };
  for await (const doc of bbjSourceParser.parse(ctx)) result.docs.push(doc);
  return result;
}

/** Files under a directory with a wanted extension, counted independently of the parser. */
function countFiles(dir: string, exts: string[]): number {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && exts.includes(path.extname(e.name).toLowerCase())).length;
}
function filesUnder(dir: string, exts: string[]): number {
  return countFiles(dir, exts);
}

describe('bbj-source parser on ../shared/corpora/bbj-source', async () => {
  const all = await run([corpus]);

  test('every file yields a document or a stated reason', () => {
    const total = countFiles(corpus, DEFAULT_EXTENSIONS);
    const fileSkips = all.skipped.filter((s) => !s.reason.startsWith('excluded directory'));
    const excludedDirs = all.skipped.filter((s) => s.reason.startsWith('excluded directory'));
    const inExcluded = excludedDirs.reduce((n, s) => n + filesUnder(s.item, DEFAULT_EXTENSIONS), 0);
    assert.ok(total > 500, `corpus has ${total} files`);
    assert.equal(all.docs.length + fileSkips.length + inExcluded, total);
    for (const s of all.skipped) assert.ok(s.reason.length > 10, `reason for ${s.item}`);
  });

  test('keys and source URLs are unique and carry the configured path', () => {
    const keys = all.docs.map((d) => d.key);
    assert.equal(new Set(keys).size, keys.length);
    const signature = all.docs.find((d) => d.key === 'bbj-source/BBj-Plugins+BBjToast/BBjToast.bbj');
    assert.ok(signature);
    assert.equal(signature.sourceUrl, 'file://bbj-source/BBj-Plugins+BBjToast/BBjToast.bbj');
    assert.deepEqual(signature.breadcrumb, ['BBj Source Code', 'bbj-source', 'BBj-Plugins+BBjToast']);
    assert.equal(signature.title, 'BBjToast.bbj');
    assert.equal(signature.docType, '');
    assert.deepEqual(signature.generations, []);
  });

  test('Windows-1252 files read correctly (BBj-Plugins+BCMaintenanceWidget/lib/BaristaDemo.bbj)', () => {
    const doc = all.docs.find((d) => d.key.endsWith('BCMaintenanceWidget/lib/BaristaDemo.bbj'));
    assert.ok(doc);
    assert.equal(doc.metadata?.encoding, 'windows-1252');
    assert.ok(doc.content.includes('"BC wählen"'), 'ä decoded from 0xE4');
    const german = all.docs.find((d) => d.key.endsWith('BCBoundComponents/bound/ExportDialog.bbj'));
    assert.ok(german?.content.includes('rem TODO: außen vor lassen'));
    const latin = all.docs.filter((d) => d.metadata?.encoding === 'windows-1252');
    assert.ok(latin.length >= 5, `${latin.length} Windows-1252 files`);
    for (const d of all.docs) assert.ok(!d.content.includes('\uFFFD'), `U+FFFD in ${d.key}`);
  });

  test('the tokenized program is skipped with a reason', () => {
    const skip = all.skipped.find((s) => s.item.endsWith('BBjDocViewer/util/EnableDebugger.bbj'));
    assert.ok(skip);
    assert.match(skip.reason, /tokenized/);
  });

  test('prose with a BBj extension is skipped as not code (BasisHub+SignaturePad/_LICENSE_LICENSE.txt)', () => {
    const skip = all.skipped.find((s) => s.item.endsWith('_LICENSE_LICENSE.txt'));
    assert.ok(skip);
    assert.match(skip.reason, /not BBj code/);
  });

  test('vendored/build directories are excluded by default and reported', () => {
    assert.deepEqual(DEFAULT_EXCLUDE, ['node_modules', '.git', 'build', 'dist']);
    assert.ok(all.skipped.some((s) => s.item.endsWith(path.join('BasisHub+SignaturePad', 'dist')) && /excluded/.test(s.reason)));
    assert.ok(!all.docs.some((d) => d.key.includes('/dist/')));
  });

  test('header comments become the description (BasisHub+util/convert/tbred/bxrcv.src)', () => {
    const doc = all.docs.find((d) => d.key.endsWith('bxrcv.src'));
    assert.ok(doc);
    assert.match(String(doc.metadata?.header_comment), /RECEIVE PROGRAMS AND DATA/);
    assert.ok(doc.content.startsWith('- RECEIVE PROGRAMS AND DATA'));
    assert.equal(doc.metadata?.file_ext, '.src');
    assert.ok(Number(doc.metadata?.lines) > 100);
  });

  test('classes and methods become headings, each followed by its own bbj fence (BBj-Plugins+BBjToast/BBjToast.bbj)', () => {
    const doc = all.docs.find((d) => d.key.endsWith('BBjToast/BBjToast.bbj'))!;
    assert.ok(/^## class public BBjToast$/m.test(doc.content), 'class heading');
    assert.ok(/^### method public void close\(\)$/m.test(doc.content), 'method heading');
    const sections = doc.content.split(/^(?=#{2,3} )/m).filter((s) => /^### method /.test(s));
    assert.ok(sections.length > 10);
    for (const s of sections) {
      const body = /```bbj\n([\s\S]*?)\n```/.exec(s);
      assert.ok(body, `fence after ${s.split('\n')[0]}`);
      assert.equal(body[1].match(/^\s*METHOD\s/gim)?.length, 1, `one method in ${s.split('\n')[0]}`);
      assert.match(body[1], /METHODEND/i);
    }
  });

  test('line-numbered legacy code splits at labels (bxrcv.src)', () => {
    const doc = all.docs.find((d) => d.key.endsWith('bxrcv.src'))!;
    assert.ok(/^## label L\d+$/m.test(doc.content), 'label heading');
    const fences = doc.content.match(/^```bbj$/gm)?.length ?? 0;
    assert.equal(fences, (doc.content.match(/^## /gm)?.length ?? 0) + 1);
  });

  test('short programs stay one fence (BasisHub+SignaturePad/dist/Sample.bbj, exclude disabled)', async () => {
    const r = await run([path.join(corpus, 'BasisHub+SignaturePad')], { exclude: [] });
    const doc = r.docs.find((d) => d.key.endsWith('dist/Sample.bbj'));
    assert.ok(doc);
    assert.equal(doc.content.match(/^```bbj$/gm)?.length, 1);
    assert.ok(!/^#/m.test(doc.content));
  });

  test('two configured directories never collide (both hold Demo/Demo.bbj)', async () => {
    const a = path.join(corpus, 'BBj-Plugins+XInvoiceTools');
    const b = path.join(corpus, 'BBj-Plugins+BBjThread');
    const r = await run([a, b]);
    const demos = r.docs.filter((d) => d.key.endsWith('/Demo/Demo.bbj')).map((d) => d.sourceUrl);
    assert.equal(demos.length, 2);
    assert.notEqual(demos[0], demos[1]);
    assert.ok(demos.includes('file://bbj-source/BBj-Plugins+XInvoiceTools/Demo/Demo.bbj'));
  });

  test('extensions option limits the file types', async () => {
    const r = await run([path.join(corpus, 'BasisHub+ChileTrading')], { extensions: ['arc', '.PRC'] });
    assert.ok(r.docs.length > 0);
    assert.ok(r.docs.every((d) => ['.arc', '.prc'].includes(String(d.metadata?.file_ext))));
    assert.equal(r.docs.length + r.skipped.length, countFiles(path.join(corpus, 'BasisHub+ChileTrading'), ['.arc', '.prc']));
  });

  test('a single file path is accepted', async () => {
    const r = await run([path.join(corpus, 'BBj-Plugins+BBjToast', 'BBjToast.bbj')]);
    assert.equal(r.docs.length, 1);
    assert.equal(r.docs[0].key, 'bbj-source/BBj-Plugins+BBjToast/BBjToast.bbj');
  });
});

describe('bbj-source edge cases', () => {
  test('binary files, empty files and Markdown docs are skipped with reasons', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'bbj-src-'));
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', 'x.bbj'), 'print "vendored"\n');
    writeFileSync(path.join(dir, 'nul.bbj'), Buffer.from([0x70, 0x00, 0x72]));
    writeFileSync(path.join(dir, 'empty.bbj'), '\n\n');
    writeFileSync(path.join(dir, 'notes.txt'), '# Notes\n\n```bbj\nprint "x"\n```\n');
    writeFileSync(path.join(dir, 'ok.bbj'), 'rem remainder=1 is not a comment word\nprint "hi"\n');
    const r = await run([dir], {}, dir);
    const reasons = Object.fromEntries(r.skipped.map((s) => [path.basename(s.item), s.reason]));
    assert.match(reasons['nul.bbj'], /NUL/);
    assert.match(reasons['empty.bbj'], /empty/);
    assert.match(reasons['notes.txt'], /Markdown/);
    assert.match(reasons['node_modules'], /excluded/);
    assert.equal(r.docs.length, 1);
    assert.equal(r.docs[0].sourceUrl, 'file://ok.bbj');
    assert.equal(r.docs[0].metadata?.header_comment, 'remainder=1 is not a comment word');
  });

  test('prose using the words open and print is not code (the reference keyword filter accepted it)', async () => {
    const { notBbjCodeReason } = await import('../../../src/plugins/bbj-source/code-filter.js');
    // Lines of mdx-bbj-beginner-course/docs/file-io/index.md, without Markdown tables or fences.
    const prose = 'OPEN: Open a file on a channel.\nPrint the report when the file is open.\nUse PRINT to write a line to the channel and CLOSE to release it.\n';
    assert.match(notBbjCodeReason(prose) ?? '', /not BBj code/);
    assert.equal(notBbjCodeReason('OPEN (7,ERR=L180)INFILE$\nPRINT "done"\nCLOSE (7)\n'), undefined);
  });

  test('rem needs a word boundary in header comments', async () => {
    const { headerComment } = await import('../../../src/plugins/bbj-source/header-comment.js');
    assert.equal(headerComment('remainder=1\nrem not a header\n'), '');
    assert.equal(headerComment('\nREM /**\nREM  * Shows a toast.\nREM  */\nclass public X\n'), 'Shows a toast.');
  });

  test('validate reports a missing path', async () => {
    const ctx = {
      source: { name: 'src', parser: 'bbj-source', paths: ['/nonexistent/bbj'], generationTag: 'auto' },
      options: bbjSourceParser.optionsSchema.parse({}),
    } as unknown as ParserContext<BbjSourceOptions>;
    const issues = await bbjSourceParser.validate!(ctx);
    assert.equal(issues.length, 1);
    assert.match(issues[0].message, /\/nonexistent\/bbj/);
  });
});

describe('bbj-source: Barista callpoints, continuation lines, configured label (test/fixtures/bbj-source)', async () => {
  const dir = path.join(fixturesDir, 'bbj-source');
  const r = await run([dir], {}, fixturesDir, 'AddonSoftware Barista');
  const cdf = r.docs.find((d) => d.key === 'bbj-source/ARM_CUSTMAST.cdf');

  test('callpoint markers are section boundaries, headed by the event name, whatever the file length', () => {
    assert.ok(cdf);
    assert.deepEqual(cdf.content.match(/^#{2,3} .*$/gm), [
      '## callpoint ARM_CUSTMAST.AOPT-PYMT (additional option PYMT)',
      '## callpoint ARM_CUSTMAST.BSHO (before show form)',
      '## callpoint ARM_CUSTMAST.CUSTOMER_ID.AVAL (after validation)',
      '## callpoint ARM_CUSTMAST.BDEL (before record delete)',
      '## callpoint ARM_CUSTMAST.<CUSTOM>',
    ]);
    // Each heading is followed by its own fence, which starts with the marker line as written.
    for (const section of cdf.content.split(/^(?=## )/m).slice(1)) {
      const name = /^## callpoint (\S+)/.exec(section)![1];
      assert.match(section, new RegExp(`\\n\`\`\`bbj\\n\\[\\[${name.replace(/[.<>]/g, '\\$&')}\\]\\]\\n`));
    }
  });

  test('every chunk names the callpoint of each code line it holds (chunks of 60 tokens)', async () => {
    const source = (await import('node:fs')).readFileSync(path.join(dir, 'ARM_CUSTMAST.cdf'), 'utf8');
    const owners = new Map<string, Set<string>>();
    let current = '';
    for (const line of source.split('\n')) {
      current = /^\[\[(.+)\]\]$/.exec(line)?.[1] ?? current;
      if (line.trim()) owners.set(line.trim(), (owners.get(line.trim()) ?? new Set()).add(current));
    }
    const chunks = chunkDocument(DocumentSchema.parse(cdf), { maxTokens: 60, overlapTokens: 0 }, 'bbj-source');
    assert.ok(chunks.length >= 5, `${chunks.length} chunks`);
    let checked = 0;
    for (const c of chunks) {
      for (const line of c.content.split('\n')) {
        const names = owners.get(line.trim());
        if (!names || line.trim().startsWith('[[')) continue;
        checked++;
        assert.ok([...names].some((n) => c.content.includes(n)), `chunk ${c.ordinal} holds "${line.trim()}" of ${[...names].join('/')} without naming it:\n${c.content}`);
      }
    }
    assert.ok(checked >= 30, `${checked} code lines checked`);
  });

  test('a program whose statements continue on ":" lines is BBj code (it was skipped as not code)', async () => {
    const { notBbjCodeReason } = await import('../../../src/plugins/bbj-source/code-filter.js');
    const aon = r.docs.find((d) => d.key === 'bbj-source/arr_statement.aon');
    assert.ok(aon, JSON.stringify(r.skipped));
    assert.match(aon.content, /^:\s+@\(72\),aging\[0\]:m1\$$/m, 'continuation lines kept as written');
    assert.equal(aon.metadata?.header_comment, 'Customer statement print: one page per customer, aging in five buckets\nShape of AddonSoftware report programs: long statements over ":" lines');
    // Continuations never stand in for statements: a licence text with colons stays prose.
    assert.match(notBbjCodeReason('Terms:\n: the licensee may copy\n: the software freely\nNo warranty.\n') ?? '', /not BBj code/);
    assert.equal(r.skipped.length, 0, JSON.stringify(r.skipped));
    // AddonSoftware user functions and structured IFs without THEN are statements too.
    assert.equal(notBbjCodeReason('rem --- Date handling\n    def fndate$(q$)\n    q1$=""\n    if q1$="" q1$=q$\n    return q1$\n    fnend\n'), undefined);
  });

  test('the configured label heads the breadcrumb and so every chunk\'s context header', () => {
    for (const d of r.docs) assert.equal(d.breadcrumb?.[0], 'AddonSoftware Barista');
    const [first] = chunkDocument(DocumentSchema.parse(cdf), { maxTokens: 400, overlapTokens: 0 }, 'bbj-source');
    assert.match(first.contextHeader, /^AddonSoftware Barista/);
    assert.doesNotMatch(first.contextHeader, /BBj Source Code/);
  });
});
