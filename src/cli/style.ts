/**
 * Colour and symbols for terminal output: on when stdout is a TTY, off when
 * it is not; `NO_COLOR` turns colour off and `FORCE_COLOR` on (see
 * no-color.org). Piped output and tests stay plain text.
 *
 * @module
 */
import pc from 'picocolors';
import type { Paint } from '../validator/report/paint.js';
import type { CliIO } from './io.js';

/** The decorations a command applies (see {@link Paint}). */
export type Style = Paint;

/** Whether to colour: `NO_COLOR` (non-empty) wins, then `FORCE_COLOR` (not `0`), then the TTY check. */
export function colourEnabled(isTTY: boolean, env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

/** The style for `io` (plain unless its stdout is a TTY or colour is forced). */
export function style(io: CliIO): Style {
  const enabled = colourEnabled(io.isTTY === true, io.env ?? {});
  const c = pc.createColors(enabled);
  return { enabled, fail: c.red, warn: c.yellow, info: c.cyan, ok: c.green, dim: c.dim, bold: c.bold };
}

export { PLAIN } from '../validator/report/paint.js';
