/** The dev server's JSON API, as the playground calls it. */

/** A failed API call. */
export class ApiError extends Error {}

/** Calls `/api/<path>`; POST/PUT/DELETE send `body` as JSON. */
export async function api<T = any>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const res = await fetch(`/api/${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json().catch(() => ({}))) as T & { error?: string };
  if (!res.ok) throw new ApiError(json.error ?? `HTTP ${res.status}`);
  return json;
}

/** Identity sent as `as`. */
export interface Identity {
  userId: string;
  role: string;
  scopes: string[];
}

/** Subscribes to the live feed; returns the unsubscribe function. */
export function live(on: (kind: string, data: any) => void): () => void {
  const es = new EventSource('/api/events');
  const kinds = ['store', 'event', 'log', 'notification', 'chat', 'reload', 'reload-error', 'findings', 'secrets', 'config'];
  for (const k of kinds) es.addEventListener(k, (e) => on(k, JSON.parse((e as MessageEvent).data)));
  es.onopen = () => on('connected', null);
  return () => es.close();
}
