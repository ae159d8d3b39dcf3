/**
 * Data components: Badge, Avatar, Stat, Stats, ListItem, List, DataColumn,
 * DataTable, Timeline, Tree, KeyValue.
 *
 * @module
 */
import type { UIAction } from '../actions.js';
import { define } from '../factory.js';
import type { NodeOptions, UINode } from '../node.js';
import { act, always, filled, inputOnly, positive, required, whenSet } from '../spec.js';
import { compileTable, emitValues, readCall } from '../table.js';
import { action, children, fail, listOf, oneNode, oneOf, type Check, type Child, type Children, type Suggest } from '../validate.js';
import { isPlainObject } from '../wire.js';

/** Badge colours the renderer has. */
export const BADGE_COLORS = ['blue', 'green', 'red', 'yellow', 'gray', 'purple', 'orange'] as const;
/** One of {@link BADGE_COLORS}. */
export type BadgeColor = (typeof BADGE_COLORS)[number];

/** Props of {@link Badge}. */
export interface BadgeProps {
  /** Badge text (default `''`). */
  label?: string;
  /** A number or string kept next to the label; `0` is sent, `undefined` is not. The renderer shows only `label`. */
  value?: string | number;
  /** Colour (default `gray`). */
  color?: BadgeColor;
  /** Size step. */
  size?: Suggest<'sm' | 'md' | 'lg'>;
  /** Render as a dot before the label. */
  dot?: boolean;
}

/**
 * A small coloured label.
 *
 * @example
 * ```ts
 * ui.Badge('3', { color: 'red' });
 * ```
 */
export const Badge = define<BadgeProps>()({
  type: 'Badge',
  leads: ['label'],
  props: [
    always('label', { default: '' }),
    whenSet('value'),
    always('color', { default: 'gray', check: oneOf(BADGE_COLORS) }),
    filled('size'),
    filled('dot'),
  ],
});

/** Props of {@link Avatar}. */
export interface AvatarProps {
  /** Text shown when there is no image (default `?`). */
  fallback?: string;
  /** Image URL (default `''`). */
  src?: string;
  /** Size step (default `md`). */
  size?: Suggest<'xs' | 'sm' | 'md' | 'lg' | 'xl'>;
}

/**
 * A round avatar with a text fallback.
 *
 * @example
 * ```ts
 * ui.Avatar('A', { size: 'sm' });
 * ```
 */
export const Avatar = define<AvatarProps>()({
  type: 'Avatar',
  leads: ['fallback'],
  props: [always('fallback', { default: '?' }), always('src', { default: '' }), always('size', { default: 'md' })],
});

/** Trend directions of a {@link Stat}. */
export const TREND_DIRECTIONS = ['up', 'down', 'neutral'] as const;

/** Props of {@link Stat}. */
export interface StatProps {
  /** What is measured. */
  label: string;
  /** The figure (`0` is sent, `undefined` is not). */
  value?: string | number;
  /** Change text, e.g. `+2`. */
  trend?: string;
  /** Lucide icon name. */
  icon?: string;
  /** Accent colour (default `blue`). */
  color?: Suggest<'blue' | 'green' | 'red' | 'yellow' | 'purple' | 'gray' | 'orange'>;
  /** Line under the figure. */
  description?: string;
  /** Whether the trend is good news, bad news or neither. */
  trendDirection?: (typeof TREND_DIRECTIONS)[number];
}

/**
 * One key figure.
 *
 * @example
 * ```ts
 * ui.Stat('Unread', 5, { trend: '+2', color: 'red' });
 * ```
 */
export const Stat = define<StatProps>()({
  type: 'Stat',
  leads: ['label', 'value'],
  props: [
    required('label'),
    whenSet('value'),
    always('trend', { default: '' }),
    always('icon', { default: '' }),
    always('color', { default: 'blue' }),
    filled('description'),
    filled('trendDirection', { check: oneOf(TREND_DIRECTIONS) }),
  ],
});

/** Props of {@link Stats}. */
export interface StatsProps {
  /** The Stat nodes. */
  children: Children;
  /** Columns; 0 (default) lets the renderer choose. */
  columns?: number;
}

