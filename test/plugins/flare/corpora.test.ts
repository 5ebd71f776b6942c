import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { DocumentInput } from '../../../src/core/contracts/index.js';
import { corporaDir } from '../../helpers/paths.js';
import { runParse } from './parser-context.js';
import type { ParseRun } from './parser-context.js';

/** Content-relative paths (lower-cased) that some `.fltoc` links and that exist as topic files, read with a plain regex. */
function tocLinkedTopics(root: string): Set<string> {
  const tocDir = path.join(root, 'Project', 'TOCs');
  const onDisk = new Map(
    (readdirSync(path.join(root, 'Content'), { recursive: true }) as string[]).map((f) => [f.split(path.sep).join('/').toLowerCase(), f]),
  );
  const linked = new Set<string>();
  for (const name of readdirSync(tocDir).filter((n) => n.endsWith('.fltoc'))) {
    for (const m of readFileSync(path.join(tocDir, name), 'utf8').matchAll(/Link="\/Content\/([^"#]+)/g)) {
      const rel = decodeURIComponent(m[1]).toLowerCase();
      if (/\.html?$/.test(rel) && onDisk.has(rel)) linked.add(rel);
    }
  }
  return linked;
}

function report(t: { diagnostic(msg: string): void }, name: string, run: ParseRun): void {
  const reasons = new Map<string, number>();
  for (const s of run.skipped) reasons.set(s.reason, (reasons.get(s.reason) ?? 0) + 1);
  t.diagnostic(
    `${name}: ${run.docs.length} topics yielded, ${run.skipped.length} skipped ${JSON.stringify(Object.fromEntries(reasons))}; ` +
      `${run.seconds.toFixed(1)} s wall (${(run.docs.length / run.seconds).toFixed(0)} docs/s), ${run.cpuSeconds.toFixed(1)} s CPU ` +
      `(${(run.docs.length / run.cpuSeconds).toFixed(0)} docs/CPU-s), peak RSS ${(run.peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
}

function doc(run: ParseRun, key: string): DocumentInput {
  const found = run.docs.find((d) => d.key === key);
  assert.ok(found, `${key} was yielded`);
  return found;
}

function checkCommon(root: string, run: ParseRun): void {
  const linked = tocLinkedTopics(root);
  const linkedDocs = run.docs.filter((d) => linked.has(d.key.toLowerCase()));
  const withCrumb = linkedDocs.filter((d) => d.metadata?.toc === true && (d.breadcrumb?.length ?? 0) > 0);
  assert.ok(linkedDocs.length >= linked.size * 0.99, `TOC-linked topics yielded: ${linkedDocs.length} of ${linked.size}`);
  assert.ok(withCrumb.length >= linked.size * 0.99, `TOC breadcrumbs: ${withCrumb.length} of ${linked.size} linked topics`);
  for (const d of run.docs) {
    for (const u of (d.metadata?.unresolved_snippets as string[] | undefined) ?? []) {
      if (/circular snippet/.test(u)) continue;
      const target = u.split(' from ')[0];
      assert.ok(!existsSync(path.join(root, 'Content', target)), `${d.key}: snippet ${target} exists on disk but was not resolved`);
    }
    const leftover = /<\/?MadCap:[^>]*>|\[%=[^%]*%\]/.exec(d.content);
    assert.ok(!leftover, `${d.key} still holds MadCap markup: ${leftover?.[0]}`);
    assert.equal(d.sourceUrl, `flare://Content/${d.key}`);
  }
  const keys = new Set(run.docs.map((d) => d.key));
  assert.equal(keys.size, run.docs.length, 'keys are unique');
  for (const s of run.skipped) assert.ok(s.item && s.reason, 'every skip names the file and the reason');
}

describe('flare parser on flare-laserfiche-cloud (real project, CC-BY-4.0)', async () => {
  const root = path.join(corporaDir, 'flare-laserfiche-cloud');
  const run = await runParse([root]);

  test('all topics parse; TOC breadcrumbs, snippets and markup resolved', (t) => {
    report(t, 'flare-laserfiche-cloud', run);
    assert.ok(run.docs.length >= 670, `${run.docs.length} topics`);
    assert.ok(run.peakRss < 1024 * 2 ** 20);
    checkCommon(root, run);
  });

  test('nested list keeps numbering and indentation (Links.htm)', () => {
    const c = doc(run, 'Links.htm').content;
    assert.match(c, /\n4\. To create a link, remove a link[^\n]*\n {3}- To create a link between this document/);
  });

  test('a cross-reference keeps its text and the sentence its punctuation (Records-Management-Administration.htm)', () => {
    assert.match(doc(run, 'Records-Management-Administration.htm').content, /For more information, see Security\./);
  });

  test('toggler text stays in its sentence (sso.htm)', () => {
    assert.match(doc(run, 'sso.htm').content, /choose the Enter data about the relying party manually option/);
  });

  test('variables resolve from Project/VariableSets (2022.04.htm)', () => {
    const d = doc(run, '2022.04.htm');
    assert.match(d.content, /The Laserfiche Cloud April 2022 update/);
    assert.equal(d.metadata?.unresolved_variables, undefined);
  });

  test('linked-title TOC entries take the topic title; nested RPA TOC sits under its entry', () => {
    const rpa = doc(run, 'Resources/RPA/Getting-Started-with-RPA.htm');
    assert.deepEqual(rpa.breadcrumb?.slice(-2), ['Bots', 'Getting Started with Bots']);
    assert.equal(rpa.metadata?.toc_file, 'Master');
  });

  test('the HTML5 target SideNav (MasterToc Master.fltoc, like the project) is the one chosen, not the blog target', () => {
    assert.equal(doc(run, 'Resources/RPA/Getting-Started-with-RPA.htm').metadata?.target, 'SideNav');
  });
});

describe('flare parser on flare-liquibase (real project, read in place)', async () => {
  const root = path.join(corporaDir, 'flare-liquibase');
  const run = await runParse([root]);

  test('all topics parse; TOC breadcrumbs, snippets and markup resolved', (t) => {
    report(t, 'flare-liquibase', run);
    assert.ok(run.docs.length >= 800, `${run.docs.length} topics`);
    assert.ok(run.docs.some((d) => d.key.endsWith('.html')), '.html topics are read');
    assert.ok(run.peakRss < 1024 * 2 ** 20);
    checkCommon(root, run);
  });

  test('snippets, variables, tables and language fences on a real topic (change-types/execute-command.html)', () => {
    const d = doc(run, 'change-types/execute-command.html');
    assert.equal(d.title, 'executeCommand', 'head title is the Heading.Level1 variable');
    assert.deepEqual(d.breadcrumb, ['Change Types', 'Miscellaneous', 'executeCommand']);
    assert.match(d.content, /The `executeCommand` Change Type executes a system command\./);
    assert.match(d.content, /\| Name \| Description \| Required for \| Supports \|\n\| --- \| --- \| --- \| --- \|\n\| `executable` \| The name of the executable to run \| all \| all \|/);
    assert.match(d.content, /3\. Deploy your changeset by running the `update` command:\n\n {3}```\n {3}liquibase update\n {3}```/);
    assert.match(d.content, /```yaml\ndatabaseChangeLog:/);
    assert.match(d.content, /```json\n\{/);
    assert.ok((d.metadata?.snippets as number) >= 1);
  });

  test('drop-downs keep head and body; the snippet tag expression picks the psql variant (postgresql-psql.htm)', () => {
    const c = doc(run, 'liquibase-pro/native-executors/postgresql-psql.htm').content;
    assert.match(c, /\*\*Windows\*\*\n\n {4}```\n {4}set JAVA_OPTS=-Dliquibase\.psql\.<option>=<value> && liquibase <command> --changelog-file=my_script\.sql\n/);
    assert.match(c, /\*\*macOS\/Linux\*\*/);
    assert.doesNotMatch(c, /Dliquibase\.(mongosh|sqlcmd|sqlplus)/);
  });

  test('every code block of a Flare code snippet is kept with its language (cpc-get-config-value.htm)', () => {
    const c = doc(run, 'liquibase-pro/policy-checks/custom-policy-checks/cpc-get-config-value.htm').content;
    const fences = c.match(/```python\n/g) ?? [];
    assert.ok(fences.length >= 2, `${fences.length} python blocks`);
    assert.match(c, /Custom policy check Python script with the Get config value/);
  });

  test('display URLs follow the HTML5-PRO target: content at root, lower case, .html; breadcrumbs from its TOC.fltoc', async () => {
    const online = await runParse([root], {}, 'https://docs.liquibase.com/');
    const d = online.docs.find((x) => x.key === 'liquibase-pro/native-executors/postgresql-psql.htm');
    assert.equal(d?.displayUrl, 'https://docs.liquibase.com/liquibase-pro/native-executors/postgresql-psql.html');
    assert.equal(d?.metadata?.target, 'HTML5-PRO');
    const placed = online.docs.filter((x) => x.metadata?.toc === true);
    const fromMaster = placed.filter((x) => x.metadata?.toc_file === 'TOC').length;
    assert.ok(fromMaster >= placed.length * 0.97, `${fromMaster} of ${placed.length} placed by the master TOC`);
    assert.ok(online.docs.every((x) => x.displayUrl === x.displayUrl?.toLowerCase()), 'MakeFileLowerCase');
  });

  test('Z_Resources (templates, generated files) is not read as topics', () => {
    assert.ok(!run.docs.some((d) => d.key.startsWith('Z_Resources/')));
  });
});
