/**
 * The playground's renderer in headless Chromium: the ui_sample fixture (every
 * 4.x/5.11 wire type of the oracle) and a page built with all 60 component
 * factories of `@imperal/sdk/ui` are rendered, and every node's visible
 * text/values are found in the elements of its type. Unknown components and
 * props show placeholders naming them; the four actions do what they say.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ui from '../../src/ui/index.js';
import { REPO } from '../cli/helpers.js';
import { api, cleanScratch, launchChromium, skipBrowser, startDev, tasksProject, type DevProcess } from './helpers.js';

type Json = Record<string, any>;
const FIXTURE = JSON.parse(readFileSync(join(REPO, 'test/fixtures/reference/oracle/ui_sample.v5.json'), 'utf8')) as Json;

const TEXT_KEYS = ['label', 'title', 'subtitle', 'content', 'message', 'text', 'value', 'placeholder', 'caption', 'meta', 'trend', 'fallback', 'submit_label', 'confirm_label', 'cancel_label', 'description', 'extra_info', 'action_label', 'language', 'alt', 'src'];
const ITEM_KEYS = ['title', 'label', 'key', 'value', 'description', 'time'];

const isNode = (v: unknown): v is { type: string; props: Json } => !!v && typeof v === 'object' && typeof (v as Json).type === 'string' && typeof (v as Json).props === 'object';
const scalar = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : undefined);

/** The strings a node must show (from its own props, not its child nodes). */
function expectedStrings(n: { type: string; props: Json }): string[] {
  const out: string[] = [];
  const p = n.props;
  for (const k of TEXT_KEYS) {
    const s = scalar(p[k]);
    if (s === undefined) continue;
    if (n.type === 'Markdown') out.push(s.replace(/\*\*|__|[_`#]/g, '').trim());
    else if (n.type === 'Code') out.push(...s.split('\n').filter((l) => l.trim()));
    else out.push(s);
  }
  if (n.type === 'Icon') out.push(String(p.name));
  for (const listKey of ['tabs', 'sections', 'items', 'columns', 'options', 'nodes', 'actions', 'bulk_actions']) {
    for (const item of Array.isArray(p[listKey]) ? p[listKey] : []) {
      if (isNode(item) || !item || typeof item !== 'object') continue;
      for (const k of ITEM_KEYS) if (scalar(item[k]) !== undefined && !(listKey === 'options' && k === 'value') && !(listKey === 'columns' && k === 'key')) out.push(scalar(item[k])!);
    }
  }
  for (const row of Array.isArray(p.rows) ? p.rows : []) for (const [k, v] of Object.entries(row as Json)) if (k !== 'id' && scalar(v) !== undefined) out.push(scalar(v)!);
  for (const s of Array.isArray(p.suggestions) ? p.suggestions : []) if (scalar(s)) out.push(scalar(s)!);
  if (n.type === 'Chart') for (const d of p.data ?? []) out.push(String(d[p.x_key ?? 'name']));
  return out;
}

/** Every node of a tree with the strings it must show. */
function walk(v: unknown, into: Array<{ type: string; strings: string[] }> = []): Array<{ type: string; strings: string[] }> {
  if (Array.isArray(v)) for (const x of v) walk(x, into);
  else if (v && typeof v === 'object') {
    if (isNode(v)) into.push({ type: v.type, strings: expectedStrings(v) });
    for (const x of Object.values(v)) walk(x, into);
  }
  return into;
}

/** A page using each of the 60 component factories once. */
function everyFactory(): Json {
  const call = ui.Call('noop');
  const children = [
    ui.Stack({ children: [ui.Text({ content: 'in a stack' })] }),
    ui.Row({ children: [ui.Text({ content: 'in a row' })] }),
    ui.Column({ children: [ui.Text({ content: 'in a column' })] }),
    ui.Grid({ children: [ui.Text({ content: 'in a grid' })], columns: 2 }),
    ui.Tabs({ tabs: [{ label: 'First tab', content: ui.Text({ content: 'tab body' }) }] }),
    ui.Section({ children: [ui.Text({ content: 'in a section' })], title: 'A section' }),
    ui.Accordion({ sections: [{ id: 'a1', title: 'Accordion part', children: [ui.Text({ content: 'folded' })] }] }),
    ui.Badge({ label: 'Badge label', value: 7 }),
    ui.Avatar({ fallback: 'AV' }),
    ui.Stats({ children: [ui.Stat({ label: 'Stat label', value: 99, trend: '+1%' })] }),
    ui.List({ items: [ui.ListItem({ id: 'li1', title: 'List item title', subtitle: 'List item subtitle', meta: 'meta text' })], extraInfo: 'extra info' }),
    ui.DataTable({ columns: [ui.DataColumn({ key: 'name', label: 'Name column' })], rows: [{ name: 'Row value' }] }),
    ui.Timeline({ items: [{ title: 'Timeline step', time: '10:00' }] }),
    ui.Tree({ nodes: [{ id: 't1', label: 'Tree node' }] }),
    ui.KeyValue({ items: [{ key: 'KV key', value: 'KV value' }] }),
    ui.Icon({ name: 'Sparkles' }),
    ui.Header({ text: 'Header text', subtitle: 'Header subtitle' }),
    ui.Image({ src: 'https://img.example.test/a.png', alt: 'Alt text', caption: 'Image caption' }),
    ui.Code({ content: 'const x = 1;', language: 'ts' }),
    ui.Markdown({ content: 'Some **markdown** text' }),
    ui.Empty({ message: 'Nothing here' }),
    ui.Divider({ label: 'Divider label' }),
    ui.Html({ content: '<p>html body</p>' }),
    ui.Video({ src: 'https://media.example.test/v.mp4', title: 'Video title' }),
    ui.Audio({ src: 'https://media.example.test/a.mp3', title: 'Audio title' }),
    ui.Alert({ message: 'Alert message', title: 'Alert title', variant: 'warning' }),
    ui.Toast({ message: 'Toast message', title: 'Toast title', action: call, actionLabel: 'Undo it' }),
    ui.Progress({ value: 42, label: 'Progress label' }),
    ui.Chart({ data: [{ name: 'Jan', v: 1 }, { name: 'Feb', v: 3 }], type: 'bar' }),
    ui.Loading({ message: 'Loading message' }),
    ui.Error({ message: 'Error message', title: 'Error title', retry: call }),
    ui.Graph({ nodes: [{ id: 'g1', label: 'Graph node' }], edges: [] }),
    ui.Button({ label: 'Button label', onClick: call }),
    ui.BackButton({ to: 'Inbox' }),
    ui.Card({ title: 'Card title', subtitle: 'Card subtitle', content: ui.Text({ content: 'card body' }) }),
    ui.Menu({ items: [{ label: 'Menu entry', onClick: call }] }),
    ui.Modal({ title: 'Modal title', content: ui.Text({ content: 'modal body' }) }),
    ui.Dialog({ title: 'Dialog title' }),
    ui.Tooltip({ content: 'Tooltip text', children: ui.Text({ content: 'hover me' }) }),
    ui.Link({ label: 'Link label', href: 'https://docs.example.test' }),
    ui.SlideOver({ title: 'Slide title', children: [ui.Text({ content: 'slide body' })] }),
    ui.Form({
      action: 'noop',
      children: [
        ui.Input({ placeholder: 'Input placeholder', value: 'input value' }),
        ui.Password({ placeholder: 'Password placeholder' }),
        ui.TextArea({ placeholder: 'TextArea placeholder', value: 'textarea value' }),
        ui.Select({ options: [{ value: 's1', label: 'Select option' }], value: 's1' }),
        ui.MultiSelect({ options: [{ value: 'm1', label: 'Multi option' }] }),
        ui.Toggle({ label: 'Toggle label' }),
        ui.Checkbox({ label: 'Checkbox label' }),
        ui.RadioGroup({ options: [{ value: 'r1', label: 'Radio option' }] }),
        ui.Slider({ label: 'Slider label', value: 33 }),
        ui.DatePicker({ value: '2026-05-04' }),
        ui.FileUpload({ accept: '.csv' }),
        ui.RichEditor({ content: 'rich text' }),
        ui.TagInput({ suggestions: ['tag suggestion'] }),
      ],
    }),
    ui.TrayResponse({ badge: ui.Badge({ label: 'Tray badge' }) }),
  ];
  return JSON.parse(JSON.stringify(ui.Page({ children, title: 'Every factory' })));
}

let browser: BrowserContext;
let dev: DevProcess;
let page: Page;

beforeAll(async () => {
  if (skipBrowser) return;
  browser = await launchChromium();
  dev = await startDev(tasksProject());
  page = await browser.newPage();
  await page.goto(`${dev.url}#preview`);
  await page.locator('.dot.on').waitFor({ timeout: 30_000 });
});
afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  cleanScratch();
});

/** Renders `tree` in the UI preview; returns, per wire type, the text, values and attributes its elements show. */
async function renderAndRead(tree: unknown): Promise<Record<string, string>> {
  await page.locator('textarea[name="ui-json"]').fill(JSON.stringify(tree));
  await page.getByRole('button', { name: 'Render' }).click();
  await page.getByTestId('preview').locator('[data-ui-type]').first().waitFor();
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const el of Array.from(document.querySelectorAll('[data-testid="preview"] [data-ui-type]')) as HTMLElement[]) {
      const parts = [el.textContent ?? ''];
      for (const f of Array.from(el.querySelectorAll('input, textarea, select')) as HTMLInputElement[]) parts.push(f.value, f.placeholder ?? '');
      for (const a of Array.from(el.querySelectorAll('[src], [title], [srcdoc], [placeholder]'))) for (const name of ['src', 'title', 'srcdoc', 'placeholder']) parts.push(a.getAttribute(name) ?? '');
      const type = el.dataset.uiType!;
      out[type] = `${out[type] ?? ''}\n${parts.join('\n')}`;
    }
    return out;
  });
}

