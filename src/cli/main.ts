/**
 * The `imperal` command line: `init`, `validate`, `build`, `serve`.
 *
 * @module
 */
import { Command, CommanderError, Option } from 'commander';
import { runBuild } from './commands/build.js';
import { runInit, TEMPLATES, type TemplateName } from './commands/init.js';
import { addServeFlags, runServe } from './commands/serve.js';
import { FORMATS, runValidate, type Format } from './commands/validate.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { packageInfo } from './package-info.js';

/** Builds the program; each action stores its exit code in `result`. */
export function createProgram(io: CliIO, result: { code: number }): Command {
  const program = new Command('imperal')
    .description('Build, check and scaffold Imperal Cloud extensions written with @imperal/sdk.')
    .version(packageInfo().version, '-V, --version', 'print the SDK version')
    .showHelpAfterError('(run imperal --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .addHelpText('after', '\nExit codes: 0 ok (warnings allowed), 1 errors found or the command failed, 2 usage error.');

  program
    .command('init')
    .description('Scaffold a new extension project in <name>/ (app id = the folder name).')
    .argument('<name>', 'folder to create; its basename becomes the app id (lowercase, digits, hyphens)')
    .addOption(new Option('-t, --template <template>', 'what to start from: chat functions, a raw tool, a sidebar panel, or every surface').choices([...TEMPLATES]).default('chat'))
    .option('-f, --force', 'write into an existing non-empty folder', false)
    .action((name: string, opts: { template: TemplateName; force: boolean }) => {
      result.code = runInit(name, { template: opts.template, force: opts.force }, io);
    });

  program
    .command('validate')
    .description('Run every validator rule (V1–V34, source rules, manifest M0–M8) on the extension and print the findings.')
    .argument('[path]', 'extension folder or entry file', '.')
    .addOption(new Option('--format <format>', 'report format').choices([...FORMATS]).default('human'))
    .option('--json', 'shorthand for --format json', false)
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 at least one ERROR finding, 2 usage error.')
    .action(async (path: string, opts: { format: Format; json: boolean }) => {
      result.code = await runValidate(path, { format: opts.format, json: opts.json }, io);
    });

  program
    .command('build')
    .description('Generate imperal.json (marketplace fields of an existing file are kept) after checking it against the manifest schema.')
    .argument('[path]', 'extension folder or entry file', '.')
    .addHelpText('after', '\nExit codes: 0 written, 1 the extension failed to load or the manifest fails the schema (nothing written), 2 usage error.')
    .action(async (path: string) => {
      result.code = await runBuild(path, io);
    });

  const serveCommand = program
    .command('serve')
    .description('Run the extension as the service the platform calls: Redis Streams RPC (with --redis) and HTTP (/v1/rpc, webhooks, /healthz, /readyz, /manifest, /metrics). Every flag also reads its environment variable.')
    .argument('[entry]', 'extension folder or entry file', '.');
  addServeFlags(serveCommand)
    .addHelpText('after', '\nSIGTERM/SIGINT drain in-flight calls (up to --drain-timeout-ms) and exit 0; a second signal exits at once.\nExit codes: 1 the extension failed to load or the host could not start, 2 usage error (a bad flag or variable).')
    .action(async (entry: string, opts: Record<string, unknown>) => {
      result.code = await runServe(entry, opts, io);
    });
  return program;
}

/** Runs the CLI with `argv` (user arguments only); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const result = { code: EXIT_OK };
  const program = createProgram(io, result);
  try {
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
    io.err(`Error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT_FAILURE;
  }
}

// Run when executed as the `imperal` binary (not when imported by tests).
const invokedAs = process.argv[1] ?? '';
if (/(?:^|[\\/])(?:imperal|main\.js)$/.test(invokedAs)) {
  process.exitCode = await runCli(process.argv.slice(2));
}
