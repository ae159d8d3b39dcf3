/**
 * `imperal init <name> [--template chat|tool|panel|full]`: scaffold a
 * complete extension project from `templates/` (shared files plus the
 * template's own `src/` and `test/`).
 *
 * @module
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
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
    // The CLI's toolchain: optional peers of the SDK, so a production install carries none of it.
    __ESBUILD_VERSION__: info.devDependencies.esbuild ?? '^0.27.7',
    __BABEL_PARSER_VERSION__: info.devDependencies['@babel/parser'] ?? '^7.29.14',
    __FAST_XML_PARSER_VERSION__: info.devDependencies['fast-xml-parser'] ?? '^5.12.1',
    __AJV_VERSION__: info.devDependencies.ajv ?? '^8.20.0',
  };
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

/** The files of a scaffold: shared ones, then the template's own (which win), placeholders substituted. */
function scaffoldFiles(templates: string, template: TemplateName, values: Record<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const dir of [join(templates, '_shared'), join(templates, template)]) {
    for (const rel of templateFiles(dir)) {
      const text = readFileSync(join(dir, rel), 'utf8');
      files.set(targetName(rel), Object.entries(values).reduce((t, [k, v]) => t.split(k).join(v), text));
    }
  }
  return files;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
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
  const existing = lstatOrUndefined(target);
  if (existing && !existing.isDirectory()) {
    throw new CliError(`'${name}' exists and is not a folder: choose a new folder name for the project`, EXIT_USAGE);
  }
  if (existing && readdirSync(target).length > 0 && !options.force) {
    throw new CliError(`'${target}' exists and is not empty (pass --force to write into it)`, EXIT_USAGE);
  }
  const files = scaffoldFiles(join(packageInfo().root, 'templates'), template, { ...placeholders(appId), __TEMPLATE__: template });
  // Check every path first, so a refused scaffold writes nothing at all.
  for (const rel of files.keys()) assertInside(target, rel);
  // Only the scaffold's own files are written: node_modules, dot-folders and
  // anything else already in the folder are never read or rewritten.
  for (const [rel, text] of files) {
    mkdirSync(dirname(join(target, rel)), { recursive: true });
    writeFileSync(join(target, rel), text);
  }
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
