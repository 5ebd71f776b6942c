import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { detectGenerations, generationSignals, resolveGenerations } from '../../../src/plugins/bbj/generations.js';
import { scanMarkdown } from '../../../src/plugins/bbj/markdown-scan.js';

const tag = (topicPath: string, content = 'Text.', conditions: string[] = []) =>
  detectGenerations({ topicPath, conditions, parts: scanMarkdown(content) });

describe('generation rules: path prefixes (reference §4.2)', () => {
  // Topic paths of real BBj help pages, taken from the [Docs](...) links and hrefs in
  // ../shared/corpora/javadoc-json-bbj/examples/javadoc/*.json and the MDX courses.
  const real: Array<[string, string, string]> = [
    ['bbjobjects/Window/bbjwindow/bbjwindow.htm', 'bbj_gui', 'com.basis.bbj.proxies.sysgui.json BBjWindow'],
    ['bbjevents/BBjMouseEvent/bbjmouseevent.htm', 'bbj_gui', 'com.basis.bbj.proxies.event.json'],
    ['bbjinterfaces/IF_TextControl/interface_textcontrol.htm', 'bbj_gui', 'com.basis.bbj.proxies.sysgui.json'],
    ['gridmethods/bbjgrid/rowsandcolumns/bbjgrid_getinterspace.htm', 'bbj_gui', 'sysgui.json BBjGrid.getInterspace'],
    ['gridctrl/Working_with_Java_Arrays.htm', 'bbj_gui', 'javadoc docu link'],
    ['bui/BBjBuiManager/bbjbuimanager.htm', 'bbj_gui', 'com.basis.bbj.proxies.json'],
    ['mnemonic/sysgui/track_mn_toggle_tracking_on_off.htm', 'bbj_gui', 'sysgui.json BBjWindow::setTrack href'],
    ['commands/bbj-commands/info_function_bbj.htm', 'bbj_gui', 'javadoc docu link: override beats commands/'],
    ['commands/bbj-variables/tim_variable_bbj.htm', 'bbj_gui', 'sysgui.json href: override beats commands/'],
    ['dwc/DWC_Overview.htm', 'dwc', 'mdx-basishub-courses-sample link'],
    ['commands/remove_verb.htm', 'all', 'javadoc docu link'],
    ['events/cellchange_grid_notify_event.htm', 'all', 'sysgui.json href'],
    ['sysadmin/config/the_config_bbx_configuration_file_bbj_spec.htm', 'all', 'javadoc docu link'],
    ['usr/BBjDataDictionary.htm', 'all', 'javadoc docu link'],
    ['b3odbc/BBjLDAPEntry/bbjldapentry.htm', 'all', 'com.basis.bbj.proxies.ldap.json'],
    ['bbutil/BBj_Plugin_Manager.htm', 'all', 'javadoc docu link'],
  ];
  for (const [path, expected, from] of real) {
    test(`${path} -> ${expected} (${from})`, () => assert.deepEqual(tag(path), [expected]));
  }

  // No topic under these prefixes exists in ../shared/corpora: the prefixes themselves come
  // from reference §4.2 and each is checked so a typo in the table fails.
  const ruleOnly: Array<[string, string]> = [
    ['appbuildingblocks/x.htm', 'bbj_gui'],
    ['mnemonic/terminal/x.htm', 'character'],
    ['guibuild/x.htm', 'vpro5'],
    ['formbuilder/x.htm', 'vpro5'],
    ['resbuild/x.htm', 'vpro5'],
    ['rescomp/x.htm', 'vpro5'],
    ['resprops/x.htm', 'vpro5'],
    ['ddbuild/x.htm', 'vpro5'],
    ['sendmsg/x.htm', 'all'],
    ['config/x.htm', 'all'],
    ['dataserv/x.htm', 'all'],
    ['util/x.htm', 'all'],
    ['eus/x.htm', 'all'],
  ];
  for (const [path, expected] of ruleOnly) test(`${path} -> ${expected}`, () => assert.deepEqual(tag(path), [expected]));

  test('prefixes are whole segments and case-sensitive: utils/ is not util/ (real link utils/Dashboard/GridExWidget.html)', () => {
    assert.deepEqual(tag('utils/Dashboard/GridExWidget.html'), ['untagged']);
    assert.deepEqual(tag('BBjObjects/Window/x.htm'), ['untagged']);
  });
});

