import { PANEL_SLOTS } from '../../core/records.js';
import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';
import { objectProperty, stringValue } from '../source/nodes.js';
import { pyList } from '../text.js';
import { editDistance } from './IMPERAL-SECRET-DECLARED.js';

/** Slot names people mean by another word. */
const SYNONYMS: Readonly<Record<string, string>> = {
  main: 'center', sidebar: 'left', side: 'left', 'left-sidebar': 'left', 'right-sidebar': 'right', chat: 'chat-sidebar',
  modal: 'overlay', popup: 'overlay', footer: 'bottom', middle: 'center',
};

/** The valid slot `slot` most likely meant: a known synonym, else the closest by edit distance, else 'center'. */
export function suggestSlot(slot: string): string {
  const lower = slot.toLowerCase().replace(/_/g, '-');
  if (SYNONYMS[lower]) return SYNONYMS[lower];
  const ranked = [...PANEL_SLOTS].map((s) => ({ s, d: editDistance(lower, s) })).sort((a, b) => a.d - b.d);
  return ranked[0] && ranked[0].d <= 3 ? ranked[0].s : 'center';
}

/** PANEL-SLOT-1 — a literal panel `slot:` is one the panel host knows. */
export const PANEL_SLOT_1: Rule = {
  id: 'PANEL-SLOT-1',
  level: 'ERROR',
  summary: 'ext.panel slot must be one of bottom, center, chat-sidebar, left, overlay, right',
  check({ source }) {
    return source.registrations.flatMap((r) => {
      const slot = r.method === 'panel' ? stringValue(objectProperty(r.options, 'slot')) : undefined;
      if (slot === undefined || (PANEL_SLOTS as readonly string[]).includes(slot)) return [];
      return [finding('PANEL-SLOT-1', 'ERROR',
        `@ext.panel(..., { slot: '${slot}' }) is not a valid slot. Must be one of ${pyList([...PANEL_SLOTS])}. Note: 'main' was removed in SDK 3.4.0; use 'center' instead.`,
        `Replace slot: '${slot}' with slot: '${suggestSlot(slot)}'`, locate(r.file, r.call))];
    });
  },
};
