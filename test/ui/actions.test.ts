import { describe, expect, it } from 'vitest';
import * as ui from '../../src/ui/index.js';
import { validationError } from './helpers.js';

describe('actions', () => {
  it('Call sends function and params (empty object when none), keeping param order', () => {
    expect(ui.Call('f').toDict()).toEqual({ action: 'call', function: 'f', params: {} });
    const call = ui.Call('f', { b: 1, a: 2 });
    expect(JSON.stringify(call)).toBe('{"action":"call","function":"f","params":{"b":1,"a":2}}');
  });

  it('Call copies its params, so later edits of the caller object do not leak in', () => {
    const params: Record<string, unknown> = { a: 1 };
    const call = ui.Call('f', params);
    params['b'] = 2;
    expect(call.toDict()['params']).toEqual({ a: 1 });
  });

  it('Call serialises nodes nested in params in toDict() like JSON.stringify does', () => {
    const call = ui.Call('f', { preview: ui.Text('x') });
    expect(call.toDict()).toEqual(JSON.parse(JSON.stringify(call)));
  });

  it('Navigate, Send and Open carry their single field', () => {
    expect(ui.Navigate('/p').toDict()).toEqual({ action: 'navigate', path: '/p' });
    expect(ui.Send('hi').toDict()).toEqual({ action: 'send', message: 'hi' });
    expect(ui.Open('https://x.test').toDict()).toEqual({ action: 'open', url: 'https://x.test' });
  });

  it('refuse an empty or missing argument', () => {
    expect(validationError(() => ui.Call('')).component).toBe('Call');
    expect(validationError(() => ui.Navigate(undefined as unknown as string)).prop).toBe('path');
    expect(validationError(() => ui.Send('')).prop).toBe('message');
    expect(validationError(() => ui.Open('')).prop).toBe('url');
  });

  it('are UIAction instances usable wherever an action slot is typed', () => {
    expect(ui.Send('x')).toBeInstanceOf(ui.UIAction);
    expect(ui.Send('x').action).toBe('send');
  });
});
