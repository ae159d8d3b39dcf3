import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

const a = ui.Text('a');
const b = ui.Text('b');

describe('Stack', () => {
  it('omits wrap/align/justify/sticky/className unless set, and keeps wrap=false', () => {
    expect(wireKeys(ui.Stack([a]))).toEqual(['children', 'direction', 'gap']);
    expect(wireProps(ui.Stack([a], { wrap: false }))['wrap']).toBe(false);
    expect(wireKeys(ui.Stack([a], { align: '', justify: '', sticky: false, className: '' }))).toEqual(['children', 'direction', 'gap']);
  });

  it('normalises direction synonyms to v/h, case-insensitively', () => {
    for (const [given, sent] of [['vertical', 'v'], ['column', 'v'], ['col', 'v'], ['horizontal', 'h'], ['Row', 'h']] as const) {
      expect(wireProps(ui.Stack([a], { direction: given as 'row' }))['direction']).toBe(sent);
    }
  });

  it('rejects an unknown direction, naming component, prop and allowed values', () => {
    const error = validationError(() => ui.Stack([a], { direction: 'diagonal' as 'h' }));
    expect(error.code).toBe('ui_validation_error');
    expect(error.component).toBe('Stack');
    expect(error.prop).toBe('direction');
    expect(error.allowed).toEqual(expect.arrayContaining(['v', 'h', 'horizontal']));
    expect(error.message).toContain('ui.Stack');
  });

  it('accepts a single child or a list, and skips false/null/undefined entries', () => {
    const flag = false as boolean;
    expect(wireProps(ui.Stack(a))['children']).toEqual([a.toDict()]);
    expect(wireProps(ui.Stack([a, flag && b, null, undefined, b]))['children']).toEqual([a.toDict(), b.toDict()]);
  });

  it('rejects a non-node child with its index', () => {
    const error = validationError(() => ui.Stack([a, 'oops' as unknown as ui.UINode]));
    expect(error.prop).toBe('children[1]');
  });

  it('requires children', () => {
    expect(validationError(() => ui.Stack({} as ui.StackProps)).prop).toBe('children');
  });
});

describe('Row and Column', () => {
  it('are Stacks with a fixed direction and only children/gap', () => {
    const row = ui.Row([a], { gap: 1 });
    expect(row.type).toBe('Stack');
    expect(wireProps(row)).toMatchObject({ direction: 'h', gap: 1 });
    expect(wireProps(ui.Column([a]))['direction']).toBe('v');
    expect(validationError(() => ui.Row([a], { direction: 'v' as 'h' })).prop).toBe('direction');
  });
});

describe('Grid', () => {
  it('sends className only when set (5.11)', () => {
    expect(wireKeys(ui.Grid([a]))).toEqual(['children', 'columns', 'gap']);
    expect(wireProps(ui.Grid([a], { className: 'x' }))['className']).toBe('x');
  });
});

describe('Tabs', () => {
  it('keeps extra tab keys and requires label and content per tab', () => {
    const tabs = wireProps(ui.Tabs([{ label: 'A', content: a, icon: 'Mail', id: 't1' }]))['tabs'] as Record<string, unknown>[];
    expect(Object.keys(tabs[0] ?? {})).toEqual(['label', 'content', 'icon', 'id']);
    expect(validationError(() => ui.Tabs([{ label: 'A' } as ui.TabItem])).prop).toBe('tabs[0].content');
    expect(validationError(() => ui.Tabs([{ label: 'A', content: 'x' as unknown as ui.UINode }])).prop).toBe('tabs[0].content');
  });
});

describe('Tabs with `children` (the renderer reads content|children)', () => {
  it('accepts children instead of content, normalised to a list and sent as children', () => {
    const tabs = wireProps(ui.Tabs([{ label: 'A', children: a }, { label: 'B', children: [a, false, b] }]))['tabs'];
    expect(JSON.parse(JSON.stringify(tabs))).toEqual([
      { label: 'A', children: [a.toDict()] },
      { label: 'B', children: [a.toDict(), b.toDict()] },
    ]);
  });

  it('requires one of content/children and checks children are nodes', () => {
    const missing = validationError(() => ui.Tabs([{ label: 'A', content: null } as never]));
    expect(missing.prop).toBe('tabs[0].content');
    expect(missing.message).toContain("or 'children'");
    expect(validationError(() => ui.Tabs([{ label: 'A', children: ['x'] } as never])).prop).toBe('tabs[0].children[0]');
  });
});

describe('Page and Section', () => {
  it('Page sends title/subtitle only when non-empty', () => {
    expect(wireKeys(ui.Page([a], { title: '', subtitle: '' }))).toEqual(['children']);
    expect(wireKeys(ui.Page([a], { title: 'T', subtitle: 'S' }))).toEqual(['children', 'title', 'subtitle']);
  });

  it('Section sends collapsible always and title after it', () => {
    expect(wireKeys(ui.Section([a], { title: 'T' }))).toEqual(['children', 'collapsible', 'title']);
  });
});

describe('Accordion', () => {
  it('normalises section children and requires id, title, children', () => {
    const sections = wireProps(ui.Accordion([{ id: 's', title: 'S', children: a }]))['sections'] as Record<string, unknown>[];
    expect(sections[0]?.['children']).toEqual([a.toDict()]);
    expect(validationError(() => ui.Accordion([{ id: 's', title: 'S' } as ui.AccordionSection])).prop).toBe('sections[0].children');
  });
});
