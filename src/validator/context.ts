/**
 * What every rule receives: the loaded extension (when it loaded), the source
 * index, the manifest on disk, and helpers that map registry entries back to
 * the source lines that declared them.
 *
 * @module
 */
import type { ChatFunctionRecord } from '../core/records.js';
import type { Finding, Level, Location } from './finding.js';
import type { ExtensionModel } from './model.js';
import type { Project } from './project.js';
import type { SourceIndex, RegistrationSite } from './source/index.js';
import { locate } from './source/index.js';
import type { FunctionLike } from './source/nodes.js';
import type { ReturnTypes } from './types/return-types.js';

/** `imperal.json` as found on disk. */
export interface ManifestFile {
  readonly path: string;
  readonly exists: boolean;
  /** Parsed JSON, when it exists and parses. */
  readonly data?: unknown;
  /** The JSON syntax error, when it does not parse. */
  readonly syntaxError?: { readonly message: string; readonly line: number };
}

/** A chat function with the source that declared it. */
export interface FunctionView {
  readonly record: ChatFunctionRecord;
  /** The registration site (`@chat.fn('name', …)`), when found in source. */
  readonly site?: RegistrationSite;
  /** The handler's AST node, when found. */
  readonly handler?: FunctionLike;
  /** Where findings about this function point. */
  readonly at: Location;
}

/** Input of every rule. */
export interface RuleContext {
  readonly project: Project;
  /** The loaded extension; `undefined` when it failed to load (registry rules then skip). */
  readonly ext?: ExtensionModel;
  readonly source: SourceIndex;
  readonly manifest: ManifestFile;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where extension-level findings point (the `new Extension(...)` call). */
  readonly extAt: Location;
  /** Chat functions with their sources, in registration order. */
  readonly functions: readonly FunctionView[];
  /** Handlers' return types as TypeScript infers them (the project's own compiler, loaded on first use). */
  readonly types: ReturnTypes;
  /** Finds the registration site of `name` declared with one of `methods`. */
  siteOf(methods: readonly string[], name: string): RegistrationSite | undefined;
}

/** A validator rule: one file under `rules/`. */
export interface Rule {
  readonly id: string;
  /** The level it reports at (some rules vary; this is the usual one). */
  readonly level: Level;
  /** One line for docs and SARIF: what the rule checks. */
  readonly summary: string;
  /** Extension-wide check. */
  check?(ctx: RuleContext): Finding[];
  /** Per-chat-function check; these run function by function before the others. */
  checkFunction?(fn: FunctionView, ctx: RuleContext): Finding[];
}

/** Method names that register chat functions. */
export const CHAT_METHODS = ['fn', 'function'] as const;

/** Builds the site lookup and function views for a context. */
export function siteLookup(source: SourceIndex): RuleContext['siteOf'] {
  return (methods, name) => source.registrations.find((r) => r.name === name && methods.includes(r.method));
}

/** Pairs each chat function with its registration site. */
export function functionViews(functions: readonly ChatFunctionRecord[], siteOf: RuleContext['siteOf'], fallback: Location): FunctionView[] {
  return functions.map((record) => {
    const site = siteOf(CHAT_METHODS, record.name);
    const at = site ? locate(site.file, site.call) : fallback;
    return site?.handler ? { record, site, handler: site.handler, at } : site ? { record, site, at } : { record, at };
  });
}
