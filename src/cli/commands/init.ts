/**
 * `imperal init <name> [--template chat|tool|panel|full]`: scaffold a
 * complete extension project from `templates/` (shared files plus the
 * template's own `src/` and `test/`).
 *
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { APP_ID_PATTERN } from '../../validator/rules/V1.js';
import { CliError, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { packageInfo } from '../package-info.js';

import { TEMPLATES, type TemplateName } from '../choices.js';

export { TEMPLATES, type TemplateName } from '../choices.js';

/** Options of {@link runInit}. */
export interface InitOptions {
  readonly template?: TemplateName;
  /** Write into a non-empty folder. */
  readonly force?: boolean;
  /** Folder the project folder is created in (default: the current directory). */
  readonly cwd?: string;
}

/** `my-app` → `My App`. */
export function titleOf(appId: string): string {
  return appId.split(/[-_]+/).filter(Boolean).map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}

/** The placeholder values a scaffold substitutes. */
export function placeholders(appId: string): Record<string, string> {
  const info = packageInfo();
  return {
    __APP_ID__: appId,
    __DISPLAY_NAME__: titleOf(appId),
    __TOOL_NAME__: appId.replace(/-/g, '_'),
    __SDK_VERSION__: info.version,
    __VITEST_VERSION__: info.devDependencies.vitest ?? '~4.1',
    __TYPESCRIPT_VERSION__: info.devDependencies.typescript ?? '~5.9',
    __TYPES_NODE_VERSION__: info.devDependencies['@types/node'] ?? '^20',
    // The CLI's toolchain: optional peers of the SDK, so a production install carries none of it.
    __ESBUILD_VERSION__: info.devDependencies.esbuild ?? '^0.27.7',
    __BABEL_PARSER_VERSION__: info.devDependencies['@babel/parser'] ?? '^7.29.14',
    __FAST_XML_PARSER_VERSION__: info.devDependencies['fast-xml-parser'] ?? '^5.12.1',
  };
}

/** Relative paths of every file below `dir` (a template folder; symlinks are not followed). */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** Where a template file lands: npm never packs a file named .gitignore, so templates ship it as `gitignore`. */
function destinationOf(file: string): string {
  return file === 'gitignore' ? '.gitignore' : file;
}

/**
 * Writes the scaffold: each template file (the template's own over `_shared`)
 * with its placeholders filled in. Only these files are written or read in the
 * target, so `--force` over an existing project leaves `node_modules`,
 * dotfolders and the user's own files exactly as they were.
 */
function writeScaffold(sources: readonly string[], target: string, values: Record<string, string>): void {
  const files = new Map<string, string>();
  for (const dir of sources) for (const file of filesOf(dir)) files.set(destinationOf(file), join(dir, file));
  for (const [file, source] of files) {
    const path = join(target, file);
    mkdirSync(dirname(path), { recursive: true });
    const text = readFileSync(source, 'utf8');
    writeFileSync(path, Object.entries(values).reduce((t, [k, v]) => t.split(k).join(v), text));
  }
}

/** Runs the command; returns the exit code. */
export function runInit(name: string, options: InitOptions, io: CliIO): number {
  const template = options.template ?? 'chat';
  if (!TEMPLATES.includes(template)) throw new CliError(`unknown template '${template}' (choose ${TEMPLATES.join(', ')})`, EXIT_USAGE);
  const target = resolve(options.cwd ?? process.cwd(), name);
  const appId = basename(target);
  if (!APP_ID_PATTERN.test(appId)) {
    throw new CliError(`'${appId}' is not a valid app id: use 2+ lowercase letters, digits and inner hyphens (e.g. 'my-tasks')`, EXIT_USAGE);
  }
  if (existsSync(target) && readdirSync(target).length > 0 && !options.force) {
    throw new CliError(`'${target}' exists and is not empty (pass --force to write into it)`, EXIT_USAGE);
  }
  const templates = join(packageInfo().root, 'templates');
  mkdirSync(target, { recursive: true });
  writeScaffold([join(templates, '_shared'), join(templates, template)], target, { ...placeholders(appId), __TEMPLATE__: template });
  io.out(
    [
      `Extension '${appId}' scaffolded (template: ${template})`,
      '',
      'Next steps:',
      `  cd ${name}`,
      '  npm install              # @imperal/sdk, TypeScript and Vitest',
      '  npx imperal build        # write imperal.json',
      '  npx imperal validate     # check every platform rule',
      '  npm test                 # run the tests',
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
