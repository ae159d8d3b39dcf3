/**
 * TrayResponse: the envelope a tray handler returns for the OS top bar.
 *
 * @module
 */
import { define } from '../factory.js';
import type { UINode } from '../node.js';
import { whenSet } from '../spec.js';
import { oneNode } from '../validate.js';

/** Props of {@link TrayResponse}. */
export interface TrayResponseProps {
  /** Node overlaid on the tray icon (usually a Badge). */
  badge?: UINode;
  /** Node shown in the tray's dropdown. */
  panel?: UINode;
}

/**
 * What a tray handler returns: a badge over the tray icon and/or a dropdown
 * panel. The shell unpacks it; it is not a visual component.
 *
 * @example
 * ```ts
 * ui.TrayResponse({ badge: ui.Badge('3', { color: 'red' }), panel: ui.List({ items }) });
 * ```
 */
export const TrayResponse = define<TrayResponseProps>()({
  type: 'TrayResponse',
  leads: [],
  props: [whenSet('badge', { check: oneNode }), whenSet('panel', { check: oneNode })],
});
