/**
/**
 * The `imperal` command line: `init`, `validate`, `build`, `serve`, `dev`, `invoke`
 * (the command tree and {@link runCli}; the executable is ./main.ts).
 *
 * @module
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_LOAD_TIMEOUT_MS } from '../validator/load/limits.js';
import { FORMATS, TEMPLATE_HINTS, TEMPLATES, type Format, type TemplateName } from './choices.js';
import type { DevCommandOptions } from './commands/dev.js';
import type { InvokeCommandOptions } from './commands/invoke.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { packageInfo } from './package-info.js';

/** `--timeout <seconds>`: a positive number of seconds (at most an hour), as milliseconds. */
export function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
    throw new InvalidArgumentError('expected a number of seconds greater than 0 and at most 3600, e.g. --timeout 60');
  }
  return Math.round(seconds * 1000);
}

/** What commander hands `init`'s action. */
interface InitCommandOptions {
  readonly template: TemplateName;
  readonly appId?: string;
  readonly displayName?: string;
  /** `--install` / `--no-install`; undefined when neither was passed. */
  readonly install?: boolean;
  readonly yes: boolean;
  readonly force: boolean;
}

/** The end of `init --help`: the templates, when init asks, and its exit codes. */
const INIT_HELP = [
  '',
  'Templates:',
  ...TEMPLATES.map((t) => `  ${t.padEnd(7)}${TEMPLATE_HINTS[t]}`),
  '',
  'On a terminal (stdin and stdout), without --yes and with no CI variable set, init',
  'asks for the template, app id and display name that the argument and flags leave',
  'out, then whether to install; otherwise it never asks. npm install runs',
  '$IMPERAL_NPM when that is set, else npm.',
  '',
  'Exit codes: 0 scaffolded, 1 npm install failed (the scaffold stays), 2 usage error,',
  '130 cancelled at a question (nothing written).',
].join('\n');

/**
 * Rule ids for `validate --help`. The rules are only loaded when that help is
 * asked for (see {@link runCli}), so other commands start without them.
 */
let ruleIdsForHelp: readonly string[] = [];

/** Every rule id `validate` can report, grouped for `--help`. */
export function rulesHelp(ids: readonly string[] = ruleIdsForHelp): string {
  const lines: string[] = [];
  let line = ' ';
  for (const id of ids) {
    if (line.length + id.length + 2 > 78) {
      lines.push(line);
      line = ' ';
    }
    line += ` ${id}`;
  }
  lines.push(line);
  return `\nRules (${ids.length}; each explained in docs/validator.md of @imperal/sdk):\n${lines.join('\n')}\n`;
}

const timeoutOption = (): Option =>
  new Option('--timeout <seconds>', `bound on loading the extension (it is imported in a child process)`)
    .argParser(parseTimeout)
    .default(DEFAULT_LOAD_TIMEOUT_MS, `${DEFAULT_LOAD_TIMEOUT_MS / 1000}`);

/**
 * Builds the program; each action stores its exit code in `result`. Commands load
 * their implementation when they run, so `imperal dev` never pays for the
 * validator's parser and `imperal --version` pays for nothing.
 */
/**
 * Builds the command tree. `serveFlags` adds `imperal serve`'s flags (the
 * `addServeFlags` of ./serve-flags.js); {@link runCli} passes it only when the
 * arguments name `serve`, so other commands and `--help` start without that table.
 */
