/**
 * The fixed choices the CLI's options offer. They live apart from the commands so
 * that parsing arguments (and `--help`, `--version`) loads no command code.
 *
 * @module
 */

/** The templates `init` offers. */
export const TEMPLATES = ['chat', 'tool', 'panel', 'full'] as const;
/** A template name. */
export type TemplateName = (typeof TEMPLATES)[number];

/** Report formats of `validate`. */
export const FORMATS = ['human', 'json', 'sarif'] as const;
/** A report format. */
export type Format = (typeof FORMATS)[number];
