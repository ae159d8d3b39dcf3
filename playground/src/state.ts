/** Shared playground state: the surfaces, the identity, the live feed. */
import { createContext } from 'preact';
import type { Identity } from './api';

/** What the server reports about the extension. */
export interface Surfaces {
  app_id: string;
  functions: Array<{ name: string; description: string; action_type: string; event: string; params_schema: Record<string, any> }>;
  panels: Array<{ id: string; slot: string; title: string; icon: string; refresh: string }>;
  widgets: Array<{ id: string; label: string }>;
  trays: Array<{ id: string; tooltip: string; icon: string }>;
  skeletons: Array<{ section: string; ttl: number; description: string; value: unknown }>;
  schedules: Array<{ name: string; cron: string; next: string[] }>;
  webhooks: Array<{ path: string; method: string; secret_header: string }>;
  events: { subscribes: Array<{ type: string; handler: string }>; emits: Array<{ type: string }> };
  secrets: Array<{ name: string; scope: string; description: string }>;
}

/** A live-feed message. */
export interface LiveMessage {
  seq: number;
  kind: string;
  data: any;
}

/** What every view can read. */
export interface AppState {
  surfaces: Surfaces | null;
  identity: Identity;
  /** Bumped on every live message (views re-fetch on the kinds they care about). */
  last: LiveMessage | null;
  /** The chat messages `Send` actions would have sent. */
  sent: string[];
  /** Reports an action outcome to the user. */
  notify(text: string): void;
  /** Focus a panel (Navigate). */
  navigate(path: string): void;
  sendChat(message: string): void;
}

export const AppContext = createContext<AppState>(null as unknown as AppState);

/** True when the panel's `refresh` mode asks for a refresh on `eventType`. */
export function refreshesOn(refresh: string, eventType: string): boolean {
  return refresh.split(',').map((s) => s.trim()).some((r) => r.startsWith('on_event:') && (r.slice(9) === eventType || (r.endsWith('*') && eventType.startsWith(r.slice(9, -1)))));
}

/** Panels listen here for refresh requests (`refresh_panels` of a Call result; `null` = every panel). */
export const panelRefresh = new EventTarget();

/** Asks panels to refresh. */
export function refreshPanels(ids: string[] | null): void {
  panelRefresh.dispatchEvent(new CustomEvent('refresh', { detail: ids }));
}
