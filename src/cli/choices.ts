/**
 * Option choices of the CLI commands, in a module of their own so `main.ts`
 * can declare every command without loading any command's implementation.
 *
 * @module
 */

/** Report formats of `imperal validate`. */
export const FORMATS = ['human', 'json', 'sarif'] as const;
/** A report format. */
export type Format = (typeof FORMATS)[number];

/** Templates of `imperal init`. */
export const TEMPLATES = ['chat', 'tool', 'panel', 'full'] as const;
/** A template name. */
export type TemplateName = (typeof TEMPLATES)[number];
