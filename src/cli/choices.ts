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

/** One line per template: the `init` prompt's hint and the `--template` help. */
export const TEMPLATE_HINTS: Readonly<Record<TemplateName, string>> = {
  chat: 'one chat function with typed params and result',
  tool: 'a raw tool for automations and chains',
  panel: 'a chat function plus a sidebar panel refreshed by an event',
  full: 'every surface: panel, skeleton, schedule, webhook, events, secrets, hooks',
};

/** Report formats of `validate`. */
export const FORMATS = ['human', 'json', 'sarif'] as const;
/** A report format. */
export type Format = (typeof FORMATS)[number];