export function createProgram(io: CliIO, result: { code: number }, serveFlags?: (command: Command) => Command): Command {
  const program = new Command('imperal')
    .description('Build, check and scaffold Imperal Cloud extensions written with @imperal/sdk.')
    .version(packageInfo().version, '-V, --version', 'print the SDK version')
    .showHelpAfterError('(run imperal --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', '\nExit codes: 0 ok (warnings allowed), 1 errors found or the command failed, 2 usage error, 130 cancelled at a question (init).');

  program
    .command('init')
    .description('Scaffold a new extension project in [name]/ (app id = the folder name). On a terminal, asks for whatever the flags leave out.')
    .argument('[name]', 'folder to create; its basename becomes the app id (lowercase, digits, hyphens)')
    .addOption(new Option('-t, --template <template>', 'what to start from (see Templates below)').choices([...TEMPLATES]).default('chat'))
    .option('--app-id <id>', 'the app id (default: the folder name; without [name], also the folder)')
    .option('--display-name <text>', 'the human-readable name (default: from the app id, my-notes → My Notes)')
    .option('--install', 'run npm install in the new project (asked on a terminal)')
    .option('--no-install', 'do not run npm install (the default when nothing is asked)')
    .option('-y, --yes', 'ask nothing: take the defaults for whatever the flags leave out', false)
    .option('-f, --force', 'write into an existing non-empty folder', false)
    .addHelpText('after', () => INIT_HELP)
    .action(async (name: string | undefined, opts: InitCommandOptions, command: Command) => {
      const { runInit } = await import('./commands/init.js');
      // The template's default shows in --help, but a template nobody chose is asked for on a terminal.
      const template = command.getOptionValueSource('template') === 'default' ? undefined : opts.template;
      result.code = await runInit(name, { template, appId: opts.appId, displayName: opts.displayName, install: opts.install, yes: opts.yes, force: opts.force }, io);
    });

  program
    .command('validate')
    .description('Run every validator rule (V1–V35, source rules, manifest M0–M8, LOAD) on the extension and print the findings.')
    .argument('[path]', 'extension folder or entry file', '.')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('human'))
    .option('--json', 'shorthand for --format json', false)
    .addOption(timeoutOption())
    .addHelpText('after', () => `${rulesHelp()}\nEnvironment: IMPERAL_VALIDATOR_V23_SEVERITY=warn, IMPERAL_VALIDATOR_SECRET_SEVERITY=error, IMPERAL_AUTHOR_ID + IMPERAL_FIRSTPARTY_AUTHOR_IDS (V31), NO_COLOR / FORCE_COLOR.\n\nExit codes: 0 no errors (warnings allowed), 1 at least one ERROR finding, 2 usage error (bad option, a path that is not a project folder or entry file).`)
    .action(async (path: string, opts: { format: Format; json: boolean; timeout: number }) => {
      const { runValidate } = await import('./commands/validate.js');
      result.code = await runValidate(path, { format: opts.format, json: opts.json, timeoutMs: opts.timeout }, io);
    });

  program
    .command('build')
    .description('Generate imperal.json (marketplace fields of an existing file are kept) after checking it against the manifest schema; written atomically.')
    .argument('[path]', 'extension folder or entry file', '.')
    .option('--check', 'write nothing; exit 1 when imperal.json is missing or not what build would write', false)
    .addOption(timeoutOption())
    .addHelpText('after', '\nExit codes: 0 written (or, with --check, up to date), 1 the extension failed to load, the manifest fails the schema (nothing written) or, with --check, imperal.json is stale, 2 usage error (including an existing imperal.json that is not valid JSON).')
    .action(async (path: string, opts: { check: boolean; timeout: number }) => {
      const { runBuild } = await import('./commands/build.js');
      result.code = await runBuild(path, io, { check: opts.check, timeoutMs: opts.timeout });
    });

  const serveCommand = program
    .command('serve')
    .description('Run the extension as the service the platform calls: Redis Streams RPC (with --redis) and HTTP (/v1/rpc, webhooks, /healthz, /readyz, /manifest, /metrics). Every flag also reads its environment variable.')
    .argument('[entry]', 'extension folder or entry file', '.');
  (serveFlags ? serveFlags(serveCommand) : serveCommand)
    .addHelpText('after', '\nSIGTERM/SIGINT drain in-flight calls (up to --drain-timeout-ms) and exit 0; a second signal exits at once.\nExit codes: 1 the extension failed to load or the host could not start, 2 usage error (a bad flag or variable).')
    .action(async (entry: string, opts: Record<string, unknown>) => {
      const { runServe } = await import('./commands/serve.js');
      result.code = await runServe(entry, opts, io);
    });

  program
    .command('dev')
    .description('Run the extension on a local platform with live reload, and serve the browser playground and its JSON API.')
    .argument('[entry]', 'extension folder or entry file', '.')
    .option('-p, --port <port>', 'playground/API port (0 = any free port)', '4300')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--data <dir>', 'where the local platform keeps its state (default <project>/.imperal/dev)')
    .option('--no-open', 'do not open the playground in a browser')
    .option('--reset', 'start with empty state', false)
    .addHelpText('after', '\nStops on Ctrl-C. The JSON API (/api/call, /api/panel, /api/store/<collection>, /api/events, ...) is described in docs/dev.md.')
    .action(async (entry: string, opts: DevCommandOptions) => {
      const { runDev } = await import('./commands/dev.js');
      result.code = await runDev(entry, opts, io);
    });

  program
    .command('invoke')
    .description('Run one function (or __panel__<id>, a schedule, a skeleton, …) against the local platform state and print the result.')
    .argument('<function>', 'chat function or wire tool name; schedule:<name>, skeleton:<section>, panel:<id> also work')
    .argument('[entry]', 'extension folder or entry file', '.')
    .option('--params <json>', 'params as JSON, or @file.json', '{}')
    .option('--as <user>', 'acting user id (default: the dev user)')
    .option('--data <dir>', 'state folder (default <project>/.imperal/dev)')
    .addHelpText('after', '\nExit codes: 0 the result is a success, 1 the result is an error (or the call failed), 2 usage error.\nWhen imperal dev is running on the same data folder, the call goes through it.')
    .action(async (fn: string, entry: string, opts: InvokeCommandOptions) => {
      const { runInvoke } = await import('./commands/invoke.js');
      result.code = await runInvoke(fn, entry, opts, io);
    });
  return program;
}

/** Runs the CLI with `argv` (user arguments only); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const result = { code: EXIT_OK };
  const serveFlags = argv.includes('serve') ? (await import('./serve-flags.js')).addServeFlags : undefined;
  const program = createProgram(io, result, serveFlags);
  try {
    if (argv[0] === 'validate' && argv.some((a) => a === '--help' || a === '-h')) {
      const { ALL_RULES, LOADER_RULES } = await import('../validator/rules/index.js');
      ruleIdsForHelp = [...LOADER_RULES, ...ALL_RULES].map((r) => r.id);
    }
    await program.parseAsync([...argv], { from: 'user' });
    return result.code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (error instanceof CliError) {
      io.err(`Error: ${error.message}\n`);
      return error.exitCode;
    }
    const { missingToolchainPackage, toolchainHint } = await import('./toolchain.js');
    const missing = missingToolchainPackage(error);
    if (missing) {
      io.err(`Error: ${toolchainHint(missing)}\n`);
      return EXIT_FAILURE;
    }
    io.err(`Error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}
