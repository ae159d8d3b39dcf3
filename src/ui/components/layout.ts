/**
 * Layout components: Stack (and its Row/Column shorthands), Grid, Tabs, Page,
 * Section, Accordion.
 *
 * @module
 */
import { define } from '../factory.js';
import type { UINode } from '../node.js';
import { always, filled, required, whenSet } from '../spec.js';
import { children, listOf, oneNode, oneOf, type Children, type Suggest } from '../validate.js';

/** Stack directions on the wire. */
export const STACK_DIRECTIONS = ['v', 'h'] as const;
/** Stack direction synonyms the SDK folds into `v`/`h`. */
const DIRECTION_ALIASES = { vertical: 'v', column: 'v', col: 'v', horizontal: 'h', row: 'h' } as const;
/** Accepted `direction` values: `v`/`h` and their synonyms. */
export type StackDirection = (typeof STACK_DIRECTIONS)[number] | keyof typeof DIRECTION_ALIASES;

/** Flex alignment values (`align`). */
export type FlexAlign = Suggest<'start' | 'center' | 'end' | 'stretch' | 'baseline'>;
/** Flex distribution values (`justify`). */
export type FlexJustify = Suggest<'start' | 'center' | 'end' | 'between' | 'around' | 'evenly'>;

/** Props of {@link Stack}. */
export interface StackProps {
  /** The stacked nodes (one node or a list; `false`/`null` entries are skipped). */
  children: Children;
  /** `v` (default) or `h`; `vertical`/`column`/`col`/`horizontal`/`row` are accepted and normalised. */
  direction?: StackDirection;
  /** Spacing step between children (default 3). */
  gap?: number;
  /** Flex wrap; leave unset for the renderer's default (horizontal wraps, vertical does not). */
  wrap?: boolean;
  /** Cross-axis alignment. */
  align?: FlexAlign;
  /** Main-axis distribution. */
  justify?: FlexJustify;
  /** Pin to the top of the scroll container (toolbars). */
  sticky?: boolean;
  /** Extra CSS classes (replaces the default padding). Sent as `className`. */
  className?: string;
}

/**
 * Flex layout, vertical by default.
 *
 * @example
 * ```ts
 * ui.Stack([ui.Text('a'), ui.Text('b')], { direction: 'h', gap: 2 });
 * ```
 */
export const Stack = define<StackProps>()({
  type: 'Stack',
  leads: ['children'],
  props: [
    required('children', { check: children }),
    always('direction', { default: 'v', check: oneOf(STACK_DIRECTIONS, DIRECTION_ALIASES) }),
    always('gap', { default: 3 }),
    whenSet('wrap'),
    filled('align'),
    filled('justify'),
    filled('sticky'),
    filled('className', { wire: 'className' }),
  ],
});

/** Props of {@link Row} and {@link Column}. */
export interface LineProps {
  /** The nodes in the line. */
  children: Children;
  /** Spacing step between children (default 3). */
  gap?: number;
}

/**
 * Horizontal line of nodes; sent as a `Stack` with `direction: "h"`.
 *
 * @example
 * ```ts
 * ui.Row([ui.Badge('New'), ui.Text('Inbox')]);
 * ```
 */
export const Row = define<LineProps & { direction?: 'h' }>()({
  name: 'Row',
  type: 'Stack',
  leads: ['children'],
  props: [required('children', { check: children }), always('direction', { default: 'h', check: oneOf(['h']) }), always('gap', { default: 3 })],
});

/**
 * Vertical column of nodes; sent as a `Stack` with `direction: "v"`.
 *
 * @example
 * ```ts
 * ui.Column([ui.Header('Overview'), ui.Text('…')], { gap: 4 });
 * ```
 */
export const Column = define<LineProps & { direction?: 'v' }>()({
  name: 'Column',
  type: 'Stack',
  leads: ['children'],
  props: [required('children', { check: children }), always('direction', { default: 'v', check: oneOf(['v']) }), always('gap', { default: 3 })],
});

