/**
 * `imperal validate` as a function: load the extension, index its source,
 * read `imperal.json`, run every rule. Never throws for a problem in the
 * extension: every problem is a finding.
 *
 * @module
 */
import { relative } from 'node:path';
import { finding, type Finding, type Location } from './finding.js';
import { functionViews, siteLookup, type FunctionView, type Rule, type RuleContext } from './context.js';
import { returnTypeText } from './source/handler.js';
import { loadExtension, type LoadOptions } from './load/index.js';
import { readManifest, manifestIssues } from './manifest/read.js';
import { countsOf, modelOf, type ExtensionCounts } from './model.js';
import { projectPathProblem, resolveProject, type Project } from './project.js';
import { EXTENSION_RULES, FUNCTION_RULES, LEADING_RULES, MANIFEST_RULES, SOURCE_RULES } from './rules/index.js';
import { indexSource, locate } from './source/index.js';
import { listSourceFiles } from './source/files.js';
import { returnTypes } from './types/return-types.js';

/** What `imperal validate` reports. */
export interface ValidationReport {
  /** App id and version, when the extension loaded. */
  readonly appId?: string;
  readonly version?: string;
  readonly counts: ExtensionCounts;
  readonly findings: readonly Finding[];
  readonly project: Project;
}

/** Options of {@link validateProject}. */
export interface ValidateOptions extends LoadOptions {
  /** Environment the env-driven rules read (V23 severity, V31); defaults to `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Thrown only for a usage error: the path does not exist or is not a project folder or entry file. */
export class ProjectNotFoundError extends Error {
  constructor(path: string) {
    super(projectPathProblem(path) ?? `Path '${path}' is not an extension project.`);
    this.name = 'ProjectNotFoundError';
  }
}

/** Runs one rule, turning a bug in it into a finding instead of a crash. */
function runRule(id: string, run: () => Finding[]): Finding[] {
  try {
    return run();
  } catch (error) {
    return [finding(id, 'ERROR', `Rule ${id} could not run: ${(error as Error).message}`, 'Report this as a validator bug')];
  }
}

/**
 * Load findings first; a load finding is dropped when a rule already reports
 * the same rule at the same place (e.g. a bad panel slot: thrown at load and
 * seen by PANEL-SLOT-1 in source).
 */
function withLoadFindings(load: readonly Finding[], rules: readonly Finding[]): Finding[] {
  const key = (f: Finding): string => `${f.rule}\u0000${f.file}\u0000${f.line}`;
  const seen = new Set(rules.map(key));
  return [...load.filter((f) => !seen.has(key(f))), ...rules];
}

/** Files holding a chat function handler without a written return type: the only ones TypeScript must check. */
function unannotatedHandlerFiles(functions: readonly FunctionView[]): string[] {
  const files = functions.flatMap((f) => (f.site && f.handler && returnTypeText(f.handler, f.site.file.text) === undefined ? [f.site.file.path] : []));
  return [...new Set(files)];
}

/** A "no Extension exported" finding points at the `new Extension(...)` the source declares, when there is one. */
function atExtensionSite(f: Finding, extAt: Location): Finding {
  return f.rule === 'LOAD' && f.message.startsWith('No Extension instance exported') && extAt.line > 0 ? { ...f, ...extAt } : f;
}

/** Validates the extension at `path` (a folder or an entry file). */
export async function validateProject(path: string, options: ValidateOptions = {}): Promise<ValidationReport> {
  const project = resolveProject(path);
  if (!project) throw new ProjectNotFoundError(path);
  const loaded = await loadExtension(project, options);
  const source = indexSource(project.root, project.scanPath === project.root ? listSourceFiles(project.root) : [project.scanPath]);
  const ext = loaded.ext ? modelOf(loaded.ext) : undefined;
  const site = source.extensionSites[0];
  const entryRel = project.entry ? relative(project.root, project.entry) : '';
  const extAt: Location = site ? locate(site.file, site.node) : { file: entryRel, line: 0 };
  const siteOf = siteLookup(source);
  const ctx: RuleContext = {
    project,
    ext,
    source,
    manifest: readManifest(project.manifestPath),
    env: options.env ?? process.env,
    extAt,
    functions: functionViews(ext?.functions ?? [], siteOf, extAt),
    siteOf,
    types: returnTypes(project.root, unannotatedHandlerFiles(functionViews(ext?.functions ?? [], siteOf, extAt))),
  };
  const run = (rules: readonly Rule[]): Finding[] => rules.filter((r) => r.check).flatMap((r) => runRule(r.id, () => r.check!(ctx)));
  const perFunction = ctx.functions.flatMap((fn) => FUNCTION_RULES.flatMap((r) => runRule(r.id, () => r.checkFunction!(fn, ctx))));
  const findings = withLoadFindings(loaded.findings.map((f) => atExtensionSite(f, extAt)), [
    ...source.problems,
    ...run(LEADING_RULES),
    ...perFunction,
    ...run(EXTENSION_RULES),
    ...inWalkOrder(run(SOURCE_RULES)),
    ...orderManifestFindings(run(MANIFEST_RULES), ctx),
  ]);
  return {
    ...(ext ? { appId: ext.appId, version: ext.version } : {}),
    counts: ext ? countsOf(ext) : { tools: 0, functions: 0, events: 0 },
    findings,
    project,
  };
}

/**
 * Source findings as upstream walks the tree: file by file, in line order
 * (rule order on the same line); MANIFEST-SKELETON-1 after all of them.
 */
function inWalkOrder(found: readonly Finding[]): Finding[] {
  const last = (f: Finding): number => (f.rule === 'MANIFEST-SKELETON-1' ? 1 : f.rule === 'CACHE-MODEL-2' || f.rule === 'UI-REF-1' ? 2 : 0);
  return [...found].sort((a, b) => last(a) - last(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line);
}

/** M1–M5 findings in the schema check's order (pydantic's), the rest after. */
function orderManifestFindings(found: readonly Finding[], ctx: RuleContext): Finding[] {
  const order = manifestIssues(ctx.manifest).map((i) => i.message);
  const rank = (f: Finding): number => {
    const i = order.indexOf(f.message);
    return i < 0 ? order.length + (f.rule === 'SDK-VERSION-1' ? 1 : f.rule === 'MANIFEST-STALE-1' ? 2 : 0) : i;
  };
  return [...found].sort((a, b) => rank(a) - rank(b));
}
