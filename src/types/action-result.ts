import { ValidationError } from '../errors.js';
import { isPlainObject, isWireSerializable } from './json.js';

/** The wire form of an {@link ActionResult} (`ActionResult.toDict()`), keys in wire order. */
export interface ActionResultDict {
  status: 'success' | 'error';
  summary: string;
  data: unknown;
  error?: string;
  error_code?: string;
  retryable?: true;
  ui?: unknown;
  refresh_panels?: string[];
}

/** Options of {@link ActionResult.success}. */
export interface SuccessOptions {
  /** One line for the chat, e.g. `Created "Buy milk"`. */
  summary?: string;
  /** A UI node (or its wire dict) shown with the result. */
  ui?: unknown;
  /**
   * Panels to refresh after this action: a list of panel ids, `[]` for none.
   * Leave it out to let the platform refresh every panel.
   */
  refreshPanels?: string[] | null;
}

/** Options of {@link ActionResult.error}. */
export interface ErrorOptions {
  /** True when calling again later may succeed (timeouts, rate limits). */
  retryable?: boolean;
  /** Stable machine-readable code, e.g. `NOT_FOUND`; emitted as `error_code`. */
  code?: string;
  /** Structured details for the caller (e.g. the fields that failed validation); `{}` by default. */
  data?: Record<string, unknown>;
}

/**
 * What a chat function returns: success with data and a summary, or an error.
 *
 * The wire form ({@link ActionResult.toDict}) is byte-compatible with the Python
 * SDK's: keys `status, summary, data, error, error_code, retryable, ui,
 * refresh_panels`, optional keys omitted when unset.
 *
 * @typeParam T - the shape of `data` on success.
 */
export class ActionResult<T = Record<string, unknown>> {
  /** `success` or `error`. */
  readonly status: 'success' | 'error';
  /** The payload (`{}` for errors). */
  readonly data: T;
  /** One line for the chat. */
  readonly summary: string;
  /** The error message (errors only). */
  readonly error: string | undefined;
  /** Stable error code (errors only; `''` when none). */
  readonly errorCode: string;
  /** Whether calling again may succeed. */
  readonly retryable: boolean;
  /** A UI node (or its wire dict) shown with the result. */
  readonly ui: unknown;
  /** Panels to refresh; `undefined` refreshes all, `[]` none. */
  readonly refreshPanels: string[] | undefined;

  /** Use {@link ActionResult.success} or {@link ActionResult.error}. */
  protected constructor(fields: {
    status: 'success' | 'error';
    data: T;
    summary?: string;
    error?: string | undefined;
    errorCode?: string;
    retryable?: boolean;
    ui?: unknown;
    refreshPanels?: string[] | null | undefined;
  }) {
    this.status = fields.status;
    this.data = fields.data;
    this.summary = fields.summary ?? '';
    this.error = fields.error;
    this.errorCode = fields.errorCode ?? '';
    this.retryable = fields.retryable ?? false;
    this.ui = fields.ui ?? undefined;
    this.refreshPanels = fields.refreshPanels ?? undefined;
  }

  /** A successful result carrying `data`. */
  static success<T>(data: T, options: SuccessOptions = {}): ActionResult<T> {
    return new ActionResult<T>({
      status: 'success',
      data,
      summary: options.summary,
      ui: options.ui,
      refreshPanels: options.refreshPanels,
    });
  }

  /**
   * A failed result; `message` is shown to the user and the LLM. Its type fits any
   * `ActionResult<T>`, so a handler typed `Promise<ActionResult<Task>>` may return it.
   */
  static error<T = never>(message: string, options: ErrorOptions = {}): ActionResult<T> {
    return new ActionResult<T>({
      status: 'error',
      data: (options.data ?? {}) as T,
      error: message,
      errorCode: options.code,
      retryable: options.retryable,
    });
  }

  /**
   * Rebuilds a result from its wire form (unknown keys are ignored; `ui` is kept).
   *
   * @throws {@link ValidationError} when `dict` is not an object.
   */
  static fromDict<T = Record<string, unknown>>(dict: Record<string, unknown>): ActionResult<T> {
    if (!isPlainObject(dict)) throw new ValidationError('', `an ActionResult dict must be an object, got ${dict === null ? 'null' : typeof dict}`);
    const status = dict.status === 'success' ? 'success' : 'error';
    const refresh = dict.refresh_panels;
    return new ActionResult<T>({
      status,
      data: (dict.data ?? {}) as T,
      summary: typeof dict.summary === 'string' ? dict.summary : '',
      error: typeof dict.error === 'string' ? dict.error : undefined,
      errorCode: typeof dict.error_code === 'string' ? dict.error_code : '',
      retryable: dict.retryable === true,
      ui: dict.ui ?? undefined,
      refreshPanels: Array.isArray(refresh) ? refresh.filter((id): id is string => typeof id === 'string') : undefined,
    });
  }

  /** True when `value` is an ActionResult (also across duplicate copies of the SDK). */
  static isActionResult(value: unknown): value is ActionResult<unknown> {
    if (value instanceof ActionResult) return true;
    return (
      value !== null &&
      typeof value === 'object' &&
      typeof (value as ActionResult).toDict === 'function' &&
      ((value as ActionResult).status === 'success' || (value as ActionResult).status === 'error') &&
      'retryable' in value
    );
  }

  /** True for a successful result. */
  get ok(): boolean {
    return this.status === 'success';
  }

  /** The wire form: key order and omissions as the platform expects. */
  toDict(): ActionResultDict {
    const out: ActionResultDict = { status: this.status, summary: this.summary, data: serializeData(this.data) };
    if (this.error !== undefined) out.error = this.error;
    if (this.errorCode) out.error_code = this.errorCode;
    if (this.retryable) out.retryable = true;
    if (this.ui !== undefined && this.ui !== null) out.ui = isWireSerializable(this.ui) ? this.ui.toDict() : this.ui;
    if (this.refreshPanels !== undefined) out.refresh_panels = [...this.refreshPanels];
    return out;
  }

  /** `JSON.stringify(result)` yields the wire form. */
  toJSON(): ActionResultDict {
    return this.toDict();
  }
}

// Data objects that know their wire form (Documents, Pages) are serialised by it;
// everything else travels as given.
function serializeData(data: unknown): unknown {
  if (data === undefined) return {};
  if (!isPlainObject(data) && isWireSerializable(data)) return data.toDict();
  return data;
}
