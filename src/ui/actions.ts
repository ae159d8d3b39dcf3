/**
 * What a click, a submit or a change does: call an extension function,
 * navigate inside the panel, send a chat message or open a URL.
 *
 * @module
 */
import { UIValidationError } from './errors.js';
import { copyDefined } from './wire.js';

/** The four action kinds the panel renderer understands. */
export type UIActionKind = 'call' | 'navigate' | 'send' | 'open';

/** JSON form of an action: `{action, ...fields}`. */
export type WireAction<A extends string = string> = { action: A } & Record<string, unknown>;

/**
 * An action attached to a component (`onClick`, `onSubmit`, `retry`, …).
 * On the wire it is `{action: <kind>}` followed by its fields at the top level.
 */
export class UIAction<A extends string = string> {
  /** The action kind, e.g. `call`. */
  readonly action: A;
  /** Fields merged next to `action` on the wire (`function`/`params`, `path`, `message`, `url`). */
  readonly fields: Readonly<Record<string, unknown>>;

  constructor(action: A, fields: Record<string, unknown> = {}) {
    this.action = action;
    this.fields = fields;
  }

  /** The wire JSON as plain data. */
  toDict(): WireAction<A> {
    return copyDefined(this.fields, true, false, { action: this.action }) as WireAction<A>;
  }

  /** Called by `JSON.stringify`; same text as `toDict()`. */
  toJSON(): WireAction<A> {
    return { action: this.action, ...this.fields };
  }
}

/** Rejects a missing or empty string argument of an action factory. */
function requireText(factory: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) throw new UIValidationError(factory, name, 'must be a non-empty string');
  return value;
}

/**
 * Calls one of the extension's functions directly (no chat LLM in between).
 * Value-carrying controls merge their current value into `params` under their
 * `paramName` when they fire the action.
 *
 * @example
 * ```ts
 * ui.Button('Refresh', { onClick: ui.Call('refresh_inbox', { folder: 'INBOX', page: 1 }) });
 * // → {"action":"call","function":"refresh_inbox","params":{"folder":"INBOX","page":1}}
 * ```
 */
export function Call<P extends Record<string, unknown> = Record<string, unknown>>(fn: string, params?: P): UIAction<'call'> {
  return new UIAction('call', { function: requireText('Call', 'function', fn), params: { ...params } });
}

/**
 * Client-side navigation inside the panel, e.g. `/ext/<app>/secrets#name`.
 *
 * @example
 * ```ts
 * ui.Navigate('/ext/demo/card'); // → {"action":"navigate","path":"/ext/demo/card"}
 * ```
 */
export function Navigate(path: string): UIAction<'navigate'> {
  return new UIAction('navigate', { path: requireText('Navigate', 'path', path) });
}

/**
 * Sends the text to the chat as if the user had typed it.
 *
 * @example
 * ```ts
 * ui.Send('Create my first item'); // → {"action":"send","message":"Create my first item"}
 * ```
 */
export function Send(message: string): UIAction<'send'> {
  return new UIAction('send', { message: requireText('Send', 'message', message) });
}

/**
 * Opens a URL in a new browser tab.
 *
 * @example
 * ```ts
 * ui.Open('https://docs.example.test'); // → {"action":"open","url":"https://docs.example.test"}
 * ```
 */
export function Open(url: string): UIAction<'open'> {
  return new UIAction('open', { url: requireText('Open', 'url', url) });
}
