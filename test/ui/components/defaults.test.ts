// Default-argument JSON of every 4.2.16 factory, read from the table in
// shared/spec/upstream-ui.md §4 (copied to test/fixtures/shared/spec/) and compared with the TS factories called the same way.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { sharedCopyPath } from '../../helpers/reference.js';

const section = readFileSync(sharedCopyPath('spec/upstream-ui.md'), 'utf8').split('\n## 4.')[1]?.split('\n## 5.')[0] ?? '';

/** `[…]` in the table stands for a child list the table does not spell out. */
const ELIDED = '__elided__';

/** The table's calls, written with the TS factories (same arguments, positional where upstream is). */
const calls: Record<string, () => unknown> = {
  'Accordion([{"id":"s","title":"S","children":[Text("a")]}])': () => ui.Accordion([{ id: 's', title: 'S', children: [ui.Text('a')] }]),
  'Audio("a.mp3")': () => ui.Audio('a.mp3'),
  'Avatar()': () => ui.Avatar(),
  'Badge("b")': () => ui.Badge('b'),
  'Button("B")': () => ui.Button('B'),
  'Card()': () => ui.Card(),
  'Chart([{"name":"a","v":1}])': () => ui.Chart([{ name: 'a', v: 1 }]),
  'Code("x=1")': () => ui.Code('x=1'),
  'Column([Text("a")])': () => ui.Column([ui.Text('a')]),
  'DataColumn("k","K")': () => ui.DataColumn('k', 'K'),
  'DataTable([DataColumn("k","K")],[{"k":1}])': () => ui.DataTable([ui.DataColumn('k', 'K')], [{ k: 1 }]),
  'Divider()': () => ui.Divider(),
  'Empty()': () => ui.Empty(),
  'Error("e")': () => ui.Error('e'),
  'FileUpload()': () => ui.FileUpload(),
  'Form([Input()])': () => ui.Form([ui.Input()]),
  'Graph([{"data":{"id":"1"}}],[])': () => ui.Graph([{ data: { id: '1' } }], []),
  'Grid([Text("a")])': () => ui.Grid([ui.Text('a')]),
  'Header("H")': () => ui.Header('H'),
  'Html("<b>x</b>")': () => ui.Html('<b>x</b>'),
  'Icon("Mail")': () => ui.Icon('Mail'),
  'Image("x.png")': () => ui.Image('x.png'),
  'Input()': () => ui.Input(),
  'KeyValue([{"key":"k","value":"v"}])': () => ui.KeyValue([{ key: 'k', value: 'v' }]),
  'Link("L")': () => ui.Link('L'),
  'List([ListItem(id="1", title="t")])': () => ui.List([ui.ListItem({ id: '1', title: 't' })]),
  'Loading()': () => ui.Loading(),
  'Markdown("# x")': () => ui.Markdown('# x'),
  'Menu([{"label":"x"}])': () => ui.Menu([{ label: 'x' }]),
  'MultiSelect([{"value":"a","label":"A"}])': () => ui.MultiSelect([{ value: 'a', label: 'A' }]),
  'Page([Text("a")])': () => ui.Page([ui.Text('a')]),
  'Password()': () => ui.Password(),
  'Progress(5)': () => ui.Progress(5),
  'RichEditor()': () => ui.RichEditor(),
  'Row([Text("a")])': () => ui.Row([ui.Text('a')]),
  'Section([Text("a")])': () => ui.Section([ui.Text('a')]),
  'Select([{"value":"a","label":"A"}])': () => ui.Select([{ value: 'a', label: 'A' }]),
  'SlideOver("S")': () => ui.SlideOver('S'),
  'Slider()': () => ui.Slider(),
  'Stat("L", 5)': () => ui.Stat('L', 5),
  'Stats([Stat("L",5)])': () => ui.Stats([ui.Stat('L', 5)]),
  'Tabs([{"label":"A","content":Text("a")}])': () => ui.Tabs([{ label: 'A', content: ui.Text('a') }]),
  'TagInput()': () => ui.TagInput(),
  'Text("hi")': () => ui.Text('hi'),
  'TextArea()': () => ui.TextArea(),
  'Timeline([{"title":"t"}])': () => ui.Timeline([{ title: 't' }]),
  'Toggle()': () => ui.Toggle(),
  'Tooltip("tip")': () => ui.Tooltip('tip'),
  'Tree([{"id":"n","label":"N"}])': () => ui.Tree([{ id: 'n', label: 'N' }]),
  'Video("v.mp4")': () => ui.Video('v.mp4'),
};

/** Rows whose 4.2.16 JSON changed in 5.11 (§9); their 5.11 form is tested in the family files. */
const changedIn511 = new Set(['Alert("m")', 'DatePicker()', 'Dialog("D")']);

const rows = [...section.matchAll(/^\| `(.+?)` \| `(.+?)` \|$/gm)].map((m) => ({ call: m[1] as string, json: m[2] as string }));

/** Replaces the actual value by the marker wherever the table elided a list, so the rest still compares exactly. */
function elide(actual: unknown, expected: unknown): unknown {
  if (expected === ELIDED) return ELIDED;
  if (Array.isArray(actual) && Array.isArray(expected)) return actual.map((item, i) => elide(item, expected[i]));
  if (actual !== null && typeof actual === 'object' && expected !== null && typeof expected === 'object') {
    return Object.fromEntries(Object.entries(actual).map(([k, v]) => [k, elide(v, (expected as Record<string, unknown>)[k])]));
  }
  return actual;
}

describe('default JSON of every factory (upstream-ui.md §4)', () => {
  it('finds the whole table and has a TS call for every unchanged row', () => {
    expect(rows.length).toBe(53);
    const unmapped = rows.map((r) => r.call).filter((c) => !(c in calls) && !changedIn511.has(c));
    expect(unmapped).toEqual([]);
  });

  for (const row of rows.filter((r) => !changedIn511.has(r.call))) {
    it(row.call, () => {
      const expected: unknown = JSON.parse(row.json.replaceAll('[…]', JSON.stringify(ELIDED)));
      const actual: unknown = JSON.parse(JSON.stringify(calls[row.call]?.()));
      // Stringify both sides so key order is part of the comparison.
      expect(JSON.stringify(elide(actual, expected))).toBe(JSON.stringify(expected));
    });
  }
});