function checkAll(tree: unknown, shown: Record<string, string>): Set<string> {
  const nodes = walk(tree);
  const missing: string[] = [];
  for (const n of nodes) {
    if (shown[n.type] === undefined) missing.push(`${n.type}: not rendered`);
    else for (const s of n.strings) if (!shown[n.type]!.includes(s)) missing.push(`${n.type}: '${s}' not visible`);
  }
  expect(missing).toEqual([]);
  return new Set(nodes.map((n) => n.type));
}

describe.skipIf(skipBrowser)('UI renderer', { timeout: 90_000 }, () => {
  it('renders every node of the ui_sample fixture with its visible text and values', async () => {
    const shown = await renderAndRead(FIXTURE);
    const types = checkAll(FIXTURE, shown);
    expect(types.size).toBe(52);
    expect(await page.getByTestId('preview').locator('[data-ui-unknown]').count()).toBe(0);
    // A chart is drawn as SVG with one mark per data point and series.
    expect(await page.locator('[data-ui-type="Chart"] svg rect').count()).toBe(4);
  });

  it('renders a page built with all 60 factories (56 wire types)', async () => {
    const tree = everyFactory();
    const shown = await renderAndRead(tree);
    const types = checkAll(tree, shown);
    expect(types.size).toBe(56);
    expect(shown.Button).toContain('← Back to Inbox');
    expect(await page.getByTestId('preview').locator('[data-ui-unknown]').count()).toBe(0);
  });

  it('names unknown components and props in visible placeholders', async () => {
    await renderAndRead({ type: 'Stack', props: { children: [{ type: 'Hologram', props: { beam: 'on' } }, { type: 'Text', props: { content: 'hi', sparkle: 'yes' } }] } });
    const unknown = page.getByTestId('preview').locator('[data-ui-unknown]');
    expect(await unknown.count()).toBe(2);
    expect(await unknown.nth(0).textContent()).toContain('Unknown component Hologram');
    expect(await unknown.nth(1).textContent()).toContain('unknown prop Text.sparkle');
  });

  it('wires the four actions: Call runs and refreshes, Navigate focuses a panel, Send shows the message, Open opens the URL', async () => {
    const tree = ui.Stack({
      children: [
        ui.Button({ label: 'Call it', onClick: ui.Call('create_task', { title: 'From a Call action' }) }),
        ui.Button({ label: 'Go to sidebar', onClick: ui.Navigate('/ext/tasks-mini/sidebar') }),
        ui.Button({ label: 'Say hi', onClick: ui.Send('hello from a button') }),
        ui.Button({ label: 'Open docs', onClick: ui.Open('about:blank#docs') }),
        ui.Form({ action: 'create_task', children: [ui.Input({ paramName: 'title', placeholder: 'Task title' })], submitLabel: 'Add via form' }),
      ],
    });
    await renderAndRead(JSON.parse(JSON.stringify(tree)));
    await page.getByRole('button', { name: 'Call it' }).click();
    await page.locator('aside.side [data-panel="sidebar"]').getByText('From a Call action').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Go to sidebar' }).click();
    await page.locator('.focused [data-panel="sidebar"]').waitFor();
    await page.getByRole('button', { name: 'Say hi' }).click();
    await page.locator('.toast-msg', { hasText: 'hello from a button' }).waitFor();
    const popup = page.context().waitForEvent('page');
    await page.getByRole('button', { name: 'Open docs' }).click();
    expect((await popup).url()).toBe('about:blank#docs');
    await page.getByPlaceholder('Task title').fill('From a UI form');
    await page.getByRole('button', { name: 'Add via form' }).click();
    await page.locator('aside.side [data-panel="sidebar"]').getByText('From a UI form').waitFor({ timeout: 30_000 });
    expect(((await api(dev.url, 'store/tasks')).body as Json[]).map((d) => d.data.title)).toEqual(expect.arrayContaining(['From a Call action', 'From a UI form']));
  });
});
