/**
 * `startDev()`: the whole of `imperal dev` as a function. It loads the
 * extension (and keeps reloading it), starts the local platform, and serves
 * the playground and its JSON API on one HTTP port.
 *
 * @module
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DevError, ImperalError } from '../errors.js';
import { countLevels } from '../validator/finding.js';
import { resolveProject } from '../validator/project.js';
import { handleApi } from './api.js';
import { HttpError, sendJson, serveStatic } from './http-util.js';
import { DevPlatform } from './platform.js';
import { Reloader } from './reloader.js';
import { DevRunner } from './runner.js';
import { loadSdk, type SdkRuntime } from './sdk.js';
import type { DevServerState, FindingsReport } from './server-state.js';

/** Options of {@link startDev}. */
export interface DevOptions {
  /** Extension folder or entry file (default: the current folder). */
  readonly entry?: string;
  /** Playground/API port (default 4300; 0 picks a free one). */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** State folder (default `<project>/.imperal/dev`). */
  readonly dataDir?: string;
  /** Start with empty state. */
  readonly reset?: boolean;
  /** Where progress lines go (default: nowhere). */
  readonly log?: (line: string) => void;
}

/** A running `imperal dev`. */
export interface DevServer {
  /** The playground URL, e.g. `http://127.0.0.1:4300/`. */
  readonly url: string;
  readonly state: DevServerState;
  /** Stops everything: watcher, HTTP server, gateway; the state is saved first. */
  close(): Promise<void>;
}

/** How long the dev server keeps an idle keep-alive connection. */
export const DEV_KEEP_ALIVE_MS = 65_000;

/** The file a running dev server advertises itself in (for `imperal invoke`). */
export function serverFile(dataDir: string): string {
  return join(dataDir, 'server.json');
}

/** Starts `imperal dev`. @throws {@link DevError} when the project or its SDK cannot be found, or the port is taken. */
export async function startDev(options: DevOptions = {}): Promise<DevServer> {
  const log = options.log ?? (() => undefined);
  const project = resolveProject(options.entry ?? '.');
  if (!project) throw new DevError(`Path '${options.entry ?? '.'}' does not exist.`);
  if (!project.entry) throw new DevError(`No extension entry module found in '${project.root}'; create src/index.ts exporting your Extension as 'ext'`);
  const root = project.root;
  const dataDir = resolve(options.dataDir ?? join(root, '.imperal', 'dev'));
  mkdirSync(dataDir, { recursive: true });
  const sdk: SdkRuntime = await loadSdk(root);
  let reloader: Reloader | undefined;
  let runner: DevRunner | undefined;
  const platform = new DevPlatform({
    dataDir,
    reset: options.reset ?? false,
    extension: () => reloader?.current?.ext,
    onPublished: (event) => {
      void runner?.deliver(event).catch((error: unknown) => log(`event '${event.eventType}' delivery failed: ${(error as Error).message}`));
    },
  });
  runner = new DevRunner(platform, () => reloader?.current, () => sdk);
  let findings: { version: string; report: Promise<FindingsReport> } | undefined;
  const findingsFor = (): Promise<FindingsReport> => {
    const version = `${reloader?.current?.id ?? 0}/${reloader?.failure?.at ?? ''}`;
    if (findings?.version !== version) {
      // Loaded on first use: the validator's parser is not needed to start serving.
      const report = import('../validator/validate.js')
        .then(({ validateProject }) => validateProject(resolve(options.entry ?? '.')))
        .then((r) => ({ findings: r.findings, version: reloader?.current?.id ?? 0, counts: countLevels(r.findings) }))
        .catch((error: unknown) => ({ findings: [], version: 0, counts: { ERROR: 0, WARN: 0, INFO: 0 }, error: (error as Error).message }));
      findings = { version, report };
    }
    return findings.report;
  };
  // Recomputed in the background after each (re)load, once the new version is serving.
  const refreshFindings = (): void => {
    setTimeout(() => void findingsFor().then((r) => platform.hub.publish('findings', r)), 150).unref();
  };
  reloader = new Reloader({
    root,
    entry: project.entry,
    onLoaded: (v) => {
      log(`${v.id === 1 ? 'loaded' : 'reloaded'} ${v.ext.appId} (version ${v.id}, ${Math.round(v.tookMs)} ms)`);
      platform.hub.publish('reload', { version: v.id, loaded_at: v.loadedAt, took_ms: v.tookMs });
      refreshFindings();
    },
    onFailed: (f) => {
      log(`error: ${f.message}${reloader?.current ? `\n  (version ${reloader.current.id} keeps serving)` : ''}`);
      platform.hub.publish('reload-error', f);
      refreshFindings();
    },
  });
  const gatewayUrl = await platform.start();
  runner.useGateway(gatewayUrl);
  await reloader.start();
  const state: DevServerState = { platform, runner, reloader, dataDir, findings: findingsFor };
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/api/')) return serveStatic(res, url.pathname);
    handleApi(state, req, res, url).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : error instanceof ImperalError ? 400 : 500;
      if (!res.headersSent) sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
      else res.end();
    });
  });
  // Idle keep-alive sockets stay open well past any client's reuse window, so a
  // client never sends on a socket the server is just closing (a reset under load).
  server.keepAliveTimeout = DEV_KEEP_ALIVE_MS;
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const host = options.host ?? '127.0.0.1';
  try {
    await new Promise<void>((ok, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 4300, host, () => ok());
    });
  } catch (error) {
    await reloader.close();
    await platform.close();
    const code = (error as { code?: string }).code;
    throw new DevError(code === 'EADDRINUSE' ? `port ${options.port ?? 4300} is in use; pass --port <n> (or 0 for any free port)` : `cannot listen on ${host}: ${(error as Error).message}`);
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  writeFileSync(serverFile(dataDir), JSON.stringify({ url, pid: process.pid }));
  log(`data in ${relative(process.cwd(), dataDir) || '.'}`);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      rmSync(serverFile(dataDir), { force: true });
      await reloader.close();
      await new Promise<void>((ok) => {
        server.close(() => ok());
        platform.hub.close();
        for (const s of sockets) s.destroy();
      });
      platform.save();
      await platform.close();
    })());
  return { url, state, close };
}