/** Props of {@link Grid}. */
export interface GridProps {
  /** The grid cells. */
  children: Children;
  /** Number of columns (default 2). */
  columns?: number;
  /** Spacing step between cells (default 3). */
  gap?: number;
  /** Extra CSS classes. Sent as `className`. */
  className?: string;
}

/**
 * CSS grid of nodes.
 *
 * @example
 * ```ts
 * ui.Grid([ui.Stat('Open', 4), ui.Stat('Done', 9)], { columns: 2 });
 * ```
 */
export const Grid = define<GridProps>()({
  type: 'Grid',
  leads: ['children'],
  props: [
    required('children', { check: children }),
    always('columns', { default: 2 }),
    always('gap', { default: 3 }),
    filled('className', { wire: 'className' }),
  ],
});

/** One tab of {@link Tabs}: its body is `content` (one node) or, as the renderer also reads, `children`. */
export type TabItem = {
  /** Tab title. */
  label: string;
  /** Optional stable id of the tab. */
  id?: string;
  /** Optional Lucide icon name. */
  icon?: string;
} & (
  | {
      /** The node shown when the tab is active. */
      content: UINode;
    }
  | {
      /** The nodes shown when the tab is active (one node or a list); sent as `children`. */
      children: Children;
    }
);

/** Props of {@link Tabs}. */
export interface TabsProps {
  /** The tabs, in order. */
  tabs: readonly TabItem[];
  /** Index of the tab open at first render (default 0). */
  defaultTab?: number;
}

/**
 * Tabbed content.
 *
 * @example
 * ```ts
 * ui.Tabs([{ label: 'Inbox', content: inbox }, { label: 'Sent', content: sent }], { defaultTab: 0 });
 * ```
 */
export const Tabs = define<TabsProps>()({
  type: 'Tabs',
  leads: ['tabs'],
  props: [
    required('tabs', { check: listOf({ required: ['label'], requireOne: ['content', 'children'], fields: { content: oneNode, children } }) }),
    always('defaultTab', { default: 0 }),
  ],
});

/** Props of {@link Page}. */
export interface PageProps {
  /** Page body. */
  children: Children;
  /** Page title. */
  title?: string;
  /** Line under the title. */
  subtitle?: string;
}

/**
 * Top-level page container.
 *
 * @example
 * ```ts
 * ui.Page([ui.Text('Hello')], { title: 'Demo' });
 * ```
 */
export const Page = define<PageProps>()({
  type: 'Page',
  leads: ['children'],
  props: [required('children', { check: children }), filled('title'), filled('subtitle')],
});

/** Props of {@link Section}. */
export interface SectionProps {
  /** Section body. */
  children: Children;
  /** Section heading. */
  title?: string;
  /** Whether the user can fold the section (default false). */
  collapsible?: boolean;
}

/**
 * Titled group of nodes, optionally collapsible.
 *
 * @example
 * ```ts
 * ui.Section([ui.Text('…')], { title: 'Advanced', collapsible: true });
 * ```
 */
export const Section = define<SectionProps>()({
  type: 'Section',
  leads: ['children'],
  props: [required('children', { check: children }), always('collapsible', { default: false }), filled('title')],
});

/** One section of {@link Accordion}. */
export interface AccordionSection {
  /** Stable section id. */
  id: string;
  /** Section heading. */
  title: string;
  /** Section body (one node or a list). */
  children: Children;
}

/** Props of {@link Accordion}. */
export interface AccordionProps {
  /** The sections, in order. */
  sections: readonly AccordionSection[];
  /** Allow several sections open at once (default false). */
  allowMultiple?: boolean;
}

/**
 * Collapsible sections.
 *
 * @example
 * ```ts
 * ui.Accordion([{ id: 'more', title: 'More', children: [ui.Text('inside')] }]);
 * ```
 */
export const Accordion = define<AccordionProps>()({
  type: 'Accordion',
  leads: ['sections'],
  props: [
    required('sections', { check: listOf({ required: ['id', 'title', 'children'], fields: { children } }) }),
    always('allowMultiple', { default: false }),
  ],
});
