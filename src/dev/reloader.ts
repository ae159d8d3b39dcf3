/**
 * Watches an extension's sources and reloads it on every change: esbuild's
 * incremental context rebuilds the bundle, Node imports it as a fresh module
 * instance, and the new `Extension` replaces the old one only when it loaded
 * cleanly. Calls already running keep the version they started on; a build or
 * load error is reported while the last good version keeps serving.
 *
 * @module
 */
import { mkdirSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { context, type BuildContext, type BuildResult } from 'esbuild';
import type { Extension } from '../core/extension.js';
import type { Finding } from '../validator/finding.js';
import { bundleDir, externalPackages } from '../validator/load/bundle.js';
import { buildFailureFindings, isBuildFailure, runtimeErrorFinding } from '../validator/load/errors.js';
import { findExtension } from '../validator/load/find.js';
import { nativeImport } from '../validator/load/index.js';

/** One loaded version of the extension. */
export interface LoadedVersion {
  /** 1 for the first load, +1 per successful reload. */
  readonly id: number;
  readonly ext: Extension;
  /** ISO time it was loaded. */
  readonly loadedAt: string;
  /** Milliseconds from the change (or start) to the version serving. */
  readonly tookMs: number;
}

/** Why a (re)load failed. */
export interface ReloadFailure {
  readonly message: string;
  readonly findings: readonly Finding[];
  readonly at: string;
}

/** Options of a {@link Reloader}. */
export interface ReloaderOptions {
  readonly root: string;
  readonly entry: string;
  readonly onLoaded?: (version: LoadedVersion) => void;
  readonly onFailed?: (failure: ReloadFailure) => void;
  /** Watch the sources (default true; `imperal invoke` loads once). */
  readonly watch?: boolean;
  /** Quiet period after a file event before rebuilding (default 20 ms). */
  readonly debounceMs?: number;
}

/** Rebuilds and re-imports the extension whenever one of its sources changes. */
export class Reloader {
  readonly #opts: ReloaderOptions;
  readonly #outDir: string;
  #ctx: BuildContext<{ write: false; metafile: true }> | undefined;
  readonly #watchers = new Map<string, FSWatcher>();
  #current: LoadedVersion | undefined;
  #failure: ReloadFailure | undefined;
  #building: Promise<void> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #changedAt = 0;
  #seq = 0;
  #closed = false;

  constructor(options: ReloaderOptions) {
    this.#opts = options;
    this.#outDir = bundleDir(options.root);
  }

  /** The version serving now (the last good one). */
  get current(): LoadedVersion | undefined {
    return this.#current;
  }

  /** The latest failure, cleared by the next good load. */
  get failure(): ReloadFailure | undefined {
    return this.#failure;
  }

  /** Builds and loads the first version, then starts watching. */
  async start(): Promise<void> {
    mkdirSync(this.#outDir, { recursive: true });
    this.#ctx = await context({
      absWorkingDir: this.#opts.root,
      entryPoints: [this.#opts.entry],
      outfile: join(this.#outDir, 'dev.mjs'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      sourcesContent: false,
      logLevel: 'silent',
      write: false,
      metafile: true,
      plugins: [externalPackages({})],
    });
    this.#changedAt = performance.now();
    await this.#build();
  }

  /** Rebuilds now (also what a file change triggers). Resolves when the result is serving or reported. */
  reload(): Promise<void> {
    this.#changedAt = performance.now();
    if (this.#building) {
      this.#again = true;
      return this.#building;
    }
    return this.#build();
  }

  async #build(): Promise<void> {
    const run = async (): Promise<void> => {
      do {
        this.#again = false;
        await this.#once();
      } while (this.#again && !this.#closed);
    };
    this.#building = run().finally(() => (this.#building = undefined));
    return this.#building;
  }

  async #once(): Promise<void> {
    if (!this.#ctx || this.#closed) return;
    const started = this.#changedAt;
    let result: BuildResult<{ write: false; metafile: true }>;
    try {
      result = await this.#ctx.rebuild();
    } catch (error) {
      // A failed build still tells us which files to watch (the broken one included).
      this.#watchInputs(Object.keys((error as { metafile?: { inputs: Record<string, unknown> } }).metafile?.inputs ?? {}));
      this.#fail(isBuildFailure(error) ? buildFailureFindings(error) : [runtimeErrorFinding(error, undefined)]);
      return;
    }
    this.#watchInputs(Object.keys(result.metafile.inputs));
    const out = result.outputFiles[0];
    if (!out) return this.#fail([runtimeErrorFinding(new Error('esbuild produced no output'), undefined)]);
    // A new file name per version: Node caches modules by URL, so each import is a fresh instance.
    const file = join(this.#outDir, `dev-${process.pid}-${++this.#seq}.mjs`);
    writeFileSync(file, out.contents);
    try {
      const ns = await nativeImport(pathToFileURL(file).href);
      const ext = findExtension(ns) as Extension | undefined;
      if (!ext) {
        this.#fail([runtimeErrorFinding(new Error(`No Extension instance exported from '${this.#opts.entry}'; export it as 'ext'`), undefined)]);
        return;
      }
      const id = (this.#current?.id ?? 0) + 1;
      this.#current = { id, ext, loadedAt: new Date().toISOString(), tookMs: performance.now() - started };
      this.#failure = undefined;
      this.#opts.onLoaded?.(this.#current);
    } catch (error) {
      this.#fail([runtimeErrorFinding(error, undefined)]);
    } finally {
      rmSync(file, { force: true });
    }
  }

  #fail(findings: Finding[]): void {
    const message = findings.map((f) => `${f.file ? `${f.file}:${f.line}: ` : ''}${f.message}`).join('\n') || 'the extension failed to load';
    this.#failure = { message, findings, at: new Date().toISOString() };
    this.#opts.onFailed?.(this.#failure);
  }

  /** Watches the folders of every bundled source outside node_modules. */
  #watchInputs(inputs: readonly string[]): void {
    if (this.#closed || this.#opts.watch === false) return;
    const dirs = new Set<string>();
    for (const input of inputs) {
      if (input.includes('node_modules') || input.includes(':')) continue;
      dirs.add(dirname(resolve(this.#opts.root, input)));
    }
    if (dirs.size === 0) dirs.add(dirname(this.#opts.entry));
    for (const dir of dirs) {
      if (this.#watchers.has(dir)) continue;
      try {
        const w = watch(dir, (_type, name) => {
          if (name && !/\.(?:[cm]?[jt]sx?|json)$/.test(name)) return;
          this.#schedule();
        });
        w.on('error', () => this.#watchers.delete(dir));
        this.#watchers.set(dir, w);
      } catch {
        // A folder that vanished is simply not watched.
      }
    }
  }

  #schedule(): void {
    if (this.#closed) return;
    if (!this.#timer) this.#changedAt = performance.now();
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.reload().catch(() => undefined);
    }, this.#opts.debounceMs ?? 20);
  }

  /** Stops watching and disposes the esbuild context. */
  async close(): Promise<void> {
    this.#closed = true;
    clearTimeout(this.#timer);
    for (const w of this.#watchers.values()) w.close();
    this.#watchers.clear();
    await this.#building?.catch(() => undefined);
    await this.#ctx?.dispose();
    this.#ctx = undefined;
  }
}
