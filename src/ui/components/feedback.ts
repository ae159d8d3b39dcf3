/**
 * Feedback components: Alert, Toast, Progress, Chart, Loading, Error.
 *
 * @module
 */
import type { UIAction } from '../actions.js';
import { define } from '../factory.js';
import { act, alias, always, changed, filled, inputOnly, required } from '../spec.js';
import { fail, listOf, numberIn, oneOf, strings, type Suggest } from '../validate.js';
import { isPlainObject } from '../wire.js';

/** Severity variants of Alert and Toast on the wire. */
export const ALERT_VARIANTS = ['info', 'success', 'warn', 'error'] as const;
/** Synonyms the renderer tolerates; the SDK sends the canonical value. */
const ALERT_ALIASES = { warning: 'warn', danger: 'error', err: 'error', ok: 'success' } as const;
/** A severity: a canonical variant or one of its synonyms (`warning`, `danger`, `err`, `ok`). */
export type AlertVariant = (typeof ALERT_VARIANTS)[number] | keyof typeof ALERT_ALIASES;

const severity = oneOf(ALERT_VARIANTS, ALERT_ALIASES);

/** Props of {@link Alert}. */
export interface AlertProps {
  /** Alert text. */
  message: string;
  /** Bold first line (always sent, default `''`). */
  title?: string;
  /** Severity (default `info`); synonyms are normalised. */
  variant?: AlertVariant;
  /** Alias of `variant` (the 4.x keyword); pass one of the two. */
  type?: AlertVariant;
}

/**
 * An inline banner.
 *
 * @example
 * ```ts
 * ui.Alert('Sync delayed', { title: 'Heads up', variant: 'warning' }); // sent as "warn"
 * ```
 */
export const Alert = define<AlertProps>()({
  type: 'Alert',
  leads: ['message'],
  props: [required('message'), always('title', { default: '' }), always('variant', { default: 'info', check: severity }), alias('type', 'variant')],
});

/** Props of {@link Toast}. */
export interface ToastProps {
  /** Toast text. */
  message: string;
  /** Severity (default `info`); synonyms are normalised. */
  variant?: AlertVariant;
  /** Milliseconds before it hides (default 5000, sent only when different). */
  duration?: number;
  /** Bold first line. */
  title?: string;
  /** Action of the toast's button; needs `actionLabel`. */
  action?: UIAction;
  /** Text of the toast's button; needs `action`. */
  actionLabel?: string;
}

/**
 * A transient notification.
 *
 * @example
 * ```ts
 * ui.Toast('Saved', { variant: 'success', action: ui.Call('undo'), actionLabel: 'Undo' });
 * ```
 */
export const Toast = define<ToastProps>()({
  type: 'Toast',
  leads: ['message'],
  props: [
    required('message'),
    always('variant', { default: 'info', check: severity }),
    changed('duration', 5000, { check: numberIn(0) }),
    filled('title'),
    act('action'),
    filled('actionLabel'),
  ],
  prepare: (options, component) => {
    if ((options['action'] === undefined) !== (options['actionLabel'] === undefined)) {
      throw fail({ component, prop: options['action'] === undefined ? 'action' : 'actionLabel' }, "is required when 'action' or 'actionLabel' is given; pass both");
    }
    return options;
  },
});

/** Progress colours. */
export const PROGRESS_COLORS = ['blue', 'green', 'red', 'yellow', 'purple'] as const;

/** Props of {@link Progress}. */
export interface ProgressProps {
  /** Current value (0–100 unless `max` is given). */
  value: number;
  /** Label (always sent, default `''`). */
  label?: string;
  /** Shape (default `bar`). */
  variant?: Suggest<'bar' | 'circle'>;
  /** Colour; unset is the default blue. */
  color?: (typeof PROGRESS_COLORS)[number];
  /** Value that counts as complete. */
  max?: number;
  /** Print the value next to the bar. */
  showValue?: boolean;
  /** Size step. */
  size?: Suggest<'sm' | 'md' | 'lg'>;
}

/**
 * A progress bar or ring.
 *
 * @example
 * ```ts
 * ui.Progress(42, { label: 'Quota', color: 'yellow' });
 * ```
 */
export const Progress = define<ProgressProps>()({
  type: 'Progress',
  leads: ['value'],
  props: [
    required('value', { check: numberIn() }),
    always('label', { default: '' }),
    always('variant', { default: 'bar' }),
    filled('color', { check: oneOf(PROGRESS_COLORS) }),
    filled('max'),
    filled('showValue'),
    filled('size'),
  ],
});

