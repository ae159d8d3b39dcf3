/**
 * The child-process side of loading an extension (`imperal validate` and
 * `imperal build`): imports the bundled extension, reads what the rules need
 * (options, registry records, the generated manifest) into plain JSON and
 * sends it to the parent over IPC.
 *
 * It runs in its own process so nothing the extension does at import —
 * `process.exit()`, an endless loop, a top-level await that never settles,
 * open handles, `throw null` — can stop or fool the CLI. It imports only
 * Node built-ins and `find.ts` (no SDK code), so it works with whatever copy
 * of the SDK the project installed.
 *
 * Usage: `node harness.mjs <bundle.mjs> <project root>` with an IPC channel.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import { findExtension } from './find.js';
import type { ChildError, ChildMessage } from './protocol.js';

/** Registry collections the rules read (getters on the SDK's Registry, so listed by name). */
const REGISTRY_KEYS = [
  'tools', 'skeletons', 'chats', 'functions', 'panels', 'widgets', 'trays', 'schedules', 'signals', 'webhooks',
  'eventHandlers', 'emits', 'exposed', 'lifecycle', 'healthCheck', 'secrets', 'cacheModels', 'menuItems', 'oauth', 'fileSinks',
] as const;

/** Reads `obj[key]`, treating a throwing getter as absent. */
function read(obj: unknown, key: PropertyKey): unknown {
  try {
    return (obj as Record<PropertyKey, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** `String(value)` that cannot throw (a hostile `toString` or `Symbol.toPrimitive`). */
function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return `a value that cannot be printed (${typeof value})`;
  }
}

/**
 * A JSON-safe copy of `value`: functions dropped, Maps/Sets as arrays of their
 * values, handler references as their facts, compiled schemas as their JSON
 * Schema. Shared objects are copied each time they appear; cycles are cut.
 */
export function toPlain(value: unknown, depth = 0, path: readonly object[] = []): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint' || typeof value === 'symbol') return safeString(value);
  if (typeof value !== 'object' || depth > 10 || path.includes(value)) return undefined;
  const next = [...path, value];
  const each = (items: Iterable<unknown>): unknown[] => [...items].map((v) => toPlain(v, depth + 1, next));
  if (value instanceof Map) return each(value.values());
  if (value instanceof Set || Array.isArray(value)) return each(value as Iterable<unknown>);
  if (typeof read(value, 'fn') === 'function' && typeof read(value, 'name') === 'string') {
    // A HandlerRef: only the facts BIND-1 reads.
    return { name: read(value, 'name'), owner: read(value, 'owner'), isInstanceMethod: read(value, 'isInstanceMethod') === true, isBound: read(value, 'isBound') !== false };
  }
  if (typeof read(value, 'parse') === 'function' && read(value, 'jsonSchema') !== undefined) {
    return { jsonSchema: toPlain(read(value, 'jsonSchema'), depth + 1, next) };
  }
  const out: Record<string, unknown> = {};
  let keys: string[] = [];
  try {
    keys = Object.keys(value);
  } catch {
    // A Proxy whose ownKeys trap throws: nothing to copy.
  }
  for (const key of keys) {
    const v = toPlain(read(value, key), depth + 1, next);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** Describes anything thrown — `null`, a string, an object whose getters throw — without throwing. */
export function describeThrown(error: unknown): ChildError {
  if (error === null || error === undefined || (typeof error !== 'object' && typeof error !== 'function')) {
    return { thrown: typeof error === 'string' ? JSON.stringify(error) : safeString(error) };
  }
  const text = (key: string): string | undefined => {
    const v = read(error, key);
    return typeof v === 'string' ? v : undefined;
  };
  const name = text('name');
  const message = text('message');
  const out: ChildError = {
    ...(name !== undefined ? { name } : {}),
    ...(message !== undefined ? { message } : { thrown: message ?? describeObject(error) }),
  };
  const stack = text('stack');
  const subject = text('subject');
  const fix = text('fix');
  const rule = text('rule');
  return {
    ...out,
    ...(stack !== undefined ? { stack } : {}),
    ...(subject !== undefined ? { subject } : {}),
    ...(fix !== undefined ? { fix } : {}),
    ...(rule !== undefined ? { rule } : {}),
  };
}

function describeObject(value: object): string {
  try {
    const ctor = read(value, 'constructor');
    const name = typeof ctor === 'function' ? read(ctor, 'name') : undefined;
    return `an object${typeof name === 'string' && name ? ` (${name})` : ''} with no message`;
  } catch {
    return 'an object with no message';
  }
}

/** Thrown by the `process.exit` stand-in, so an exit at import becomes a finding. */
class ExitAttempt extends Error {
  constructor(readonly code: unknown) {
    super(`the extension called process.exit(${code === undefined ? '' : safeString(code)}) while it was imported`);
  }
}

/** Imports the bundle and describes what it exported. */
async function load(bundle: string, root: string): Promise<ChildMessage> {
  const realExit = process.exit;
  process.exit = ((code?: unknown) => {
    throw new ExitAttempt(code);
  }) as typeof process.exit;
  let namespace: Record<string, unknown>;
  try {
    namespace = (await import(pathToFileURL(bundle).href)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ExitAttempt) return { kind: 'exit-called', code: safeString(error.code), ...(error.stack ? { stack: error.stack } : {}) };
    return { kind: 'threw', error: describeThrown(error) };
  } finally {
    process.exit = realExit;
  }
  let ext;
  try {
    ext = findExtension(namespace);
  } catch (error) {
    return { kind: 'threw', error: describeThrown(error) };
  }
  if (ext === undefined) return { kind: 'no-extension', exports: Object.keys(namespace) };
  const registry: Record<string, unknown> = {};
  for (const key of REGISTRY_KEYS) registry[key] = toPlain(read(ext.registry, key));
  let manifest: unknown;
  let manifestError: ChildError | undefined;
  try {
    manifest = JSON.parse(JSON.stringify(ext.manifest({ baseDir: root })));
  } catch (error) {
    manifestError = describeThrown(error);
  }
  return {
    kind: 'loaded',
    appId: ext.appId,
    ...(typeof read(ext, 'version') === 'string' ? { version: read(ext, 'version') as string } : {}),
    options: toPlain(read(ext, 'options')) as Record<string, unknown>,
    registry,
    ...(manifestError ? { manifestError } : { manifest }),
  };
}

/** Sends `message` as one JSON string, then lets the process end on its own. */
function reply(message: ChildMessage): void {
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch (error) {
    text = JSON.stringify({ kind: 'threw', error: { thrown: `the extension's registry could not be serialised: ${describeThrown(error).message ?? ''}` } });
  }
  process.send?.(text, () => process.disconnect?.());
}

// An unhandled rejection from the extension's own background work must not end
// the process before the reply is sent.
process.on('unhandledRejection', () => undefined);

const [bundle, root] = process.argv.slice(2);
if (bundle && root) {
  reply(await load(bundle, root).catch((error: unknown): ChildMessage => ({ kind: 'threw', error: describeThrown(error) })));
}
