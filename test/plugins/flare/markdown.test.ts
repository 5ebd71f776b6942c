import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { convert, md } from './convert-helper.js';

describe('flare markdown: text is never lost or glued', () => {
  test('text directly in containers and tails after child elements are kept in order', () => {
    assert.equal(md('<div>Lead text<p>Para</p>tail text<div>inner</div>last</div>'), 'Lead text\n\nPara\n\ntail text\n\ninner\n\nlast');
  });
  test('inline joins keep words apart and add no space before punctuation', () => {
    assert.equal(md('<p>See <MadCap:xref href="a.htm">Foo</MadCap:xref>.</p>'), 'See Foo.');
    assert.equal(md('<p>Head<code>x</code>ing and <b>bold</b>, <i>it</i>!</p>'), 'Head`x`ing and **bold**, *it*!');
    assert.equal(md('<p>one<br/>two\n   three&#160;four</p>'), 'one\ntwo three four');
    assert.equal(md('<p>match <b>*.tif</b> files</p>'), 'match **\\*.tif** files');
    assert.equal(md('<p>use <code>a*b</code></p>'), 'use `a*b`');
  });
  test('links: absolute URLs become Markdown links, topic links keep their text', () => {
    assert.equal(md('<p>Go <a href="https://x.org/a b">there</a> or <a href="other.htm">here</a>.</p>'), 'Go [there](https://x.org/a%20b) or here.');
  });
});

describe('flare markdown: code', () => {
  test('pre/code with language-x class becomes a fenced block with that language', () => {
    assert.equal(md('<pre><code class="language-bbj">rem hi\n  print "x"\n</code></pre>'), '```bbj\nrem hi\n  print "x"\n```');
  });
  test('every code block of a Code_Table is kept, with the text around them', () => {
    const out = md(
      '<table class="TableStyle-Code_Table"><tr><td><p>Example 1</p><pre><code class="language-bbj">a=1</code></pre></td></tr>' +
        '<tr><td><pre><code class="language-bbj">b=2</code></pre><pre>c=3</pre></td></tr></table>',
    );
    assert.equal(out, 'Example 1\n\n```bbj\na=1\n```\n\n```bbj\nb=2\n```\n\n```\nc=3\n```');
  });
  test('consecutive p.Code lines form one code block; Flare codeSnippet keeps its language', () => {
    assert.equal(md('<p class="Code">a = 1</p><p class="Code">  print a</p><p>after</p>'), '```\na = 1\n  print a\n```\n\nafter');
    assert.equal(
      md('<MadCap:codeSnippet><MadCap:codeSnippetCopyButton /><MadCap:codeSnippetBody style="mc-code-lang: Python;">x = 1</MadCap:codeSnippetBody></MadCap:codeSnippet>'),
      '```python\nx = 1\n```',
    );
  });
  test('a fence is longer than any backtick run inside the code', () => {
    assert.equal(md('<pre>```inner```</pre>'), '````\n```inner```\n````');
  });
});

describe('flare markdown: MadCap elements', () => {
  test('drop-down head and body, toggler and expanding text are kept', () => {
    assert.equal(
      md('<MadCap:dropDown><MadCap:dropDownHead><MadCap:dropDownHotspot>Windows</MadCap:dropDownHotspot></MadCap:dropDownHead><MadCap:dropDownBody><p>Body text</p></MadCap:dropDownBody></MadCap:dropDown>'),
      '# Windows\n\nBody text',
    );
    assert.equal(md('<p>Click <MadCap:toggler targets="t1">Show more</MadCap:toggler> now.</p><p MadCap:targetName="t1">Hidden part</p>'), 'Click Show more now.\n\nHidden part');
    assert.equal(
      md('<p>A <MadCap:expanding><MadCap:expandingHead>term</MadCap:expandingHead><MadCap:expandingBody>explained here</MadCap:expandingBody></MadCap:expanding>.</p>'),
      'A term explained here.',
    );
  });
  test('keywords, concepts and proxies are dropped; unknown MadCap elements keep their content', () => {
    assert.equal(md('<p>Text<MadCap:keyword term="k" /><MadCap:concept term="c" /> <MadCap:futureThing>kept</MadCap:futureThing></p>'), 'Text kept');
  });
  test('variables resolve from the sets; snippet variables override them inside the snippet', () => {
    assert.equal(md('<p><MadCap:variable name="General.Product" /> rocks</p>', { variables: { 'General.Product': 'BBj' } }), 'BBj rocks');
    const t = convert('<p>x <MadCap:variable name="Nope.Missing" /></p>');
    assert.deepEqual([...t.stats.unresolvedVariables], ['Nope.Missing']);
  });
  test('snippets resolve relative to the referencing file, nested ones relative to the snippet, cycles are cut', () => {
    const t = convert('<MadCap:snippetBlock src="../Resources/Snippets/note.flsnp" /><p>tail <MadCap:snippetText src="../Resources/Snippets/short.flsnp" /></p>');
    assert.equal(
      t.content,
      'Note from the snippet.\n\nInner snippet resolved relative to its parent snippet.\n\nLoop start.\n\ntail inline **snippet** text',
    );
    assert.equal(t.stats.unresolvedSnippets.length, 1);
    assert.match(t.stats.unresolvedSnippets[0], /circular snippet/);
  });
  test('a snippet condition tag expression keeps only the chosen variant; snippet variables override', () => {
    const ref = (expr: string): string =>
      `<MadCap:snippetBlock src="../Resources/Snippets/variants.flsnp" MadCap:conditionTagExpression="${expr}" MadCap:snippetVariables="General.Command:update,;General.Other:x," />`;
    const vars = { variables: { 'General.Command': 'run' } };
    assert.equal(md(ref('include[fmt.cli]'), vars), 'Set update with --flag (always).');
    assert.equal(md(ref('include[fmt.env]'), vars), 'Set update with ENV_VAR (always).');
    assert.equal(md(ref('exclude[fmt.cli]'), vars), 'Set update with ENV_VAR (always).');
    assert.equal(md('<MadCap:snippetBlock src="../Resources/Snippets/variants.flsnp" />', vars), 'Set run with --flagENV_VAR (always).');
  });
  test('exclude_conditions removes inline conditional text', () => {
    const body =
      '<p>Run <MadCap:conditionalText MadCap:conditions="fmt.cli">--flag</MadCap:conditionalText><MadCap:conditionalText MadCap:conditions="fmt.env">ENV_VAR</MadCap:conditionalText></p>';
    assert.equal(md(body), 'Run --flagENV_VAR');
    assert.equal(md(body, { exclude: ['fmt.env'] }), 'Run --flag');
  });
});

