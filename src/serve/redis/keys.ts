/**
 * Redis key names of the host's crash-safety records, and the dead-letter
 * stream. The `imperal:rpc:` prefix is the platform's namespace for RPC.
 *
 * @module
 */

/** Marker set (NX) before a call runs: its presence without a reply means "the outcome is unknown". */
export function startedKey(corrId: string): string {
  return `imperal:rpc:started:${corrId}`;
}

/** The stored copy of a cacheable reply, answered again for a repeated `corr_id`. */
export function doneKey(corrId: string): string {
  return `imperal:rpc:done:${corrId}`;
}

/** Where entries delivered more than `--max-deliveries` times go. */
export function deadStream(stream: string): string {
  return `${stream}:dead`;
}

/** Entries kept in the dead-letter stream (approximate trim, so it cannot grow without bound). */
export const DEAD_STREAM_MAXLEN = 10_000;