/**
 * A row of {@link Stat}s.
 *
 * @example
 * ```ts
 * ui.Stats([ui.Stat('Open', 4), ui.Stat('Done', 9)], { columns: 2 });
 * ```
 */
export const Stats = define<StatsProps>()({
  type: 'Stats',
  leads: ['children'],
  props: [required('children', { check: children }), positive('columns')],
});

/** A per-item action button of a {@link ListItem}. */
export interface ListItemAction {
  /** Lucide icon name. */
  icon?: string;
  /** Accessible label / tooltip. */
  label?: string;
  /** What the button does. Sent as `on_click`. */
  onClick: UIAction;
  /** Ask for confirmation with this text first. */
  confirm?: string;
}

/** Props of {@link ListItem}. */
export interface ListItemProps {
  /** Item id (a prop of the item, sent inside `props`; use `key` for node identity). */
  id: string;
  /** Main line. */
  title: string;
  /** Second line. */
  subtitle?: string;
  /** Right-aligned meta text, e.g. a time. */
  meta?: string;
  /** Leading avatar node. */
  avatar?: UINode;
  /** Trailing badge node. */
  badge?: UINode;
  /** Highlight as selected. */
  selected?: boolean;
  /** Action fired on click (unless `expandable`). */
  onClick?: UIAction;
  /** Per-item action buttons. */
  actions?: readonly ListItemAction[];
  /** The item can be dragged. */
  draggable?: boolean;
  /** Items can be dropped on this one. */
  droppable?: boolean;
  /** Action fired when something is dropped here. */
  onDrop?: UIAction;
  /** Lucide icon name. */
  icon?: string;
  /** A click toggles `expandedContent` instead of firing `onClick`. */
  expandable?: boolean;
  /** Nodes shown when expanded. */
  expandedContent?: Children;
}

const itemActions = listOf({ required: ['on_click'], renames: { onClick: 'on_click' }, fields: { on_click: action } });

/**
 * One row of a {@link List}.
 *
 * @example
 * ```ts
 * ui.ListItem({ id: d.id, title: String(d.data.title), onClick: ui.Call('open', { id: d.id }) });
 * ```
 */
export const ListItem = define<ListItemProps>()({
  type: 'ListItem',
  leads: ['id', 'title'],
  props: [
    required('id'),
    required('title'),
    filled('subtitle'),
    filled('meta'),
    filled('avatar', { check: oneNode }),
    filled('badge', { check: oneNode }),
    filled('selected'),
    act('onClick'),
    filled('actions', { check: itemActions }),
    filled('draggable'),
    filled('droppable'),
    act('onDrop'),
    filled('icon'),
    filled('expandable'),
    filled('expandedContent', { check: children }),
  ],
});

/** A bulk action of a selectable {@link List}; the selected ids are added as param `message_ids`. */
export interface BulkAction {
  /** Button text. */
  label: string;
  /** Lucide icon name. */
  icon?: string;
  /** What the button does. */
  action: UIAction;
}

/**
 * A row of a {@link List}: the renderer reads full ListItem nodes or bare prop
 * objects; the SDK builds a bare object (camelCase options) into a ListItem
 * node, with the same checks. Falsy entries are skipped.
 */
const listItems: Check = (value, at) => {
  if (!Array.isArray(value) || !value.some((item) => isPlainObject(item))) return children(value, at);
  return children(
    value.map((item: unknown) => (isPlainObject(item) ? ListItem(item as unknown as ListItemProps) : item)),
    at,
  );
};

/** Props of {@link List}. */
export interface ListProps {
  /** The rows: ListItem nodes, or ListItem options objects built into nodes (falsy entries are skipped). */
  items: readonly (Child | (ListItemProps & NodeOptions))[];
  /** Show a search box (default false). */
  searchable?: boolean;
  /** Group rows by this item field (default `''`). */
  groupedBy?: string;
  /** Client-side page size; 0 (default) shows all. */
  pageSize?: number;
  /** Action fired when the user scrolls to the end (infinite scroll). */
  onEndReached?: UIAction;
  /** Show selection checkboxes. */
  selectable?: boolean;
  /** Actions applied to the selected rows. */
  bulkActions?: readonly BulkAction[];
  /** Total count when the list is paged server-side. */
  totalItems?: number;
  /** Extra text in the list header, e.g. `3 unread`. */
  extraInfo?: string;
  /** List heading. */
  title?: string;
  /** Text shown when there are no items. */
  emptyText?: string;
  /** Placeholder of the search box. */
  searchPlaceholder?: string;
  /** Maximum height (CSS length or pixels) before the list scrolls. */
  maxHeight?: string | number;
}

