/**
 * The counts `validate` and `build` print, worded the same way in both so a
 * reader can compare them: what the author registered, then what the
 * manifest holds (platform-generated entries named as such).
 *
 * @module
 */
import type { ExtensionCounts } from '../validator/model.js';
import { SYNTHETIC_PREFIXES } from '../validator/model.js';

/** `Tools: 1, Functions: 2, Events: 0` — author tools (platform tools excluded), chat functions, event-bearing functions + handlers. */
export function countsLine(c: ExtensionCounts): string {
  return `Tools: ${c.tools}, Functions: ${c.functions}, Events: ${c.events}`;
}

const entries = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What `imperal.json` holds: `tools[]` entries split into chat functions,
 * author tools and platform tools (`__panel__*` …), then panels (the built-in
 * secrets panel named), signals and schedules.
 */
export function manifestCountsLine(manifest: Readonly<Record<string, unknown>>): string {
  const tools = entries(manifest.tools);
  const platform = tools.filter((t) => typeof t.name === 'string' && SYNTHETIC_PREFIXES.some((p) => (t.name as string).startsWith(p)));
  const functions = tools.filter((t) => !platform.includes(t) && 'action_type' in t);
  const author = tools.length - platform.length - functions.length;
  const panels = entries(manifest.panels);
  // The SDK adds the secrets panel itself when the extension declares a secret.
  const builtIn = panels.filter((p) => p.panel_id === 'secrets' && entries(manifest.secrets).length > 0);
  const panelText = builtIn.length > 0 ? `${plural(panels.length, 'panel')} (incl. the built-in secrets panel)` : plural(panels.length, 'panel');
  return `imperal.json: ${plural(tools.length, 'tools[] entry').replace('entrys', 'entries')} (${plural(functions.length, 'chat function')}, ${plural(author, 'author tool')}, ${plural(platform.length, 'platform tool')}), ${panelText}, ${plural(entries(manifest.signals).length, 'signal')}, ${plural(entries(manifest.schedules).length, 'schedule')}`;
}
