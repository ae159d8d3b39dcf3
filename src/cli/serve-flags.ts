/**
 * The `imperal serve` flags as commander options, kept apart from the command so
 * that building the program (and `--help`) loads no host code.
 *
 * @module
 */
import { Option, type Command } from 'commander';
import { SERVE_FLAGS } from '../serve/options.js';

/** Adds every serve flag to `command` (help shows the variable and the default). */
export function addServeFlags(command: Command): Command {
  for (const spec of SERVE_FLAGS) {
    const tail = [`env ${spec.env}`, spec.defaultText ? `default: ${spec.defaultText}` : undefined].filter(Boolean).join('; ');
    command.addOption(new Option(spec.value ? `${spec.flag} <${spec.value.toLowerCase()}>` : spec.flag, `${spec.description} (${tail})`));
  }
  return command;
}
