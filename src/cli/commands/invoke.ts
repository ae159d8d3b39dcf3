/**
 * `imperal invoke <function>`: one call against the local platform state
 * (the same state `imperal dev` keeps). When `imperal dev` is running on the
 * same data folder the call goes through it, so both never write the state at once.
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { request } from 'undici';
import { DevPlatform } from '../../dev/platform.js';
import { Reloader } from '../../dev/reloader.js';
import { DevRunner } from '../../dev/runner.js';
import { loadSdk } from '../../dev/sdk.js';
import { serverFile } from '../../dev/server.js';
import { DevError } from '../../errors.js';
import { resolveProject } from '../../validator/project.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';

/** Options of {@link runInvoke}. */
export interface InvokeCommandOptions {
  readonly params?: string;
  readonly as?: string;
  readonly data?: string;
}

/** What to run, parsed from the command's `<function>` argument. */
export type InvokeTarget =
  | { readonly kind: 'function'; readonly name: string }
  | { readonly kind: 'panel' | 'widget' | 'tray'; readonly id: string }
  | { readonly kind: 'schedule'; readonly name: string }
  | { readonly kind: 'skeleton'; readonly section: string };

/** Parses `create_task`, `__panel__sidebar`, `panel:sidebar`, `schedule:digest`, `skeleton:tasks`. */
export function parseTarget(text: string): InvokeTarget {
  const ui = /^(?:__(panel|widget|tray)__|(panel|widget|tray):)(.+)$/.exec(text);
  if (ui) return { kind: (ui[1] ?? ui[2]) as 'panel' | 'widget' | 'tray', id: ui[3]! };
  if (text.startsWith('schedule:')) return { kind: 'schedule', name: text.slice(9) };
  if (text.startsWith('skeleton:')) return { kind: 'skeleton', section: text.slice(9) };
  if (text.startsWith('skeleton_refresh_')) return { kind: 'skeleton', section: text.slice(17) };
  return { kind: 'function', name: text };
}

/** Parses `--params` (JSON text, or `@file.json`). */
export function parseParams(text: string | undefined): Record<string, unknown> {
  let raw = text ?? '{}';
  if (raw.startsWith('@')) {
    const file = resolve(raw.slice(1));
    if (!existsSync(file)) throw new CliError(`--params file '${raw.slice(1)}' does not exist`, EXIT_USAGE);
    raw = readFileSync(file, 'utf8');
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new CliError(`--params is not valid JSON (${(error as Error).message})`, EXIT_USAGE);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new CliError('--params must be a JSON object, e.g. \'{"title":"Milk"}\'', EXIT_USAGE);
  return value as Record<string, unknown>;
}

/** Whether a wire result reports a failure. */
export function isErrorResult(result: unknown): boolean {
  const r = result as { status?: unknown; error?: unknown } | null;
  return !!r && typeof r === 'object' && (r.status === 'error' || (typeof r.error === 'string' && r.error !== ''));
}

/** The running `imperal dev` for `dataDir`, if any. */
function runningServer(dataDir: string): string | undefined {
  try {
    const info = JSON.parse(readFileSync(serverFile(dataDir), 'utf8')) as { url?: string; pid?: number };
    if (!info.url || !info.pid) return undefined;
    process.kill(info.pid, 0);
    return info.url;
  } catch {
    return undefined;
  }
}

async function viaServer(url: string, target: InvokeTarget, params: Record<string, unknown>, as: string | undefined): Promise<unknown> {
  const asField = as ? { as: { userId: as } } : {};
  const [path, body] =
    target.kind === 'function' ? ['call', { function: target.name, params, ...asField }]
    : target.kind === 'schedule' ? ['schedule', { name: target.name }]
    : target.kind === 'skeleton' ? ['skeleton', { section: target.section, ...asField }]
    : [target.kind, { id: target.id, params, ...asField }];
  const res = await request(new URL(`api/${path}`, url), { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const json = (await res.body.json()) as unknown;
  if (res.statusCode >= 400) throw new DevError((json as { error?: string }).error ?? `imperal dev answered ${res.statusCode}`);
  return json;
}

async function locally(root: string, entry: string, dataDir: string, target: InvokeTarget, params: Record<string, unknown>, as: string | undefined): Promise<unknown> {
  const sdk = await loadSdk(root);
  const reloader = new Reloader({ root, entry, watch: false });
  let runner: DevRunner | undefined;
  const pending: Promise<unknown>[] = [];
  const platform = new DevPlatform({ dataDir, extension: () => reloader.current?.ext, onPublished: (e) => void pending.push(runner!.deliver(e).catch(() => undefined)) });
  runner = new DevRunner(platform, () => reloader.current, () => sdk);
  runner.useGateway(await platform.start());
  try {
    await reloader.start();
    if (!reloader.current) throw new DevError(reloader.failure?.message ?? 'the extension did not load');
    const ext = reloader.current.ext;
    const who = runner.resolve(as);
    // A bare name that is not a function but is a schedule runs the schedule.
    if (target.kind === 'function' && !ext.registry.functions.has(target.name) && !ext.registry.tools.has(target.name) && ext.registry.schedules.has(target.name)) target = { kind: 'schedule', name: target.name };
    let result: unknown;
    if (target.kind === 'function') result = (await runner.call(target.name, params, who)).result;
    else if (target.kind === 'schedule') result = (await runner.run({ kind: 'schedule', name: target.name }, 'system', undefined)).result;
    else if (target.kind === 'skeleton') result = (await runner.skeleton(target.section, who)).result;
    else result = (await runner.run({ kind: target.kind, id: target.id, params }, 'panel', who)).result;
    await Promise.all(pending);
    return result;
  } finally {
    await reloader.close();
    platform.save();
    await platform.close();
  }
}

/** Runs the command; returns the exit code. */
export async function runInvoke(fn: string, entry: string, options: InvokeCommandOptions, io: CliIO): Promise<number> {
  const params = parseParams(options.params);
  const project = resolveProject(entry);
  if (!project) throw new CliError(`Path '${entry}' does not exist.`, EXIT_USAGE);
  if (!project.entry) throw new CliError(`No extension entry module found in '${project.root}'`, EXIT_FAILURE);
  const dataDir = resolve(options.data ?? join(project.root, '.imperal', 'dev'));
  const target = parseTarget(fn);
  let result: unknown;
  try {
    const server = runningServer(dataDir);
    result = server ? await viaServer(server, target, params, options.as) : await locally(project.root, project.entry, dataDir, target, params, options.as);
  } catch (error) {
    if (error instanceof DevError) throw new CliError(error.message, EXIT_FAILURE);
    throw error;
  }
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return isErrorResult(result) ? EXIT_FAILURE : EXIT_OK;
}