describe('flare markdown: conditions', () => {
  test('topic and inline conditions are reported; excluded elements are removed', () => {
    const t = convert('<p>Keep</p><p MadCap:conditions="Primary.Internal">Drop</p><span MadCap:conditions="Primary.Other">inline</span>', {
      exclude: ['primary.internal'],
      rootAttrs: 'MadCap:conditions="Primary.BASISHelp, Primary.Deprecated"',
    });
    assert.equal(t.content, 'Keep\n\ninline');
    assert.deepEqual(t.conditions, ['Primary.BASISHelp', 'Primary.Deprecated']);
    assert.deepEqual([...t.stats.inlineConditions].sort(), ['Primary.Internal', 'Primary.Other']);
    assert.equal(t.stats.excludedElements, 1);
  });
});

describe('flare markdown: tables and lists', () => {
  test('tables become GFM tables with outer pipes, a header row and escaped pipes', () => {
    assert.equal(
      md('<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>a|b</td><td><code>x</code></td></tr><tr><td colspan="2">wide</td></tr></tbody></table>'),
      '| Name | Value |\n| --- | --- |\n| a\\|b | `x` |\n| wide | |',
    );
  });
  test('nested table rows stay in their cell and are not added to the outer table', () => {
    const out = md('<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><table><tr><td>n1</td><td>n2</td></tr></table></td></tr></table>');
    assert.equal(out, '| A | B |\n| --- | --- |\n| 1 | n1 / n2 |');
  });
  test('ordered lists count li only, honour start, and nest with indentation', () => {
    const out = md('<ol start="3"><li>three</li><p>stray</p><li>four<ul><li>sub a</li><li>sub b<ol><li>deep</li></ol></li></ul></li></ol>');
    assert.equal(out, '3. three\n\n   stray\n\n4. four\n   - sub a\n   - sub b\n     1. deep');
  });
  test('MadCap:continue continues the numbering of the previous ordered list', () => {
    assert.equal(md('<ol><li>a</li><li>b</li></ol><p>between</p><ol MadCap:continue="true"><li>c</li></ol>'), '1. a\n2. b\n\nbetween\n\n3. c');
  });
  test('a code block inside a list item is indented under the item', () => {
    assert.equal(md('<ol><li><p>Run:</p><pre><code class="language-shell">ls</code></pre></li><li>Done</li></ol>'), '1. Run:\n\n   ```shell\n   ls\n   ```\n\n2. Done');
  });
  test('text starting like Markdown syntax is escaped', () => {
    assert.equal(md('<p># not a heading</p><p>1. not a list</p>'), '\\# not a heading\n\n1\\. not a list');
  });
});

