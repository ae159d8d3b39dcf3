/**
 * The extension validator behind `imperal validate`.
 *
 * @module
 */
export { validateProject, ProjectNotFoundError, type ValidationReport, type ValidateOptions } from './validate.js';
export { finding, countLevels, type Finding, type Level, type Location } from './finding.js';
export { ALL_RULES, LOADER_RULES } from './rules/index.js';
export type { Rule, RuleContext } from './context.js';
export { loadExtension, DEFAULT_LOAD_TIMEOUT_MS, type LoadOptions, type LoadResult, type ExtensionLike } from './load/index.js';
export { resolveProject, type Project } from './project.js';
export { checkManifest, type ManifestIssue } from './manifest/check.js';
export { semanticIssues } from './manifest/semantic.js';
export { formatHuman } from './report/human.js';
export { formatJson } from './report/json.js';
export { formatSarif } from './report/sarif.js';