/**
 * A list of {@link ListItem}s.
 *
 * @example
 * ```ts
 * ui.List({ items: page.data.map((d) => ui.ListItem({ id: d.id, title: String(d.data.title) })) });
 * ui.List([{ id: 'a', title: 'Alpha', onClick: ui.Call('open', { id: 'a' }) }]); // rows as options objects
 * ```
 */
export const List = define<ListProps>()({
  type: 'List',
  leads: ['items'],
  props: [
    required('items', { check: listItems }),
    always('searchable', { default: false }),
    always('groupedBy', { default: '' }),
    positive('pageSize'),
    act('onEndReached'),
    filled('selectable'),
    filled('bulkActions', { check: listOf({ required: ['label', 'action'], fields: { action } }) }),
    positive('totalItems'),
    filled('extraInfo'),
    filled('title'),
    filled('emptyText'),
    filled('searchPlaceholder'),
    filled('maxHeight'),
  ],
});

/** A DataTable column on the wire (what {@link DataColumn} returns). */
export interface DataColumnSpec {
  /** Row field shown in this column. */
  key: string;
  /** Column heading. */
  label: string;
  /** Sortable by clicking the heading. */
  sortable?: boolean;
  /** CSS width. */
  width?: string;
  /** Cells can be edited inline. */
  editable?: boolean;
  /** Editor used for inline edits. */
  edit_type?: Suggest<'text' | 'toggle'>;
}

/** Options of {@link DataColumn}. */
export interface DataColumnProps {
  /** Row field shown in this column. */
  key: string;
  /** Column heading. */
  label: string;
  /** Sortable by clicking the heading (default true). */
  sortable?: boolean;
  /** CSS width. */
  width?: string;
  /** Cells can be edited inline (needs `onCellEdit` on the table). */
  editable?: boolean;
  /** Editor used for inline edits (default `text`); sent only with `editable: true`, an error without any `editable`. */
  editType?: Suggest<'text' | 'toggle'>;
}

const COLUMN = compileTable(
  'DataColumn',
  [required('key'), required('label'), always('sortable', { default: true }), filled('width'), filled('editable'), inputOnly('editType')],
  ['key', 'label'],
  [],
);
/** Rows of `editable` and `editType` in {@link COLUMN}. */
const EDITABLE = COLUMN.index.get('editable') as number;
const EDIT_TYPE = COLUMN.index.get('editType') as number;

/**
 * A column of a {@link DataTable}. Returns the plain column object (columns are
 * not nodes on the wire).
 *
 * @example
 * ```ts
 * ui.DataColumn('qty', 'Qty', { sortable: false, width: '80px' });
 * ```
 */
export function DataColumn(options: DataColumnProps): DataColumnSpec;
export function DataColumn(key: string, label: string, options?: Omit<DataColumnProps, 'key' | 'label'>): DataColumnSpec;
export function DataColumn(...args: unknown[]): DataColumnSpec {
  const { values } = readCall(COLUMN, args);
  const column = emitValues(COLUMN, values) as unknown as DataColumnSpec;
  // The editor type only means something for an editable column; without any `editable` it would be lost.
  const editType = values[EDIT_TYPE] as string | undefined | null;
  if (column.editable === true) column.edit_type = editType ?? 'text';
  else if (editType !== undefined && editType !== null && values[EDITABLE] === undefined) {
    throw fail({ component: 'DataColumn', prop: 'editType' }, "only applies to an editable column; add 'editable: true'");
  }
  return column;
}

