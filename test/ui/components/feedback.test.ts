import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

describe('Alert', () => {
  it('sends the severity as variant (5.11), defaulting to info', () => {
    expect(wireProps(ui.Alert('m'))).toEqual({ message: 'm', title: '', variant: 'info' });
  });

  it('folds the renderer synonyms into canonical variants', () => {
    for (const [given, sent] of [['warning', 'warn'], ['danger', 'error'], ['err', 'error'], ['ok', 'success'], ['WARN', 'warn']] as const) {
      expect(wireProps(ui.Alert('m', { variant: given as 'warn' }))['variant']).toBe(sent);
    }
  });

  it('accepts the 4.x `type` keyword as an alias, but not together with variant', () => {
    expect(wireProps(ui.Alert('m', { type: 'error' }))).toEqual({ message: 'm', title: '', variant: 'error' });
    expect(validationError(() => ui.Alert('m', { type: 'error', variant: 'info' })).prop).toBe('type');
  });

  it('rejects an unknown severity, listing canonical values and synonyms', () => {
    const error = validationError(() => ui.Alert('m', { variant: 'fatal' as 'error' }));
    expect(error.allowed).toEqual(expect.arrayContaining([...ui.ALERT_VARIANTS, 'warning', 'danger']));
  });
});

describe('Toast', () => {
  it('sends duration only when not 5000 and action with its label', () => {
    expect(wireProps(ui.Toast('Saved'))).toEqual({ message: 'Saved', variant: 'info' });
    const undo = ui.Call('undo');
    expect(wireKeys(ui.Toast('Saved', { duration: 0, title: 'T', action: undo, actionLabel: 'Undo' }))).toEqual(['message', 'variant', 'duration', 'title', 'action', 'action_label']);
    expect(wireKeys(ui.Toast('Saved', { duration: 5000 }))).toEqual(['message', 'variant']);
  });

  it('checks variant, duration, and that action and actionLabel come together', () => {
    expect(wireProps(ui.Toast('x', { variant: 'danger' }))['variant']).toBe('error');
    expect(validationError(() => ui.Toast('x', { duration: -1 })).prop).toBe('duration');
    expect(validationError(() => ui.Toast('x', { action: ui.Call('undo') })).prop).toBe('actionLabel');
    expect(validationError(() => ui.Toast('x', { actionLabel: 'Undo' })).prop).toBe('action');
  });
});

describe('Progress', () => {
  it('sends color and the 5.11 props only when set, and validates color', () => {
    expect(wireKeys(ui.Progress(5, { color: 'green', max: 10, showValue: true, size: 'sm' }))).toEqual(['value', 'label', 'variant', 'color', 'max', 'show_value', 'size']);
    expect(validationError(() => ui.Progress(5, { color: 'pink' as 'red' })).allowed).toEqual([...ui.PROGRESS_COLORS]);
    expect(validationError(() => ui.Progress(Number.NaN)).prop).toBe('value');
  });
});

describe('Chart', () => {
  const data = [
    { day: 'Mon', spend: 10, clicks: 100 },
    { day: 'Tue', spend: 12, clicks: 90 },
  ];

  it('sends `type` as chart_type and derives series from colors over the keys of data[0]', () => {
    const props = wireProps(ui.Chart(data, { type: 'bar', xKey: 'day', colors: { clicks: '#000', other: '#fff' } }));
    expect(props['chart_type']).toBe('bar');
    expect(props['series']).toEqual([
      { key: 'spend', label: 'spend' },
      { key: 'clicks', label: 'clicks', color: '#000' },
    ]);
    expect('colors' in props).toBe(false);
  });

  it('sends no series for empty colors or empty data, and takes explicit series', () => {
    expect(wireKeys(ui.Chart(data, { colors: {} }))).toEqual(['chart_type', 'data', 'x_key', 'height']);
    expect(wireKeys(ui.Chart([], { colors: { a: '#000' } }))).toEqual(['chart_type', 'data', 'x_key', 'height']);
    expect(wireProps(ui.Chart(data, { series: [{ key: 'spend', label: 'Spend' }] }))['series']).toEqual([{ key: 'spend', label: 'Spend' }]);
    expect(validationError(() => ui.Chart(data, { series: [], colors: { a: '#000' } })).prop).toBe('colors');
  });

  it('sends the 5.11 props only when set', () => {
    expect(wireKeys(ui.Chart(data, { showDataTable: true, showLegend: true, description: 'd', title: 't', y2Keys: ['clicks'] }))).toEqual([
      'chart_type',
      'data',
      'x_key',
      'height',
      'y2_keys',
      'title',
      'description',
      'show_legend',
      'show_data_table',
    ]);
  });
});

describe('Loading and Error', () => {
  it('Loading validates its variant', () => {
    expect(validationError(() => ui.Loading('x', { variant: 'bar' as 'dots' })).allowed).toEqual([...ui.LOADING_VARIANTS]);
  });

  it('Error is exported as ui.Error, sends type Error and retry only when set', () => {
    expect(ui.Error('e').type).toBe('Error');
    expect(wireKeys(ui.Error('e', { title: 'Oops', retry: ui.Call('again') }))).toEqual(['message', 'title', 'retry']);
  });
});
