/**
 * How a report decorates text (colour in a terminal, nothing elsewhere). The
 * CLI supplies a colouring one; everything else uses {@link PLAIN}.
 *
 * @module
 */

/** Text decorations; identity functions when colour is off. */
export interface Paint {
  readonly enabled: boolean;
  fail(text: string): string;
  warn(text: string): string;
  info(text: string): string;
  ok(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const same = (t: string): string => t;

/** A paint that changes nothing. */
export const PLAIN: Paint = { enabled: false, fail: same, warn: same, info: same, ok: same, dim: same, bold: same };
