import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

const go = ui.Call('go');

describe('Badge', () => {
  it('keeps value 0, drops an unset value, sends size/dot only when set', () => {
    expect(wireProps(ui.Badge('b', { value: 0 }))['value']).toBe(0);
    expect(wireKeys(ui.Badge('b', { value: undefined }))).toEqual(['label', 'color']);
    expect(wireKeys(ui.Badge('b', { size: 'sm', dot: true }))).toEqual(['label', 'color', 'size', 'dot']);
    expect(validationError(() => ui.Badge('b', { color: 'pink' as 'red' })).allowed).toEqual([...ui.BADGE_COLORS]);
  });
});

describe('Avatar', () => {
  it('sends fallback, src and size always', () => {
    expect(wireProps(ui.Avatar('A', { size: 'lg' }))).toEqual({ fallback: 'A', src: '', size: 'lg' });
  });
});

describe('Stat', () => {
  it('takes label and value positionally; sends description/trend_direction only when set', () => {
    expect(ui.Stat('L', 5).toDict()).toEqual(ui.Stat({ label: 'L', value: 5 }).toDict());
    expect(ui.Stat('L', { value: 5 }).toDict()).toEqual(ui.Stat({ label: 'L', value: 5 }).toDict());
    expect(wireKeys(ui.Stat('L', 0, { description: 'd', trendDirection: 'up' }))).toEqual(['label', 'value', 'trend', 'icon', 'color', 'description', 'trend_direction']);
    expect(wireKeys(ui.Stat('L'))).toEqual(['label', 'trend', 'icon', 'color']);
  });

  it('validates trendDirection', () => {
    expect(validationError(() => ui.Stat('L', 1, { trendDirection: 'sideways' as 'up' })).allowed).toEqual([...ui.TREND_DIRECTIONS]);
  });
});

describe('Stats', () => {
  it('sends columns only when above zero', () => {
    expect(wireKeys(ui.Stats([ui.Stat('L', 1)], { columns: 0 }))).toEqual(['children']);
    expect(wireProps(ui.Stats([ui.Stat('L', 1)], { columns: 2 }))['columns']).toBe(2);
  });
});

describe('ListItem', () => {
  it('keeps id inside props (not as node identity) and sends optional props only when truthy', () => {
    const item = ui.ListItem({ id: '1', title: 't', key: 'k', selected: false, subtitle: '' });
    expect(item.toDict()).toEqual({ type: 'ListItem', props: { id: '1', title: 't' }, key: 'k' });
  });

  it('renames action onClick and requires an action per entry', () => {
    const props = wireProps(ui.ListItem('1', 't', { actions: [{ icon: 'Trash2', onClick: go, confirm: 'Delete?' }] }));
    expect(props['actions']).toEqual([{ icon: 'Trash2', on_click: go.toDict(), confirm: 'Delete?' }]);
    expect(validationError(() => ui.ListItem('1', 't', { actions: [{ icon: 'x' } as ui.ListItemAction] })).prop).toBe('actions[0].on_click');
  });

  it('requires id and title', () => {
    expect(validationError(() => ui.ListItem({ title: 't' } as ui.ListItemProps)).prop).toBe('id');
  });
});

describe('List', () => {
  it('sends page_size/total_items only when positive and the 5.11 props only when set', () => {
    const item = ui.ListItem('1', 't');
    expect(wireKeys(ui.List([item], { pageSize: 0, totalItems: 0 }))).toEqual(['items', 'searchable', 'grouped_by']);
    expect(wireKeys(ui.List([item], { maxHeight: 400, searchPlaceholder: 's', emptyText: 'e', title: 'T' }))).toEqual([
      'items',
      'searchable',
      'grouped_by',
      'title',
      'empty_text',
      'search_placeholder',
      'max_height',
    ]);
  });

  it('builds rows given as ListItem options objects into ListItem nodes (the renderer reads both)', () => {
    const bare = ui.List([{ id: '1', title: 't', onClick: ui.Call('open') }, ui.ListItem('2', 'u'), false]);
    const built = ui.List([ui.ListItem({ id: '1', title: 't', onClick: ui.Call('open') }), ui.ListItem('2', 'u')]);
    expect(JSON.stringify(bare)).toBe(JSON.stringify(built));
    expect(validationError(() => ui.List([{ id: '1' } as never])).component).toBe('ListItem');
  });

  it('checks bulk actions', () => {
    expect(validationError(() => ui.List([], { bulkActions: [{ label: 'x' } as ui.BulkAction] })).prop).toBe('bulkActions[0].action');
  });
});

describe('DataColumn', () => {
  it('returns a plain column; edit_type only travels with editable', () => {
    expect(ui.DataColumn('k', 'K', { editable: false, editType: 'toggle' })).toEqual({ key: 'k', label: 'K', sortable: true });
    expect(ui.DataColumn('k', 'K', { editable: true, editType: 'toggle' })).toMatchObject({ editable: true, edit_type: 'toggle' });
    expect(ui.DataColumn({ key: 'k', label: 'K', editable: true })).toEqual({ key: 'k', label: 'K', sortable: true, editable: true, edit_type: 'text' });
  });

  it('refuses editType without editable instead of dropping it', () => {
    const error = validationError(() => ui.DataColumn('k', 'K', { editType: 'toggle' }));
    expect([error.component, error.prop]).toEqual(['DataColumn', 'editType']);
  });

  it('rejects unknown options', () => {
    expect(validationError(() => ui.DataColumn('k', 'K', { sortble: true } as never)).prop).toBe('sortble');
  });
});

describe('DataTable', () => {
  it('sends the 5.11 props only when set and checks columns', () => {
    const t = ui.DataTable([ui.DataColumn('k', 'K')], [{ k: 1 }], { stickyHeader: true, maxHeight: '20rem', emptyText: 'none' });
    expect(wireKeys(t)).toEqual(['columns', 'rows', 'empty_text', 'max_height', 'sticky_header']);
    expect(validationError(() => ui.DataTable([{ key: 'k' } as ui.DataColumnSpec], [])).prop).toBe('columns[0].label');
    expect(validationError(() => ui.DataTable([], [1 as unknown as Record<string, unknown>])).prop).toBe('rows[0]');
  });
});

describe('Timeline', () => {
  it('requires a title per item and keeps the given keys', () => {
    expect(wireProps(ui.Timeline([{ title: 't', time: '09:00' }]))['items']).toEqual([{ title: 't', time: '09:00' }]);
    expect(validationError(() => ui.Timeline([{ time: '1' } as ui.TimelineItem])).prop).toBe('items[0].title');
  });
});

describe('Tree', () => {
  it('renames onClick at every depth, checks nested nodes, sends label only when set', () => {
    const props = wireProps(ui.Tree([{ id: 'r', label: 'R', children: [{ id: 'l', label: 'L', onClick: go }] }], { label: 'Files' }));
    expect(props['nodes']).toEqual([{ id: 'r', label: 'R', children: [{ id: 'l', label: 'L', on_click: go.toDict() }] }]);
    expect(props['label']).toBe('Files');
    expect(validationError(() => ui.Tree([{ id: 'r', label: 'R', children: [{ id: 'l' } as ui.TreeNode] }])).prop).toBe('nodes[0].children[0].label');
  });
});

describe('KeyValue', () => {
  it('sends columns always and requires a key per item', () => {
    expect(wireKeys(ui.KeyValue([{ key: 'k', value: null }]))).toEqual(['items', 'columns']);
    expect(validationError(() => ui.KeyValue([{ value: 1 } as ui.KeyValueItem])).prop).toBe('items[0].key');
  });
});
