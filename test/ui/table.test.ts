// The compiled prop-table engine behind every factory: argument parsing,
// defaults and the errors it raises.
import { describe, expect, it } from 'vitest';
import * as ui from '../../src/ui/index.js';
import { validationError, wireProps } from './helpers.js';

describe('factory arguments', () => {
  it('treat trailing undefined as "no options", positional or not', () => {
    const plain = JSON.stringify(ui.Text('a'));
    expect(JSON.stringify(ui.Text('a', undefined))).toBe(plain);
    expect(JSON.stringify(ui.Card(undefined))).toBe(JSON.stringify(ui.Card()));
  });

  it('refuse more positional values than the component takes, naming them', () => {
    const error = validationError(() => (ui.Text as (...args: unknown[]) => unknown)('a', 'b'));
    expect(error.prop).toBe('argument 2');
    expect(error.message).toContain('at most 1 positional argument(s) (content)');
  });

  it('refuse unknown options, listing props then node options', () => {
    const error = validationError(() => ui.Badge('b', { colour: 'red' } as never));
    expect(error.prop).toBe('colour');
    expect(error.allowed).toEqual(['label', 'value', 'color', 'size', 'dot', 'id', 'key', 'revision', 'autoAction', 'extra']);
    expect(error.message).toContain('use `extra`');
  });

  it('refuse an option given positionally and in the options object, null included', () => {
    expect(validationError(() => ui.Stat('L', 1, { value: 2 } as never)).prop).toBe('value');
    expect(validationError(() => ui.Text('a', { content: null } as never)).prop).toBe('content');
  });

  it('treat null as "not given": the default applies', () => {
    expect(wireProps(ui.Button('B', { variant: null as never }))['variant']).toBe('primary');
  });

  it('read options from null-prototype objects', () => {
    const options = Object.assign(Object.create(null) as object, { variant: 'caption' as const });
    expect(wireProps(ui.Text('a', options))['variant']).toBe('caption');
  });
});

describe('defaults', () => {
  it('give every node its own default arrays, so editing one node leaves the next alone', () => {
    const first = ui.MultiSelect([{ value: 'a', label: 'A' }]);
    (first.props['values'] as string[]).push('a');
    const tags = ui.TagInput();
    (tags.props['suggestions'] as string[]).push('x');
    expect(wireProps(ui.MultiSelect([{ value: 'a', label: 'A' }]))['values']).toEqual([]);
    expect(wireProps(ui.TagInput())['suggestions']).toEqual([]);
  });
});

describe('serialisation fast path', () => {
  it('JSON.stringify drops a top-level null set after construction, like toDict()', () => {
    const node = ui.Button('B');
    node.props['icon'] = null;
    node.props['size'] = undefined;
    expect(JSON.parse(JSON.stringify(node))).toEqual(node.toDict());
    expect(Object.keys(node.toDict().props)).toEqual(['label', 'variant', 'disabled']);
  });

  it('JSON.stringify and toDict() agree for nodes with identity and nested actions', () => {
    const node = ui.Stack([ui.Button('B', { onClick: ui.Call('f', { n: null }) })], { key: 'k', revision: 1, autoAction: ui.Navigate('/x') });
    expect(JSON.stringify(node)).toBe(JSON.stringify(node.toDict()));
  });
});