/** Props of {@link DataTable}. */
export interface DataTableProps {
  /** Columns, from {@link DataColumn} or written as objects. */
  columns: readonly DataColumnSpec[];
  /** Rows; keys match the columns' `key`. Sent verbatim. */
  rows: readonly Readonly<Record<string, unknown>>[];
  /** Action fired on row click (the row is added as param `row`). */
  onRowClick?: UIAction;
  /** Action fired after an inline cell edit. */
  onCellEdit?: UIAction;
  /** Text shown when there are no rows. */
  emptyText?: string;
  /** Maximum height before the table scrolls. */
  maxHeight?: string | number;
  /** Keep the heading row visible while scrolling. */
  stickyHeader?: boolean;
}

/**
 * A table.
 *
 * @example
 * ```ts
 * ui.DataTable([ui.DataColumn('name', 'Name')], [{ id: 'r1', name: 'Widget' }], { onRowClick: ui.Call('open_row') });
 * ```
 */
export const DataTable = define<DataTableProps>()({
  type: 'DataTable',
  leads: ['columns', 'rows'],
  props: [
    required('columns', { check: listOf({ required: ['key', 'label'], renames: { editType: 'edit_type' } }) }),
    required('rows', { check: listOf({}) }),
    act('onRowClick'),
    act('onCellEdit'),
    filled('emptyText'),
    filled('maxHeight'),
    filled('stickyHeader'),
  ],
});

/** One entry of a {@link Timeline}. */
export interface TimelineItem {
  /** Entry title. */
  title: string;
  /** Detail text. */
  description?: string;
  /** Time label. */
  time?: string;
  /** Lucide icon name. */
  icon?: string;
  /** Dot colour. */
  color?: string;
}

/** Props of {@link Timeline}. */
export interface TimelineProps {
  /** Entries, oldest first. */
  items: readonly TimelineItem[];
}

/**
 * A vertical timeline.
 *
 * @example
 * ```ts
 * ui.Timeline([{ title: 'Created', time: '09:00' }, { title: 'Sent', time: '09:05' }]);
 * ```
 */
export const Timeline = define<TimelineProps>()({
  type: 'Timeline',
  leads: ['items'],
  props: [required('items', { check: listOf({ required: ['title'] }) })],
});

/** One node of a {@link Tree}. */
export interface TreeNode {
  /** Node id. */
  id: string;
  /** Node text. */
  label: string;
  /** Child nodes. */
  children?: readonly TreeNode[];
  /** Lucide icon name. */
  icon?: string;
  /** Trailing count, e.g. items in a folder. */
  badge?: string | number;
  /** Open this branch initially. */
  expanded?: boolean;
  /** Action fired on click. Sent as `on_click`. */
  onClick?: UIAction;
}

/** Props of {@link Tree}. */
export interface TreeProps {
  /** Root nodes. */
  nodes: readonly TreeNode[];
  /** Heading above the tree. */
  label?: string;
}

/**
 * A collapsible tree.
 *
 * @example
 * ```ts
 * ui.Tree([{ id: 'root', label: 'Root', children: [{ id: 'leaf', label: 'Leaf' }] }]);
 * ```
 */
export const Tree = define<TreeProps>()({
  type: 'Tree',
  leads: ['nodes'],
  props: [
    required('nodes', {
      check: listOf({ required: ['id', 'label'], renames: { onClick: 'on_click' }, fields: { on_click: action }, nested: 'children' }),
    }),
    filled('label'),
  ],
});

/** One pair of a {@link KeyValue}. */
export interface KeyValueItem {
  /** The name. */
  key: string;
  /** The value (sent as given). */
  value: unknown;
}

/** Props of {@link KeyValue}. */
export interface KeyValueProps {
  /** The pairs, in order. */
  items: readonly KeyValueItem[];
  /** Columns of pairs (default 1). */
  columns?: number;
}

/**
 * Name/value pairs.
 *
 * @example
 * ```ts
 * ui.KeyValue([{ key: 'From', value: 'bob' }, { key: 'Size', value: 1234 }], { columns: 2 });
 * ```
 */
export const KeyValue = define<KeyValueProps>()({
  type: 'KeyValue',
  leads: ['items'],
  props: [required('items', { check: listOf({ required: ['key'] }) }), always('columns', { default: 1 })],
});
