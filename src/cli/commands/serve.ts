/**
 * `imperal serve [entry]`: load the extension (a file or a project folder, as
 * `imperal validate` does) and run it as the service the platform calls. Every
 * flag comes from {@link SERVE_FLAGS}, so `--help` lists each with its variable.
 *
 * The host (ioredis, pino, prom-client) is imported only when this command runs.
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, Option } from 'commander';
import type { Extension } from '../../core/extension.js';
import { ValidationError } from '../../errors.js';
import { loadExtension } from '../../validator/load/index.js';
import { resolveProject } from '../../validator/project.js';
import { formatFinding } from '../../validator/report/human.js';
import { SERVE_FLAGS, resolveServeOptions, type ServeOptions } from '../../serve/options.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { CliIO } from '../io.js';

type ServeModule = typeof import('../../serve/index.js');

/**
 * The built package's folder when running from `dist/cli/main.js`: the host and
 * the extension must share the SDK instance in `dist/` (the CLI bundle holds its
 * own copy of the core, so `instanceof` checks would fail across the two).
 */
function builtSdk(): { serve: string; entries: Record<string, string> } | undefined {
  if (!/\/cli\/main\.js$/.test(import.meta.url)) return undefined;
  const file = (rel: string): string => fileURLToPath(new URL(rel, import.meta.url));
  if (!existsSync(file('../serve/index.js'))) return undefined;
  const entries: Record<string, string> = {};
  for (const [spec, rel] of [['@imperal/sdk', '../index.js'], ['@imperal/sdk/ui', '../ui/index.js'], ['@imperal/sdk/testing', '../testing/index.js'], ['@imperal/sdk/serve', '../serve/index.js']] as const) {
    if (existsSync(file(rel))) entries[spec] = file(rel);
  }
  return { serve: file('../serve/index.js'), entries };
}

async function importServe(built: ReturnType<typeof builtSdk>): Promise<ServeModule> {
  if (built) return (await import(/* @vite-ignore */ pathToFileURL(built.serve).href)) as ServeModule;
  return import('../../serve/index.js');
}

/** Adds every serve flag to `command` (help shows the variable and the default). */
export function addServeFlags(command: Command): Command {
  for (const spec of SERVE_FLAGS) {
    const tail = [`env ${spec.env}`, spec.defaultText ? `default: ${spec.defaultText}` : undefined].filter(Boolean).join('; ');
    command.addOption(new Option(spec.value ? `${spec.flag} <${spec.value.toLowerCase()}>` : spec.flag, `${spec.description} (${tail})`));
  }
  return command;
}

/** Commander's parsed flags → serve options (only the flags actually given; the rest come from the environment). */
function toServeOptions(flags: Record<string, unknown>): ServeOptions {
  const out: Record<string, unknown> = {};
  for (const spec of SERVE_FLAGS) if (flags[spec.key] !== undefined) out[spec.key] = flags[spec.key];
  return out as ServeOptions;
}

/** Runs the command: resolves once the host serves (the process then lives until a signal). */
export async function runServe(path: string, flags: Record<string, unknown>, io: CliIO): Promise<number> {
  const project = resolveProject(path);
  if (!project) throw new CliError(`Path '${path}' does not exist.`, EXIT_USAGE);
  const options = toServeOptions(flags);
  try {
    // Bad flags and variables fail before the (slower) bundling; the app id only fills defaults.
    resolveServeOptions('app', options);
  } catch (error) {
    if (error instanceof ValidationError) throw new CliError(error.message, EXIT_USAGE);
    throw error;
  }
  const built = builtSdk();
  const loaded = await loadExtension(project, built ? { externalAlias: built.entries } : {});
  if (!loaded.ext) {
    io.err(`Error: could not load the extension in '${project.root}':\n\n${loaded.findings.map(formatFinding).join('\n\n')}\n`);
    return EXIT_FAILURE;
  }
  const { serve } = await importServe(built);
  try {
    await serve(loaded.ext as unknown as Extension, options, { projectDir: project.root });
  } catch (error) {
    if (error instanceof ValidationError || (error as Error).name === 'ValidationError') throw new CliError((error as Error).message, EXIT_USAGE);
    throw new CliError((error as Error).message, EXIT_FAILURE);
  }
  return EXIT_OK;
}
