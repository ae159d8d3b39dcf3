// Declarative UI benchmark: build and serialise a 1,000-node panel tree with the
// `ui` factories, against writing the same JSON as a plain object literal by hand
// and stringifying it. Both are measured in interleaved rounds of the same run
// (bench/harness.mjs); `ratio` = ui / literal.
import { pathToFileURL } from 'node:url';
import { compare, retainedBytes, row } from './harness.mjs';

const SECTIONS = 9;
const ITEMS_PER_SECTION = 54; // 1 page + 9 × (section + header + list + 54 × (item + badge)) = 1,000 nodes
const TREES_PER_BATCH = 20;

/**
 * The built `@imperal/sdk/ui` entry, or the `ui` export of the root entry when
 * only that was built. `UI_BENCH_ENTRY` points at another build (A/B runs).
 */
async function loadUi() {
  if (process.env.UI_BENCH_ENTRY) return import(pathToFileURL(process.env.UI_BENCH_ENTRY).href);
  try {
    return await import('../dist/ui/index.js');
  } catch {
    return (await import('../dist/index.js')).ui;
  }
}

function buildWithUi(ui) {
  const sections = [];
  for (let s = 0; s < SECTIONS; s += 1) {
    const items = [];
    for (let i = 0; i < ITEMS_PER_SECTION; i += 1) {
      const id = `s${s}-i${i}`;
      items.push(
        ui.ListItem({
          id,
          title: `Task ${i}`,
          subtitle: 'due today',
          badge: ui.Badge(String(i), { color: i % 2 === 0 ? 'red' : 'gray' }),
          onClick: ui.Call('open_task', { task_id: id }),
        }),
      );
    }
    sections.push(ui.Section([ui.Header(`Section ${s}`, { level: 3 }), ui.List({ items, searchable: true })], { title: `Group ${s}` }));
  }
  return ui.Page(sections, { title: 'Benchmark' });
}

function buildByHand() {
  const sections = [];
  for (let s = 0; s < SECTIONS; s += 1) {
    const items = [];
    for (let i = 0; i < ITEMS_PER_SECTION; i += 1) {
      const id = `s${s}-i${i}`;
      items.push({
        type: 'ListItem',
        props: {
          id,
          title: `Task ${i}`,
          subtitle: 'due today',
          badge: { type: 'Badge', props: { label: String(i), color: i % 2 === 0 ? 'red' : 'gray' } },
          on_click: { action: 'call', function: 'open_task', params: { task_id: id } },
        },
      });
    }
    sections.push({
      type: 'Section',
      props: {
        children: [
          { type: 'Header', props: { text: `Section ${s}`, level: 3 } },
          { type: 'List', props: { items, searchable: true, grouped_by: '' } },
        ],
        collapsible: false,
        title: `Group ${s}`,
      },
    });
  }
  return { type: 'Page', props: { children: sections, title: 'Benchmark' } };
}

const micro = (ns) => Math.round(ns / 10) / 100;

/** Runs the benchmark and returns one row per measurement. */
export async function run() {
  const ui = await loadUi();
  const tree = buildWithUi(ui);
  const text = JSON.stringify(tree);
  if (text !== JSON.stringify(buildByHand())) throw new Error('ui tree and hand-written literal serialise differently');
  if (JSON.stringify(tree.toDict()) !== text) throw new Error('toDict() and JSON.stringify disagree');
  const literal = buildByHand();

  const options = { batch: TREES_PER_BATCH, rounds: 21, warmup: 5 };
  const full = await compare({ ui: () => JSON.stringify(buildWithUi(ui)).length, literal: () => JSON.stringify(buildByHand()).length }, options);
  const stringify = await compare({ ui: () => JSON.stringify(tree).length, literal: () => JSON.stringify(literal).length }, options);
  // The dispatcher's path: a panel result goes through toDict() before it is encoded.
  const dict = await compare({ ui: () => JSON.stringify(buildWithUi(ui).toDict()).length, literal: () => JSON.stringify(buildByHand()).length }, options);

  // Memory: what a built tree keeps alive, against the same tree as plain objects.
  const memory = { ui: retainedBytes(() => buildWithUi(ui)), literal: retainedBytes(() => buildByHand()) };
  const memoryRows =
    memory.ui === undefined ? [] : [row('ui: heap retained by one 1,000-node tree', Math.round(memory.ui / 1024), 'KiB/tree', Math.round(memory.literal / 1024))];

  return [
    ...memoryRows,
    row('ui: build + JSON.stringify, 1,000-node panel tree', micro(full.ui), 'µs/tree', micro(full.literal)),
    row('ui: JSON.stringify only, 1,000-node panel tree', micro(stringify.ui), 'µs/tree', micro(stringify.literal)),
    row('ui: build + toDict() + JSON.stringify, 1,000-node tree', micro(dict.ui), 'µs/tree', micro(dict.literal)),
  ];
}
