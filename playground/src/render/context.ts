/**
 * What a rendered UI tree needs from the playground: running actions, and the
 * form (if any) that collects the values of the inputs below it.
 */
import { createContext } from 'preact';

/** A wire action: `{action: 'call'|'navigate'|'send'|'open', ...}`. */
export type WireAction = { action: string; [key: string]: unknown };

/** Runs actions fired by the rendered UI. */
export interface RenderHost {
  /** Fires `action`, with input values merged into its params. */
  act(action: WireAction, values?: Record<string, unknown>): void;
}

/** The nearest `Form`: inputs report their values to it. */
export interface FormScope {
  set(name: string, value: unknown): void;
}

export const HostContext = createContext<RenderHost>({ act: () => undefined });
export const FormContext = createContext<FormScope | null>(null);

/** A UI node on the wire. */
export interface WireNode {
  type: string;
  props: Record<string, unknown>;
}

/** True for `{type, props}` objects. */
export function isNode(v: unknown): v is WireNode {
  return !!v && typeof v === 'object' && typeof (v as WireNode).type === 'string' && !!(v as WireNode).props && typeof (v as WireNode).props === 'object';
}

/** True for `{action: ...}` objects. */
export function isAction(v: unknown): v is WireAction {
  return !!v && typeof v === 'object' && typeof (v as WireAction).action === 'string';
}

/** Text of a scalar prop. */
export const str = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
