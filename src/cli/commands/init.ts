/**
 * `imperal init [name] [--template chat|tool|panel|full] [--app-id <id>]
 * [--display-name <text>] [--install|--no-install] [--yes] [--force]`: scaffold
 * a complete extension project from `templates/`. On a terminal it asks for what
 * the flags leave out (see {@link canAsk}); scripted, it takes the defaults and
 * never waits for input.
 *
 * @module
 */
import { basename, resolve } from 'node:path';
import { TEMPLATES, type TemplateName } from '../choices.js';
import { CliError, EXIT_CANCELLED, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';
import { npmCommand, npmInstall } from '../npm-install.js';
import { formatElapsed, withProgress } from '../progress.js';
import { appIdProblem, displayNameProblem, targetProblem, titleOf, writeScaffold } from '../scaffold.js';
import { style } from '../style.js';

export { TEMPLATES, type TemplateName } from '../choices.js';
export { placeholders, titleOf } from '../scaffold.js';

/** Options of {@link runInit}; an `undefined` field was not given on the command line. */
export interface InitOptions {
  readonly template?: TemplateName | undefined;
  /** The app id (default: the basename of the project folder). */
  readonly appId?: string | undefined;
  /** The display name (default: {@link titleOf} the app id). */
  readonly displayName?: string | undefined;
  /** Run `npm install` in the new project (default: ask on a terminal, else no). */
  readonly install?: boolean | undefined;
  /** Never ask: take the defaults for whatever is not given. */
  readonly yes?: boolean | undefined;
  /** Write into a non-empty folder. */
  readonly force?: boolean | undefined;
  /** Folder the project folder is created in (default: the current directory). */
  readonly cwd?: string | undefined;
}

/** Whether a `CI` environment variable says this is a CI run (`CI=0`/`CI=false` say it is not). */
function inCI(env: Readonly<Record<string, string | undefined>>): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false';
}

/**
 * Whether `init` may ask questions: stdin and stdout are terminals, `--yes` was
 * not passed and no `CI` variable is set.
 */
export function canAsk(io: CliIO, options: Pick<InitOptions, 'yes'>): boolean {
  return io.stdinIsTTY === true && io.isTTY === true && options.yes !== true && !inCI(io.env ?? {});
}

/** The project `init` writes, once every question is settled. */
interface Plan {
  /** The folder as the user named it (for messages and `cd`). */
  readonly name: string;
  readonly target: string;
  readonly template: TemplateName;
  readonly appId: string;
  readonly displayName: string;
  readonly install: boolean;
}

/** What the argument and the flags say about the folder: `folder` is undefined when neither names one. */
interface Given {
  readonly folder: string | undefined;
  readonly appId: string | undefined;
}

/** Throws a usage error with `problem`, if there is one. */
function refuse(problem: string | undefined, prefix = ''): void {
  if (problem !== undefined) throw new CliError(`${prefix}${problem}`, EXIT_USAGE);
}

/** The plan from the flags alone: defaults for whatever is missing; a missing folder is a usage error. */
function planFromFlags(given: Given, options: InitOptions, cwd: string): Plan {
  if (given.folder === undefined || given.appId === undefined) {
    throw new CliError(
      "missing the project folder: pass it as the argument, e.g. 'imperal init my-notes' (or pass --app-id <id>); init asks for it only on a terminal, without --yes and outside CI",
      EXIT_USAGE,
    );
  }
  const appId = given.appId;
  return {
    name: given.folder,
    target: resolve(cwd, given.folder),
    template: options.template ?? 'chat',
    appId,
    displayName: options.displayName ?? titleOf(appId),
    install: options.install ?? false,
  };
}

/** Asks for whatever the flags leave out; `undefined` when the user cancelled. */
async function planByAsking(given: Given, options: InitOptions, cwd: string): Promise<Plan | undefined> {
  const { askInit } = await import('../init-prompts.js');
  const answers = await askInit(
    { template: options.template, appId: given.appId, displayName: options.displayName, install: options.install },
    {
      // A typed app id is also the folder: it must be free (or --force), like the argument.
      appId: (id) => appIdProblem(id) ?? targetProblem(resolve(cwd, id), id, options.force === true),
      displayName: displayNameProblem,
    },
  );
  if (!answers) return undefined;
  const folder = given.folder ?? answers.appId;
  return { ...answers, name: folder, target: resolve(cwd, folder) };
}

/** Runs `npm install` in the new project with a spinner; throws when it fails (the scaffold stays). */
async function install(plan: Plan, io: CliIO): Promise<void> {
  const env = io.env ?? process.env;
  const npm = npmCommand(env);
  const result = await withProgress(io, `Installing dependencies (${npm} install)…`, () => npmInstall(plan.target, env));
  if (result.code !== 0) {
    io.err(result.output.endsWith('\n') || result.output === '' ? result.output : `${result.output}\n`);
    throw new CliError(`${npm} install failed${result.code === null ? '' : ` (exit code ${result.code})`}; the project is scaffolded in '${plan.target}': fix the problem above, then run npm install there`, EXIT_FAILURE);
  }
  io.out(`${style(io).ok('✔')} Dependencies installed (${npm} install, ${formatElapsed(result.ms)})\n`);
}

/** Runs the command; returns the exit code. */
export async function runInit(name: string | undefined, options: InitOptions, io: CliIO): Promise<number> {
  if (options.template !== undefined && !TEMPLATES.includes(options.template)) {
    throw new CliError(`unknown template '${options.template}' (choose ${TEMPLATES.join(', ')})`, EXIT_USAGE);
  }
  const cwd = options.cwd ?? process.cwd();
  const folder = name ?? options.appId;
  const given: Given = { folder, appId: options.appId ?? (folder === undefined ? undefined : basename(resolve(cwd, folder))) };
  // What the argument and flags say is checked before any question, so a bad one never costs the user their answers.
  const force = options.force === true;
  if (given.appId !== undefined) refuse(appIdProblem(given.appId));
  if (folder !== undefined) refuse(targetProblem(resolve(cwd, folder), folder, force));
  if (options.displayName !== undefined) refuse(displayNameProblem(options.displayName, given.appId ?? ''), '--display-name: ');

  const missing = options.template === undefined || folder === undefined || options.displayName === undefined;
  const plan = missing && canAsk(io, options) ? await planByAsking(given, options, cwd) : planFromFlags(given, options, cwd);
  if (!plan) return EXIT_CANCELLED;
  // Checked again with the answers: the display name against a typed app id, the folder as it is now.
  if (options.displayName !== undefined) refuse(displayNameProblem(options.displayName, plan.appId), '--display-name: ');
  refuse(targetProblem(plan.target, plan.name, force));
  writeScaffold({ target: plan.target, template: plan.template, appId: plan.appId, displayName: plan.displayName.trim() });
  io.out(`Extension '${plan.appId}' scaffolded (template: ${plan.template})\n`);
  if (plan.install) await install(plan, io);
  io.out(
    [
      '',
      'Next steps:',
      `  cd ${plan.name}`,
      ...(plan.install ? [] : ['  npm install              # @imperal/sdk, TypeScript and Vitest']),
      '  npx imperal build        # write imperal.json',
      '  npx imperal validate     # check every platform rule',
      '  npm test                 # run the tests',
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}
