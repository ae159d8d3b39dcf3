/**
 * `imperal serve [entry]`: load the extension (a file or a project folder, as
 * `imperal validate` does) and run it as the service the platform calls. Every
 * flag comes from {@link SERVE_FLAGS}, so `--help` lists each with its variable.
 *
 * The host (ioredis, pino, prom-client) is imported only when this command runs.
 *
 * @module
 */
import { pathToFileURL } from 'node:url';
import type { Extension } from '../../core/extension.js';
import { ValidationError } from '../../errors.js';
import { resolveProject } from '../../validator/project.js';
import { SERVE_FLAGS, resolveServeOptions, type ServeOptions } from '../../serve/options.js';

export { addServeFlags } from '../serve-flags.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { importExtension } from '../load-in-process.js';
import { builtSdk, type BuiltSdk } from '../built-sdk.js';
import type { CliIO } from '../io.js';

type ServeModule = typeof import('../../serve/index.js');

async function importServe(built: BuiltSdk | undefined): Promise<ServeModule> {
  if (built) return (await import(/* @vite-ignore */ pathToFileURL(built.serve).href)) as ServeModule;
  return import('../../serve/index.js');
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
  const ext = await importExtension(project, built?.entries);
  const { serve } = await importServe(built);
  try {
    await serve(ext as unknown as Extension, options, { projectDir: project.root });
  } catch (error) {
    if (error instanceof ValidationError || (error as Error).name === 'ValidationError') throw new CliError((error as Error).message, EXIT_USAGE);
    throw new CliError((error as Error).message, EXIT_FAILURE);
  }
  return EXIT_OK;
}
