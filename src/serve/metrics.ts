/**
 * The host's Prometheus metrics (`GET /metrics`): calls by function and outcome,
 * call duration, calls in flight, Redis redeliveries, dead letters, replies served
 * from the done-cache and HTTP refusals. Each host owns its own registry, so two
 * hosts in one process (tests) never share counters.
 *
 * The host core and the transports report through the small typed API below; none
 * of them touches prom-client directly.
 *
 * @module
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RpcReply } from '../rpc/envelope.js';
import type { TransportName } from './types.js';

/** How a call ended, as a metrics label: `success` or the reply's error category. */
export type CallOutcome = 'success' | NonNullable<RpcReply['error']>['category'];

/** Most distinct `function` label values kept; later names are counted as `__other__`. */
export const DEFAULT_MAX_FUNCTION_LABELS = 500;
/** The label used once {@link HostMetricsOptions.maxFunctionLabels} names were seen. */
export const OTHER_FUNCTION_LABEL = '__other__';
/** Call duration buckets in seconds (1 ms … 30 s). */
export const DURATION_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Options of {@link createHostMetrics}. */
export interface HostMetricsOptions {
  /** Added to every series as the `app_id` label. */
  readonly appId: string;
  /**
   * Bound on distinct `function` label values (default {@link DEFAULT_MAX_FUNCTION_LABELS}):
   * function names come from callers, and an unbounded label set is a memory leak.
   */
  readonly maxFunctionLabels?: number;
  /** Also export Node's process metrics (heap, event-loop lag, …). Default true. */
  readonly processMetrics?: boolean;
}

/** The metrics API the host core and the transports call. */
export interface HostMetrics {
  /** A call began running (in-flight gauge up). Returns the function that ends it with the reply. */
  callStarted(fn: string, transport: TransportName): (reply: RpcReply) => void;
  /** A Redis entry was delivered again (a reclaimed or re-read pending entry). */
  redelivered(count?: number): void;
  /** An entry went to the dead-letter stream. */
  deadLettered(): void;
  /** A reply was answered from the stored copy of an earlier run (the handler did not run). */
  servedFromDoneCache(): void;
  /** The HTTP transport refused a request with `status` (401, 413, 415, …) before any handler ran. */
  httpRefused(status: number): void;
  /** The Prometheus text exposition of every series. */
  render(): Promise<string>;
  /** The `Content-Type` of {@link render}'s text. */
  readonly contentType: string;
}

/** Durations buffered per series before they reach the histogram (bounds the buffer's memory). */
const DURATION_BATCH = 256;

/** Builds a fresh registry and the host's series in it. */
export function createHostMetrics(options: HostMetricsOptions): HostMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ app_id: options.appId });
  if (options.processMetrics !== false) collectDefaultMetrics({ register: registry });
  const maxLabels = options.maxFunctionLabels ?? DEFAULT_MAX_FUNCTION_LABELS;
  const seen = new Set<string>();
  // Per-call tallies are plain counters here, handed to prom-client when it is scraped
  // (its collect hook): label hashing on every call is what a metrics library costs.
  const answered = new Map<string, { labels: { function: string; transport: string; outcome: string }; pending: number }>();
  const running: Record<TransportName, number> = { http: 0, redis: 0 };
  new Counter({
    name: 'imperal_calls_total',
    help: 'Calls answered, by function, transport and outcome (success or the reply error category).',
    labelNames: ['function', 'transport', 'outcome'] as const,
    registers: [registry],
    collect() {
      for (const tally of answered.values()) {
        if (tally.pending === 0) continue;
        this.inc(tally.labels, tally.pending);
        tally.pending = 0;
      }
    },
  });
  // Durations wait in a small buffer per series and reach the histogram in batches (when
  // the buffer fills, and at every scrape): same counts, a fraction of the per-call cost.
  const pendingDurations = new Map<string, { labels: { function: string; transport: string }; values: number[] }>();
  const flushDurations = (): void => {
    for (const series of pendingDurations.values()) {
      for (const value of series.values) duration.observe(series.labels, value);
      series.values.length = 0;
    }
  };
  const duration = new Histogram({
    name: 'imperal_call_duration_seconds',
    help: 'Time from a call starting to its reply, by function and transport.',
    labelNames: ['function', 'transport'] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
    collect: flushDurations,
  });
  const observeDuration = (name: string, transport: TransportName, seconds: number): void => {
    const key = `${name}\u0000${transport}`;
    let series = pendingDurations.get(key);
    if (!series) pendingDurations.set(key, (series = { labels: { function: name, transport }, values: [] }));
    series.values.push(seconds);
    if (series.values.length >= DURATION_BATCH) flushDurations();
  };
  new Gauge({
    name: 'imperal_calls_in_flight',
    help: 'Calls running now, by transport.',
    labelNames: ['transport'] as const,
    registers: [registry],
    collect() {
      for (const transport of ['http', 'redis'] as const) this.set({ transport }, running[transport]);
    },
  });
  const redeliveries = new Counter({ name: 'imperal_redeliveries_total', help: 'Stream entries delivered more than once.', registers: [registry] });
  const deadLetters = new Counter({ name: 'imperal_dead_letters_total', help: 'Stream entries moved to the dead-letter stream.', registers: [registry] });
  const doneCache = new Counter({ name: 'imperal_done_cache_replies_total', help: 'Replies served from the stored reply of an earlier run (handler not run).', registers: [registry] });
  const refusals = new Counter({ name: 'imperal_http_refusals_total', help: 'HTTP requests refused before any handler ran, by status.', labelNames: ['status'] as const, registers: [registry] });

  const countAnswer = (name: string, transport: TransportName, outcome: string): void => {
    const key = `${name}\u0000${transport}\u0000${outcome}`;
    const tally = answered.get(key);
    if (tally) tally.pending++;
    else answered.set(key, { labels: { function: name, transport, outcome }, pending: 1 });
  };

  /** Bounds label cardinality: known names keep their label, new ones past the cap share one. */
  const label = (fn: string): string => {
    if (seen.has(fn)) return fn;
    if (seen.size >= maxLabels) return OTHER_FUNCTION_LABEL;
    seen.add(fn);
    return fn;
  };

  return {
    callStarted(fn, transport) {
      const name = label(fn);
      running[transport]++;
      const started = performance.now();
      let ended = false;
      return (reply) => {
        if (ended) return; // a second end (a late result after a timeout) must not count twice
        ended = true;
        running[transport]--;
        observeDuration(name, transport, (performance.now() - started) / 1000);
        countAnswer(name, transport, reply.status === 'success' ? 'success' : (reply.error?.category ?? 'infrastructure'));
      };
    },
    redelivered: (count = 1) => redeliveries.inc(count),
    deadLettered: () => deadLetters.inc(),
    servedFromDoneCache: () => doneCache.inc(),
    httpRefused: (status) => refusals.inc({ status: String(status) }),
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