/** One series of a {@link Chart}. */
export interface ChartSeries {
  /** Data key plotted. */
  key: string;
  /** Legend label. */
  label: string;
  /** CSS colour. */
  color?: string;
}

/** Props of {@link Chart}. */
export interface ChartProps {
  /** Data points; every key except `xKey` is a series. Sent verbatim. */
  data: readonly Readonly<Record<string, unknown>>[];
  /** Chart kind (default `line`). Sent as `chart_type`. */
  type?: Suggest<'line' | 'bar' | 'pie' | 'area'>;
  /** Key of the x axis (default `name`). */
  xKey?: string;
  /** Height in pixels (default 200). */
  height?: number;
  /** Colour per series key; builds `series` from the keys of `data[0]`. */
  colors?: Readonly<Record<string, string>>;
  /** Explicit series (instead of `colors`). */
  series?: readonly ChartSeries[];
  /** Keys drawn against a second y axis. */
  y2Keys?: readonly string[];
  /** Chart title. */
  title?: string;
  /** Line under the title. */
  description?: string;
  /** Show the legend. */
  showLegend?: boolean;
  /** Offer the numbers as a table too. */
  showDataTable?: boolean;
}

/**
 * A line, bar or pie chart.
 *
 * @example
 * ```ts
 * ui.Chart(rows, { type: 'bar', xKey: 'day', colors: { spend: '#ef4444' }, y2Keys: ['clicks'] });
 * ```
 */
export const Chart = define<ChartProps>()({
  type: 'Chart',
  leads: ['data'],
  props: [
    always('type', { wire: 'chart_type', default: 'line' }),
    required('data', { check: listOf({}) }),
    always('xKey', { default: 'name' }),
    always('height', { default: 200 }),
    filled('series', { check: listOf({ required: ['key', 'label'] }) }),
    filled('y2Keys', { check: strings }),
    filled('title'),
    filled('description'),
    filled('showLegend'),
    filled('showDataTable'),
    inputOnly('colors'),
  ],
  prepare: (options, component) => {
    const { colors, series, data } = options;
    if (colors === undefined) return options;
    if (series !== undefined) throw fail({ component, prop: 'colors' }, "cannot be combined with 'series'; pass one");
    if (!isPlainObject(colors)) throw fail({ component, prop: 'colors' }, 'must be an object of series key → colour');
    return { ...options, series: seriesFromColors(data, String(options['xKey'] ?? 'name'), colors) };
  },
});

/** One series per key of the first data point (except the x key), coloured where `colors` says so. */
function seriesFromColors(data: unknown, xKey: string, colors: Record<string, unknown>): ChartSeries[] | undefined {
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  if (Object.keys(colors).length === 0 || !isPlainObject(first)) return undefined;
  return Object.keys(first)
    .filter((key) => key !== xKey)
    .map((key) => (colors[key] === undefined ? { key, label: key } : { key, label: key, color: String(colors[key]) }));
}

/** Loading indicator styles. */
export const LOADING_VARIANTS = ['spinner', 'skeleton', 'dots'] as const;

/** Props of {@link Loading}. */
export interface LoadingProps {
  /** Text (default `Loading...`). */
  message?: string;
  /** Style (default `spinner`). */
  variant?: (typeof LOADING_VARIANTS)[number];
}

/**
 * A loading state.
 *
 * @example
 * ```ts
 * ui.Loading('Fetching', { variant: 'dots' });
 * ```
 */
export const Loading = define<LoadingProps>()({
  type: 'Loading',
  leads: ['message'],
  props: [always('message', { default: 'Loading...' }), always('variant', { default: 'spinner', check: oneOf(LOADING_VARIANTS) })],
});

/** Props of {@link ErrorState} (`ui.Error`). */
export interface ErrorProps {
  /** What went wrong. */
  message: string;
  /** Heading (default `Error`). */
  title?: string;
  /** Action of the "Retry" button. */
  retry?: UIAction;
}

/**
 * An error state with an optional retry. Exported as `ui.Error`.
 *
 * @example
 * ```ts
 * ui.Error('Upstream failed', { retry: ui.Call('retry_fetch') });
 * ```
 */
export const ErrorState = define<ErrorProps>()({
  type: 'Error',
  leads: ['message'],
  props: [required('message'), always('title', { default: 'Error' }), act('retry')],
});
