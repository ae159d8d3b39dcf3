/**
 * Everything the playground lists, read from the serving extension's registry:
 * functions with their params schemas, panels, widgets, trays, skeletons,
 * schedules (with their next fire times), webhooks, events and secrets.
 *
 * @module
 */
import { Cron } from 'croner';
import type { Extension } from '../core/extension.js';
import { PlatformState } from '../testing/engine/platform.js';

/** How many upcoming fire times are listed per schedule. */
export const NEXT_FIRES = 3;

/** Upcoming fire times of `cron` (UTC ISO strings); `[]` when it never fires or does not parse. */
export function nextFires(cron: string, count = NEXT_FIRES, from = new Date()): string[] {
  try {
    return new Cron(cron, { paused: true, timezone: 'UTC' }).nextRuns(count, from).map((d) => d.toISOString());
  } catch {
    return [];
  }
}

/** The playground's view of an extension. */
export function surfacesOf(ext: Extension, platform: PlatformState, userId = ''): Record<string, unknown> {
  const r = ext.registry;
  return {
    app_id: ext.appId,
    functions: [...r.functions.values()].map((f) => ({ name: f.name, description: f.description, action_type: f.actionType, event: f.event, params_schema: f.paramsSchema })),
    exposed: [...r.exposed.values()].map((f) => ({ name: f.name, action_type: f.actionType })),
    panels: [...r.panels.values()].map((p) => ({ id: p.id, slot: p.slot, title: p.title, icon: p.icon, refresh: p.refresh })),
    widgets: [...r.widgets.values()].map((w) => ({ id: w.id, slot: w.slot, label: w.label, icon: w.icon })),
    trays: [...r.trays.values()].map((t) => ({ id: t.id, icon: t.icon, tooltip: t.tooltip })),
    skeletons: [...r.skeletons.values()].map((s) => ({
      section: s.section,
      ttl: s.ttl,
      description: s.description,
      value: platform.skeleton.get(PlatformState.skeletonKey(ext.appId, userId, s.section)) ?? null,
    })),
    schedules: [...r.schedules.values()].map((s) => ({ name: s.name, cron: s.cron, next: nextFires(s.cron) })),
    webhooks: [...r.webhooks.values()].map((w) => ({ path: w.path, method: w.method, secret_header: w.secretHeader })),
    events: {
      subscribes: r.eventHandlers.map((h) => ({ type: h.eventType, handler: h.handlerName })),
      emits: [...r.emits].map((e) => ({ type: e.eventType })),
    },
    secrets: [...r.secrets.values()].map((s) => ({ name: s.name, scope: s.scope, description: s.description })),
  };
}
