import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

describe('Graph', () => {
  it('unwraps {data: {...}} elements and copies flat ones', () => {
    const flat = { id: 'n2', label: 'B' };
    const props = wireProps(ui.Graph([{ data: { id: 'n1' } }, flat], [{ data: { source: 'n1', target: 'n2' } }]));
    expect(props['nodes']).toEqual([{ id: 'n1' }, { id: 'n2', label: 'B' }]);
    expect(props['edges']).toEqual([{ source: 'n1', target: 'n2' }]);
    expect((props['nodes'] as unknown[])[1]).not.toBe(flat);
  });

  it('uses toDict() of element objects', () => {
    const element = { toDict: () => ({ id: 'x' }) };
    expect(wireProps(ui.Graph([element as unknown as ui.GraphElement], []))['nodes']).toEqual([{ id: 'x' }]);
  });

  it('sends on_node_click only when set, after the always-sent props', () => {
    expect(wireKeys(ui.Graph([], [], { onNodeClick: ui.Call('open') })).at(-1)).toBe('on_node_click');
    expect(wireKeys(ui.Graph([], []))).not.toContain('on_node_click');
  });

  it('rejects elements that are not objects', () => {
    expect(validationError(() => ui.Graph([1 as unknown as ui.GraphElement], [])).prop).toBe('nodes[0]');
  });
});
