/**
 * Read-only view of the agency (white-label) theme the platform passes in the
 * context. Nothing here is sent on the wire.
 *
 * @module
 */
import { isPlainObject } from './wire.js';

/** Spacing densities. */
export const DENSITIES = ['compact', 'default', 'spacious'] as const;
/** Corner radius styles. */
export const RADII = ['sharp', 'default', 'rounded'] as const;

/** A colour for the light and the dark scheme (any CSS colour strings). */
export interface ColorPair {
  /** Colour in the light scheme. */
  readonly light: string;
  /** Colour in the dark scheme. */
  readonly dark: string;
}

/** The agency theme: named colours, density and corner radius. */
export interface AgencyTheme {
  /** Named colours, e.g. `primary`. */
  readonly colors: Readonly<Record<string, ColorPair>>;
  /** Spacing density (default `default`). */
  readonly density: (typeof DENSITIES)[number];
  /** Corner radius style (default `default`). */
  readonly radius: (typeof RADII)[number];
}

/** Anything carrying the raw theme: a Context (`agencyTheme`) or a raw wire context (`agency_theme`). */
export interface ThemeSource {
  /** Raw theme object as the platform sent it. */
  readonly agencyTheme?: unknown;
  /** Same, under its wire name. */
  readonly agency_theme?: unknown;
}

/** Returns `value` when it is one of `allowed`, else `'default'`. */
function pick<T extends string>(allowed: readonly T[], value: unknown): T {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : ('default' as T);
}

/**
 * Typed view of the agency theme. Tolerant by design (a theme must never break
 * a panel): with no context, or a missing or malformed theme, it returns the
 * default theme; colour entries without string `light` and `dark` are skipped
 * and unknown density/radius values fall back to `default`.
 *
 * @example
 * ```ts
 * const t = ui.theme(ctx);
 * const accent = t.colors.primary?.dark ?? '#6366f1';
 * ```
 */
export function theme(ctx?: ThemeSource | null): AgencyTheme {
  const raw = ctx?.agencyTheme ?? ctx?.agency_theme;
  const source = isPlainObject(raw) ? raw : {};
  const colors: Record<string, ColorPair> = {};
  if (isPlainObject(source['colors'])) {
    for (const [name, pair] of Object.entries(source['colors'])) {
      if (isPlainObject(pair) && typeof pair['light'] === 'string' && typeof pair['dark'] === 'string') {
        colors[name] = Object.freeze({ light: pair['light'], dark: pair['dark'] });
      }
    }
  }
  return Object.freeze({
    colors: Object.freeze(colors),
    density: pick(DENSITIES, source['density']),
    radius: pick(RADII, source['radius']),
  });
}
