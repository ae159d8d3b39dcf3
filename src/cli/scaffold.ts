/**
 * The files `imperal init` writes: the template tree (shared files plus the
 * template's own `src/` and `test/`) with its placeholders filled, and the
 * checks on the app id, the display name and the target folder that both the
 * flags and the interactive prompts apply, with the same messages.
 *
 * @module
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, extname, join, relative } from 'node:path';
import { APP_ID_PATTERN } from '../validator/rules/V1.js';
import type { TemplateName } from './choices.js';
import { CliError, EXIT_USAGE } from './exit-codes.js';
import { packageInfo } from './package-info.js';

/** `my-app` → `My App`. */
export function titleOf(appId: string): string {
  return appId.split(/[-_]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The placeholder values a scaffold substitutes (`displayName` defaults to {@link titleOf} the app id). */
export function placeholders(appId: string, displayName = titleOf(appId)): Record<string, string> {
  const info = packageInfo();
  return {
    __APP_ID__: appId,
    __DISPLAY_NAME__: displayName,
    __TOOL_NAME__: appId.replace(/-/g, '_'),
    __SDK_VERSION__: info.version,
    __VITEST_VERSION__: info.devDependencies.vitest ?? '~4.1',
    __TYPESCRIPT_VERSION__: info.devDependencies.typescript ?? '~5.9',
    __TYPES_NODE_VERSION__: info.devDependencies['@types/node'] ?? '^20',
    // The CLI's toolchain: optional peers of the SDK, so a production install carries none of it.
    __ESBUILD_VERSION__: info.devDependencies.esbuild ?? '^0.27.7',
    __BABEL_PARSER_VERSION__: info.devDependencies['@babel/parser'] ?? '^7.29.14',
    __FAST_XML_PARSER_VERSION__: info.devDependencies['fast-xml-parser'] ?? '^5.12.1',
    __AJV_VERSION__: info.devDependencies.ajv ?? '^8.20.0',
  };
}

/** Why `appId` is not a valid app id, or `undefined` when it is. */
export function appIdProblem(appId: string): string | undefined {
  if (APP_ID_PATTERN.test(appId)) return undefined;
  return `'${appId}' is not a valid app id: use 2+ lowercase letters, digits and inner hyphens (e.g. 'my-tasks')`;
}

/**
 * Why `displayName` cannot be the extension's display name, or `undefined`:
 * it must be one line, and meet validator rule V15 (3+ characters, not the app id).
 */
export function displayNameProblem(displayName: string, appId: string): string | undefined {
  const name = displayName.trim();
  if (name === '') return 'the display name cannot be empty';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'the display name must be one line of text, without control characters';
  if ([...name].length < 3) return `the display name must have at least 3 characters (validator rule V15), got '${name}'`;
  if (name === appId) return `the display name must be a human-readable name, not the app id itself (validator rule V15), e.g. '${titleOf(appId)}'`;
  return undefined;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Why the project cannot be written to `target` (shown to the user as `name`),
 * or `undefined`: it exists and is not a folder, or is a non-empty folder and
 * `force` is off.
 */
export function targetProblem(target: string, name: string, force: boolean): string | undefined {
  const existing = lstatOrUndefined(target);
  if (existing && !existing.isDirectory()) return `'${name}' exists and is not a folder: choose a new folder name for the project`;
  if (existing && readdirSync(target).length > 0 && !force) return `'${target}' exists and is not empty (pass --force to write into it)`;
  return undefined;
}

/** Every file under `dir`, as paths relative to it (template trees are small and contain no links). */
function templateFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? templateFiles(join(dir, entry.name), rel) : entry.isFile() ? [rel] : [];
  });
}

/** npm never packs a file named .gitignore, so templates ship it as `gitignore`. */
const targetName = (rel: string): string => (rel === 'gitignore' ? '.gitignore' : rel);

/**
 * `value` as it may stand inside the text of template file `rel`: in TypeScript
 * the placeholders sit in single-quoted strings and comments, in JSON in
 * double-quoted strings. A display name is free text (`Bob's "Notes"`); the
 * other values are slugs and version ranges, which need no escaping.
 */
export function escapeFor(rel: string, value: string): string {
  switch (extname(rel)) {
    case '.ts':
      return value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\*\//g, '*\\/');
    case '.json':
      return JSON.stringify(value).slice(1, -1);
    default:
      return value;
  }
}

/** The files of a scaffold: shared ones, then the template's own (which win), placeholders substituted. */
function scaffoldFiles(templates: string, template: TemplateName, values: Record<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of [join(templates, '_shared'), join(templates, template)]) {
    for (const rel of templateFiles(dir)) {
      const text = readFileSync(join(dir, rel), 'utf8');
      files.set(targetName(rel), Object.entries(values).reduce((t, [k, v]) => t.split(k).join(escapeFor(rel, v)), text));
    }
  }
  return files;
}

/**
 * Refuses to write `rel` under `target` when that would leave the project:
 * any existing folder on the way, or the file itself, that is a symlink.
 */
function assertInside(target: string, rel: string): void {
  let path = target;
  for (const part of rel.split('/')) {
    path = join(path, part);
    let stat;
    try {
      stat = lstatSync(path);
    } catch {
      return; // Nothing exists from here on: it will be created inside the project.
    }
    if (stat.isSymbolicLink()) {
      throw new CliError(`refusing to write '${relative(target, path)}': it is a symbolic link, and init only writes inside the new project`, EXIT_USAGE);
    }
  }
}

/** What {@link writeScaffold} writes. */
export interface ScaffoldSpec {
  /** Absolute project folder. */
  readonly target: string;
  readonly template: TemplateName;
  readonly appId: string;
  readonly displayName: string;
}

/**
 * Writes the scaffold into `spec.target`. Every path is checked first, so a
 * refused scaffold writes nothing at all; only the scaffold's own files are
 * written — `node_modules`, dot-folders and anything else already in the
 * folder are never read or rewritten.
 */
export function writeScaffold(spec: ScaffoldSpec): void {
  const values = { ...placeholders(spec.appId, spec.displayName), __TEMPLATE__: spec.template };
  const files = scaffoldFiles(join(packageInfo().root, 'templates'), spec.template, values);
  for (const rel of files.keys()) assertInside(spec.target, rel);
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(spec.target, rel)), { recursive: true });
    writeFileSync(join(spec.target, rel), text);
  }
}