describe('flare markdown: drop-downs and togglers head their bodies', () => {
  const dd = (head: string, body: string): string =>
    `<MadCap:dropDown><MadCap:dropDownHead><MadCap:dropDownHotspot>${head}</MadCap:dropDownHotspot></MadCap:dropDownHead><MadCap:dropDownBody>${body}</MadCap:dropDownBody></MadCap:dropDown>`;
  test('a drop-down head is a heading one level below its section; sibling drop-downs stay siblings', () => {
    const out = md(`<h1>Variables</h1><p>Intro.</p>${dd('CASE_DEF_NAME', '<p>The case name.</p>')}${dd('CASE_ID', '<p>The id.</p>')}<h2>Next</h2><p>x</p>`);
    assert.equal(out, '# Variables\n\nIntro.\n\n## CASE_DEF_NAME\n\nThe case name.\n\n## CASE_ID\n\nThe id.\n\n## Next\n\nx');
  });
  test('headings inside the body move below the head, so "Returns" belongs to its drop-down', () => {
    const body = '<h3>Parameters</h3><p>p1</p><h3>Returns</h3><p>r1</p>';
    const out = md(`<h1>API</h1><h2>Methods</h2>${dd('getValue()', body)}${dd('setValue()', body)}`);
    assert.equal(
      out,
      '# API\n\n## Methods\n\n### getValue()\n\n#### Parameters\n\np1\n\n#### Returns\n\nr1\n\n### setValue()\n\n#### Parameters\n\np1\n\n#### Returns\n\nr1',
    );
  });
  test('inside a list item or table cell the head stays a bold lead-in', () => {
    assert.equal(md(`<ul><li>${dd('Windows', '<p>Body</p>')}</li></ul>`), '- **Windows**\n\n  Body');
    assert.match(md(`<table><tr><th>a</th></tr><tr><td>${dd('Windows', '<p>Body</p>')}</td></tr></table>`), /\| \*\*Windows\*\*<br>Body \|/);
  });
  test('a toggler that shows only an embedded video keeps a body: a link named by the title or the file', () => {
    // Seen on the Laserfiche Cloud project: "New Features" sections of nothing but an iframe.
    assert.equal(
      md('<p><MadCap:toggler targets="j">June 2024</MadCap:toggler></p><div MadCap:targetName="j"><iframe width="100%" src="https://doc.example.com/videos/New-Features-June-2024/New-Features-June-2024.html"></iframe></div>'),
      '# June 2024\n\n[Embedded page: New Features June 2024](https://doc.example.com/videos/New-Features-June-2024/New-Features-June-2024.html)',
    );
    assert.equal(md('<p>Watch <video title="Scan a page" src="https://x.org/v/scan.mp4"></video> first.</p>'), 'Watch [Video: Scan a page](https://x.org/v/scan.mp4) first.');
    // A local or script source says nothing to a reader: dropped as before.
    assert.equal(md('<p>Before <iframe src="../local.htm"></iframe> after</p>'), 'Before after');
  });
  test('a paragraph holding only a toggler heads the content it shows', () => {
    assert.equal(md('<h2>Setup</h2><p><MadCap:toggler targets="t1">Advanced options</MadCap:toggler></p><p MadCap:targetName="t1">Hidden part</p>'), '## Setup\n\n### Advanced options\n\nHidden part');
  });
});

describe('flare markdown: images never glue words', () => {
  test('a permalink anchor around an image is dropped and the next word stays a word', () => {
    assert.equal(md('<h2><a href="#set-form-data" class="permalink"><img src="link.png" alt="Link" /></a>Set Form Data</h2>'), '## Set Form Data');
    assert.equal(md('<p><a name="x"><img alt="Link"/></a>Set Form Data</p>'), 'Set Form Data');
  });
  test('image alt text is a word of its own', () => {
    assert.equal(md('<p>Click<img alt="the gear icon"/>then<img src="a.png"/>Save.</p>'), 'Click the gear icon then Save.');
  });
});

describe('flare markdown: code lines and system variables', () => {
  test('CRLF code keeps its lines with \\n, and the indentation common to every line is removed', () => {
    const out = md('<pre>\r\n                    rem a\r\n                      print 1\r\n                    end   \r\n</pre>');
    assert.equal(out, '```\nrem a\n  print 1\nend\n```');
  });
  test('p.Code lines with CRLF and source indentation: lines kept, common indent removed after joining', () => {
    assert.equal(md('<p class="Code">    a = 1\r\n</p><p class="Code">      print a</p>'), '```\na = 1\n  print a\n```');
  });
  test('System.ShortDate is removed, and a line that only labelled it goes with it', () => {
    assert.equal(
      md('<p>Body.</p><p>Last Documentation Update: <MadCap:variable name="System.ShortDate" />, (<MadCap:variable name="System.LongTime" />)</p>'),
      'Body.',
    );
    assert.equal(
      md('<p>This long paragraph mentions the date <MadCap:variable name="System.LongDate" /> in passing and goes on with enough words to be real prose.</p>'),
      'This long paragraph mentions the date in passing and goes on with enough words to be real prose.',
    );
    const topic = convert('<p>a <MadCap:variable name="System.CurrentDate" /> b</p>');
    assert.equal(topic.stats.unresolvedVariables.size, 0);
  });
});
