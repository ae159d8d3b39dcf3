// Declarative UI benchmark: build and serialise a 1,000-node panel tree with the
// `ui` factories, against writing the same JSON as a plain object literal by hand
// and stringifying it. Both are measured in the same run; `ratio` = ui / literal.

const SECTIONS = 9;
const ITEMS_PER_SECTION = 54; // 1 page + 9 × (section + header + list + 54 × (item + badge)) = 1,000 nodes
const WARMUP_TREES = 300;
const ROUNDS = 7;
const MIN_ROUND_MS = 150;

/** The built `@imperal/sdk/ui` entry, or the `ui` export of the root entry when only that was built. */
async function loadUi() {
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

/** Median time per call in microseconds over several rounds of at least MIN_ROUND_MS each. */
function measure(fn) {
  let sink = 0;
  for (let i = 0; i < WARMUP_TREES; i += 1) sink += fn().length;
  const perCall = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    globalThis.gc?.();
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < MIN_ROUND_MS) {
      sink += fn().length;
      calls += 1;
      elapsed = performance.now() - start;
    }
    perCall.push((elapsed * 1000) / calls);
  }
  if (sink === 0) throw new Error('benchmark produced no output');
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

const round2 = (n) => Math.round(n * 100) / 100;

/** Runs the benchmark and returns one row per measurement. */
export async function run() {
  const ui = await loadUi();
  const tree = buildWithUi(ui);
  const text = JSON.stringify(tree);
  if (text !== JSON.stringify(buildByHand())) throw new Error('ui tree and hand-written literal serialise differently');

  const uiBuildAndStringify = measure(() => JSON.stringify(buildWithUi(ui)));
  const literalBuildAndStringify = measure(() => JSON.stringify(buildByHand()));
  const uiStringifyOnly = measure(() => JSON.stringify(tree));
  const literal = buildByHand();
  const literalStringifyOnly = measure(() => JSON.stringify(literal));

  return [
    {
      name: 'ui: build + JSON.stringify, 1,000-node panel tree',
      value: round2(uiBuildAndStringify),
      unit: 'µs/tree',
      baseline: round2(literalBuildAndStringify),
      ratio: round2(uiBuildAndStringify / literalBuildAndStringify),
    },
    {
      name: 'ui: JSON.stringify only, 1,000-node panel tree',
      value: round2(uiStringifyOnly),
      unit: 'µs/tree',
      baseline: round2(literalStringifyOnly),
      ratio: round2(uiStringifyOnly / literalStringifyOnly),
    },
  ];
}