describe('generation rules: Flare conditions', () => {
  test('vpro5 and all conditions (names from the BBj help condition set, reference §3.3)', () => {
    assert.deepEqual(tag('', 'Text.', ['Primary.guibuild_chm']), ['vpro5']);
    assert.deepEqual(tag('', 'Text.', ['Primary.resbuild_chm']), ['vpro5']);
    assert.deepEqual(tag('', 'Text.', ['Primary.ddbuild_chm']), ['vpro5']);
    assert.deepEqual(tag('', 'Text.', ['Primary.config_chm']), ['all']);
    assert.deepEqual(tag('', 'Text.', ['Primary.EMHelp']), ['all']);
    assert.deepEqual(tag('', 'Text.', ['Primary.BDTHelp']), ['all']);
  });
  test('BASISHelp and lifecycle conditions are not generation signals', () => {
    assert.deepEqual(tag('', 'Text.', ['Primary.BASISHelp', 'Primary.Deprecated', 'Primary.Superseded', 'Primary.NotImplemented']), ['untagged']);
  });
  test('conditions of a real non-BBj Flare topic signal nothing (flare-laserfiche-cloud/Content/Snapshot/device_settings_tab.htm)', () => {
    assert.deepEqual(tag('Snapshot/device_settings_tab.htm', 'Text.', ['Primary.Online', 'Primary.Print', 'Primary.Snapshot', 'Primary.NeedsReview']), ['untagged']);
  });
});

describe('generation rules: content patterns', () => {
  test('bbj_gui prose: SysGui (mdx-basishub-courses-sample .../01-getting-started/08-more-hints.mdx)', () => {
    assert.deepEqual(tag('', 'Have a look at the documentation page of [addWindow](https://documentation.basis.cloud/BASISHelp/WebHelp/bbjobjects/SysGui/bbjsysgui/bbjsysgui_addwindow.htm) and find the flag'), ['bbj_gui']);
  });
  test('dwc prose: "Dynamic Web Client (DWC)" (mdx-dwc-course/README.md)', () => {
    assert.deepEqual(tag('', 'A comprehensive 12-chapter training curriculum for BBj Dynamic Web Client (DWC) development.'), ['dwc']);
  });
  test('dwc prose: web component (mdx-dwc-course/docs/10-embedding-components/index.md)', () => {
    assert.deepEqual(tag('', 'Slots allow you to insert content into specific locations within web components.'), ['dwc']);
  });
  test('the word DWC is case-sensitive and whole-word', () => {
    assert.deepEqual(tag('', 'The dwcj project and the dwc folder.'), ['untagged']);
  });
  test('vpro5 prose: "Visual PRO/5" (com.basis.bbj.proxies.sysgui.json copyright line)', () => {
    assert.deepEqual(tag('', 'BBj®, Barista® Application Framework, Visual PRO/5®, PRO/5®, and BBx® are registered trademarks'), ['vpro5']);
  });
  test('vpro5 prose: GUIBuilder (BBjAppLayout/demo/layout-with-menubar.bbj menu text "About GUIBuilder")', () => {
    assert.deepEqual(tag('', 'About GUIBuilder'), ['vpro5']);
  });
  test('character prose (no BBj character-mode topic in ../shared; patterns from reference §4.2)', () => {
    assert.deepEqual(tag('', 'Runs in character mode on a terminal emulator or green screen.'), ['character']);
  });
  test('patterns inside code fences are not prose signals', () => {
    assert.deepEqual(tag('', 'Intro.\n\n```text\nDynamic Web Client\n```'), ['untagged']);
  });
});

describe('generation rules: BBj code', () => {
  test('DWC-only API in code -> dwc, not bbj_gui (BBj-Plugins+BBjToast/BBjToast.bbj)', () => {
    const code = '```bbj\n  FIELD private BBjWebComponent WebComponent!\n    #WebComponent! = wnd!.addWebComponent("dwc-toast")\n    wnd!.setCallback(x, "h")\n```';
    assert.deepEqual(tag('', code), ['dwc']);
  });
  test('GUI API in code -> bbj_gui (BasisHub+ChileTrading/menu/Login.bbj)', () => {
    assert.deepEqual(tag('', '```bbj\n    field private static BBjSysGui      SysGui! = BBjAPI().openSysGui("X0")\n```'), ['bbj_gui']);
  });
  test('plain BBx code with no other signal -> all (BasisHub+util/convert/tbred/bxrcv.src)', () => {
    assert.deepEqual(tag('', '```bbj\nOPEN (7,ERR=L180)INFILE$; GOTO L190\nL180: PRINT \'RB\',"CAN\'T OPEN ",INFILE$; GOTO L150\n```'), ['all']);
  });
  test('plain code does not add all when the path already decided', () => {
    assert.deepEqual(tag('usr/Files/mkeyed_files.htm', '```bbj\nOPEN (7)"file"\n```'), ['all']);
    assert.deepEqual(tag('dwc/DWC_Overview.htm', '```bbj\nOPEN (7)"file"\n```'), ['dwc']);
  });
});

describe('resolution', () => {
  test('union of all signalled generations, sorted', () => {
    const signals = generationSignals({ topicPath: 'bbjobjects/Window/bbjwindow/bbjwindow.htm', conditions: ['Primary.EMHelp'], parts: scanMarkdown('Works in the Dynamic Web Client too.') });
    assert.deepEqual(resolveGenerations(signals), ['all', 'bbj_gui', 'dwc']);
    assert.ok(signals.some((s) => s.source === 'path:bbjobjects/'));
  });
  test('no signal -> untagged, never a silent default', () => {
    assert.deepEqual(resolveGenerations([]), ['untagged']);
  });
});
