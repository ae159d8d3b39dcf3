import { describe, expect, it } from 'vitest';
import * as ui from '../../src/ui/index.js';

describe('ui.theme', () => {
  it('returns the default theme without a context or with a malformed one', () => {
    for (const ctx of [undefined, null, {}, { agencyTheme: 'dark' }, { agency_theme: [1] }]) {
      expect(ui.theme(ctx)).toEqual({ colors: {}, density: 'default', radius: 'default' });
    }
  });

  it('keeps only colour entries with string light and dark', () => {
    const t = ui.theme({
      agencyTheme: {
        colors: { primary: { light: '#fff', dark: '#000', extra: 1 }, broken: { light: '#fff' }, wrong: 'red' },
        density: 'compact',
        radius: 'rounded',
        unknown: true,
      },
    });
    expect(t).toEqual({ colors: { primary: { light: '#fff', dark: '#000' } }, density: 'compact', radius: 'rounded' });
  });

  it('reads the wire name too and falls back to default for unknown density/radius', () => {
    expect(ui.theme({ agency_theme: { density: 'huge', radius: 'sharp' } })).toMatchObject({ density: 'default', radius: 'sharp' });
  });

  it('returns a frozen value', () => {
    const t = ui.theme({ agencyTheme: { colors: { a: { light: 'x', dark: 'y' } } } });
    expect(Object.isFrozen(t)).toBe(true);
    expect(Object.isFrozen(t.colors)).toBe(true);
    expect(Object.isFrozen(t.colors['a'])).toBe(true);
  });
});
