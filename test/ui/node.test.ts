import { describe, expect, it } from 'vitest';
import { ImperalError } from '../../src/errors.js';
import * as ui from '../../src/ui/index.js';
import { validationError } from './helpers.js';

describe('UINode serialisation', () => {
  it('drops top-level null/undefined props but keeps nested nulls and falsy values', () => {
    const node = new ui.UINode('X', { a: null, b: undefined, c: 0, d: '', e: false, f: [null], g: { h: null } });
    expect(node.toDict()).toEqual({ type: 'X', props: { c: 0, d: '', e: false, f: [null], g: { h: null } } });
    expect(JSON.stringify(node)).toBe(JSON.stringify(node.toDict()));
  });

  it('converts nested nodes and actions inside lists and objects into plain data', () => {
    const node = new ui.UINode('X', { list: [ui.Text('a'), { on: ui.Send('s') }] });
    const dict = node.toDict();
    expect(dict.props['list']).toEqual([{ type: 'Text', props: { content: 'a', variant: 'body' } }, { on: { action: 'send', message: 's' } }]);
    expect(Object.getPrototypeOf((dict.props['list'] as unknown[])[0])).toBe(Object.prototype);
  });

  it('toDict() copies: undefined dropped at every depth, null kept below the top, other objects left as they are', () => {
    const when = new Date(0);
    const props = Object.assign(Object.create(null) as Record<string, unknown>, {
      a: { x: undefined, y: null, z: ui.Text('t') },
      b: [undefined, ui.Call('f')],
      c: when,
      d: null,
    });
    const dict = new ui.UINode('X', props).toDict();
    expect(dict.props).toStrictEqual({
      a: { y: null, z: { type: 'Text', props: { content: 't', variant: 'body' } } },
      b: [null, { action: 'call', function: 'f', params: {} }],
      c: when,
    });
    expect(Object.getPrototypeOf(dict.props)).toBe(Object.prototype);
    expect(dict.props['a']).not.toBe(props['a']);
    expect(JSON.stringify(new ui.UINode('X', props))).toBe(JSON.stringify(dict));
  });

  it('sees prop edits made after construction (escape hatch for host-level props)', () => {
    const node = ui.Text('a');
    node.props['variant'] = 'caption';
    expect(JSON.parse(JSON.stringify(node)).props.variant).toBe('caption');
  });
});

describe('node identity', () => {
  it('emits id, key and revision after props, only when set', () => {
    expect(Object.keys(ui.Text('a').toDict())).toEqual(['type', 'props']);
    const node = ui.Text('a', { id: 'i', key: 'k', revision: 2 });
    expect(Object.keys(node.toDict())).toEqual(['type', 'props', 'id', 'key', 'revision']);
    expect(node.toDict()).toMatchObject({ id: 'i', key: 'k', revision: 2 });
  });

  it('validates identity options', () => {
    expect(validationError(() => ui.Text('a', { revision: 1.5 })).prop).toBe('revision');
    expect(validationError(() => ui.Text('a', { key: 3 as unknown as string })).prop).toBe('key');
  });
});

describe('autoAction', () => {
  it('is sent as the auto_action prop after the typed props', () => {
    const open = ui.Call('__panel__editor', { note_id: 'n1' });
    const node = ui.Stack([ui.Text('a')], { autoAction: open });
    expect(Object.keys(node.toDict().props).at(-1)).toBe('auto_action');
    expect(node.autoAction).toBe(open);
  });

  it('can be set and cleared on an existing node', () => {
    const node = ui.Stack([ui.Text('a')]);
    node.autoAction = ui.Navigate('/x');
    expect(node.toDict().props['auto_action']).toEqual({ action: 'navigate', path: '/x' });
    node.autoAction = undefined;
    expect('auto_action' in node.toDict().props).toBe(false);
  });

  it('must be an action', () => {
    expect(validationError(() => ui.Text('a', { autoAction: 'go' as unknown as ui.UIAction })).prop).toBe('autoAction');
  });
});

