/**
 * Wire names for the system kinds, so that every invocation can travel as an RPC
 * envelope (whose `function` is a tool name). The platform's own synthetic names
 * (`__panel__<id>`, `__widget__<id>`, `__tray__<id>`, `__menu__<id>`,
 * `__webhook__<path>`, `skeleton_refresh_<section>`) are routed by the dispatcher's
 * tool path; these add the kinds that have no tool of their own:
 *
 * | `function` | `params` | invocation |
 * |---|---|---|
 * | `__schedule__<name>` | — | `{ kind: 'schedule', name }` |
 * | `__signal__<name>` | — | `{ kind: 'signal', name }` |
 * | `__event__` | the event's wire dict | `{ kind: 'event', event: params }` |
 * | `__lifecycle__<hook>` | `{ version?, from_version? }` | `{ kind: 'lifecycle', hook, version, fromVersion }` |
 * | `__health__` | — | `{ kind: 'health' }` |
 *
 * @module
 */
import type { EventDict } from '../types/event.js';
import type { LifecycleKind } from './records.js';

/** An invocation of a system kind, read from a wire name. */
export type SystemWireInvocation =
  | { readonly kind: 'schedule' | 'signal'; readonly name: string }
  | { readonly kind: 'event'; readonly event: EventDict }
  | { readonly kind: 'lifecycle'; readonly hook: LifecycleKind; readonly version?: string; readonly fromVersion?: string }
  | { readonly kind: 'health' };

const LIFECYCLE: ReadonlySet<string> = new Set(['on_install', 'on_uninstall', 'on_enable', 'on_disable', 'on_upgrade']);
const SYSTEM_NAME = /^__(schedule|signal|lifecycle)__(.+)$/;

/** The system invocation `name` stands for, or `undefined` when it names no system kind. */
export function systemInvocationOf(name: string, params: unknown): SystemWireInvocation | undefined {
  if (name === '__health__') return { kind: 'health' };
  if (name === '__event__') return { kind: 'event', event: (params ?? {}) as EventDict };
  const m = SYSTEM_NAME.exec(name);
  if (!m) return undefined;
  const [, kind, rest] = m as unknown as [string, 'schedule' | 'signal' | 'lifecycle', string];
  if (kind !== 'lifecycle') return { kind, name: rest };
  if (!LIFECYCLE.has(rest)) return undefined;
  const p = (params ?? {}) as { version?: unknown; from_version?: unknown };
  return {
    kind: 'lifecycle',
    hook: rest as LifecycleKind,
    ...(typeof p.version === 'string' ? { version: p.version } : {}),
    ...(typeof p.from_version === 'string' ? { fromVersion: p.from_version } : {}),
  };
}
