/**
 * `imperal init <name> [--template chat|tool|panel|full]`: scaffold a
 * complete extension project from `templates/` (shared files plus the
 * template's own `src/` and `test/`).
 *
 * @module
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { APP_ID_PATTERN } from '../../validator/rules/V1.js';
import { TEMPLATES, type TemplateName } from '../choices.js';
import { CliError, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { packageInfo } from '../package-info.js';

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
  };
}

function substitute(dir: string, values: Record<string, string>): void {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      substitute(path, values);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    const out = Object.entries(values).reduce((t, [k, v]) => t.split(k).join(v), text);
    if (out !== text) writeFileSync(path, out);
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
  cpSync(join(templates, '_shared'), target, { recursive: true });
  cpSync(join(templates, template), target, { recursive: true });
  // npm never packs a file named .gitignore, so the template ships it as `gitignore`.
  if (existsSync(join(target, 'gitignore'))) renameSync(join(target, 'gitignore'), join(target, '.gitignore'));
  substitute(target, { ...placeholders(appId), __TEMPLATE__: template });
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