describe('unknown props and extra', () => {
  it('rejects an unknown option, listing the accepted ones', () => {
    const error = validationError(() => ui.Button('B', { colour: 'red' } as never));
    expect(error.prop).toBe('colour');
    expect(error.allowed).toEqual(expect.arrayContaining(['label', 'variant', 'extra']));
    expect(error.message).toContain('extra');
  });

  it('sends extra props verbatim after the typed ones', () => {
    const node = ui.Button('B', { extra: { data_testid: 'b1', tooltip: { text: 'x' } } });
    expect(Object.keys(node.toDict().props).slice(-2)).toEqual(['data_testid', 'tooltip']);
  });

  it('refuses extra keys that a typed option owns, in wire or TS spelling', () => {
    expect(validationError(() => ui.Button('B', { extra: { full_width: true } })).prop).toBe('extra.full_width');
    expect(validationError(() => ui.Button('B', { extra: { fullWidth: true } })).prop).toBe('extra.fullWidth');
    expect(validationError(() => ui.Button('B', { extra: { auto_action: 1 } })).prop).toBe('extra.auto_action');
  });
});

describe('positional shorthand', () => {
  it('refuses more positional values than the factory takes', () => {
    const error = validationError(() => (ui.Text as (...a: unknown[]) => unknown)('a', 'b'));
    expect(error.message).toContain('at most 1 positional');
  });

  it('treats an undefined options argument as no options', () => {
    const options: ui.TextProps | undefined = undefined;
    expect(ui.Text('a', options).toDict()).toEqual(ui.Text('a').toDict());
    expect(ui.Card(undefined).toDict()).toEqual(ui.Card().toDict());
  });

  it('treats an undefined positional as not given', () => {
    expect(ui.Badge(undefined as unknown as string, { value: 7 }).toDict()).toEqual(ui.Badge({ value: 7 }).toDict());
  });
});

describe('ui.node (escape hatch)', () => {
  it('builds a renderer-only node with verbatim props, identity and auto action', () => {
    const upload = ui.node('BulkUpload', { param_name: 'files', on_upload: ui.Call('import_rows') }, { key: 'bu', autoAction: ui.Call('warm') });
    expect(upload).toBeInstanceOf(ui.UINode);
    expect(upload.toDict()).toEqual({
      type: 'BulkUpload',
      props: { param_name: 'files', on_upload: { action: 'call', function: 'import_rows', params: {} }, auto_action: { action: 'call', function: 'warm', params: {} } },
      key: 'bu',
    });
  });

  it('copies the props object and checks its arguments', () => {
    const props = { a: 1 };
    const node = ui.node('X', props);
    node.props['b'] = 2;
    expect(props).toEqual({ a: 1 });
    expect(validationError(() => ui.node('', {})).prop).toBe('type');
    const unknown = validationError(() => ui.node('X', {}, { extra: { a: 1 } } as never));
    expect([unknown.prop, unknown.allowed]).toEqual(['extra', ['id', 'key', 'revision', 'autoAction']]);
    expect(validationError(() => ui.node('X', { auto_action: ui.Call('a') }, { autoAction: ui.Call('b') })).prop).toBe('autoAction');
    expect(validationError(() => ui.node('X', [] as unknown as Record<string, unknown>)).prop).toBe('props');
  });

  it('isUINode recognises nodes, including duck-typed copies', () => {
    expect(ui.isUINode(ui.Text('a'))).toBe(true);
    expect(ui.isUINode({ type: 'Text', props: {}, toDict: () => ({}) })).toBe(true);
    expect(ui.isUINode({ type: 'Text', props: {} })).toBe(false);
  });
});

describe('UIValidationError', () => {
  it('is an ImperalError with code ui_validation_error', () => {
    const error = validationError(() => ui.Button('B', { size: 'xxl' as 'lg' }));
    expect(error).toBeInstanceOf(ImperalError);
    expect(error.code).toBe('ui_validation_error');
    expect(error.name).toBe('UIValidationError');
    expect(error.message).toMatch(/^ui\.Button: prop 'size' .*allowed: sm, md, lg/);
  });
});

describe('TrayResponse', () => {
  it('sends badge and panel only when given', () => {
    expect(ui.TrayResponse().toDict()).toEqual({ type: 'TrayResponse', props: {} });
    const badge = ui.Badge('3');
    expect(ui.TrayResponse({ badge }).toDict().props).toEqual({ badge: badge.toDict() });
    expect(validationError(() => ui.TrayResponse({ panel: 'x' as unknown as ui.UINode })).prop).toBe('panel');
  });
});
