/**
 * Interactive components: Button, BackButton, Card, Menu, Modal (and its
 * deprecated alias Dialog), Tooltip, Link, SlideOver.
 *
 * @module
 */
import type { UIAction } from '../actions.js';
import { define } from '../factory.js';
import { NODE_OPTIONS, type NodeOptions, type UINode } from '../node.js';
import { act, alias, always, changed, filled, inputOnly, prop, required, whenSet } from '../spec.js';
import { compileTable, readCall } from '../table.js';
import { action, children, fail, listOf, nonEmpty, oneNode, oneOf, type Check, type Children } from '../validate.js';

/** Button styles the renderer has (`destructive` is its synonym of `danger`). */
export const BUTTON_VARIANTS = ['primary', 'secondary', 'outline', 'ghost', 'danger', 'destructive'] as const;
/** Button sizes. */
export const BUTTON_SIZES = ['sm', 'md', 'lg'] as const;
/** Native button types. */
export const BUTTON_TYPES = ['button', 'submit', 'reset'] as const;

/** Props of {@link Button}. */
export interface ButtonProps {
  /** Button text. */
  label: string;
  /** Style (default `primary`). */
  variant?: (typeof BUTTON_VARIANTS)[number];
  /** What the button does. */
  onClick?: UIAction;
  /** Greyed out and inert (default false). */
  disabled?: boolean;
  /** Size (default `md`). */
  size?: (typeof BUTTON_SIZES)[number];
  /** Stretch to the container width. */
  fullWidth?: boolean;
  /** Leading Lucide icon name. */
  icon?: string;
  /** Icon placed before the label. */
  iconLeft?: string;
  /** Icon placed after the label. */
  iconRight?: string;
  /** Show a spinner and block repeated clicks. */
  loading?: boolean;
  /** Label while loading, e.g. `Saving…`. */
  loadingLabel?: string;
  /** Native button type (`submit` inside a Form). */
  type?: (typeof BUTTON_TYPES)[number];
}

/**
 * A button.
 *
 * @example
 * ```ts
 * ui.Button('Refresh', { variant: 'secondary', size: 'sm', onClick: ui.Call('refresh') });
 * ```
 */
export const Button = define<ButtonProps>()({
  type: 'Button',
  leads: ['label'],
  props: [
    required('label'),
    always('variant', { default: 'primary', check: oneOf(BUTTON_VARIANTS) }),
    always('disabled', { default: false }),
    always('size', { default: 'md', check: oneOf(BUTTON_SIZES) }),
    filled('fullWidth'),
    act('onClick'),
    filled('icon'),
    filled('iconLeft'),
    filled('iconRight'),
    filled('loading'),
    filled('loadingLabel'),
    filled('type', { check: oneOf(BUTTON_TYPES) }),
  ],
});

/** Props of {@link BackButton}. */
export interface BackButtonProps {
  /** Where "back" leads; shown as `← Back to <to>`. */
  to?: string;
  /** What the button does. */
  onClick?: UIAction;
  /** Full label, instead of the one derived from `to`. */
  label?: string;
}

/** BackButton's own options; everything else is handed to {@link Button}. */
const BACK = compileTable('BackButton', [inputOnly('to'), inputOnly('label'), inputOnly('onClick')], ['to'], NODE_OPTIONS);

/**
 * A small ghost "← Back" button; sent as a `Button` (`variant: "ghost"`, `size: "sm"`).
 *
 * @example
 * ```ts
 * ui.BackButton('Inbox', { onClick: ui.Call('__panel__sidebar', { view: 'inbox' }) });
 * // label "← Back to Inbox"
 * ```
 */
export function BackButton(options?: BackButtonProps & NodeOptions): UINode<'Button'>;
export function BackButton(to: string, options?: Omit<BackButtonProps, 'to'> & NodeOptions): UINode<'Button'>;
export function BackButton(...args: unknown[]): UINode<'Button'> {
  const { values, options } = readCall(BACK, args);
  const [to, label] = values;
  if (isGiven(to) && isGiven(label)) throw fail({ component: 'BackButton', prop: 'label' }, "cannot be combined with 'to'; pass one");
  const text = isGiven(label) ? label : isGiven(to) ? `← Back to ${String(to)}` : '← Back';
  const { to: _to, label: _label, ...rest } = options;
  return Button({ ...rest, label: text as string, variant: 'ghost', size: 'sm' });
}

/** `null`/`undefined`/`''` count as "not given" for either-or options. */
function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** Card paddings. */
export const CARD_PADDINGS = ['none', 'sm', 'md', 'lg'] as const;

/** Props of {@link Card}. */
export interface CardProps {
  /** Card title. */
  title?: string;
  /** Line under the title. */
  subtitle?: string;
  /** Body node. */
  content?: UINode;
  /** Footer node. */
  footer?: UINode;
  /** Action fired on click. */
  onClick?: UIAction;
  /** Frame: leave unset for the renderer's default, `false` for a card nested in a card. */
  border?: boolean;
  /** Inner padding; `none` for full-bleed content. */
  padding?: (typeof CARD_PADDINGS)[number];
}

/**
 * A container with optional title, body and footer; `ui.Card()` is an empty card.
 *
 * @example
 * ```ts
 * ui.Card({ title: 'Card', content: ui.Text('body'), footer: ui.Link('Docs', { href: 'https://…' }) });
 * ```
 */
export const Card = define<CardProps>()({
  type: 'Card',
  leads: [],
  props: [
    filled('title'),
    filled('subtitle'),
    filled('content', { check: oneNode }),
    filled('footer', { check: oneNode }),
    act('onClick'),
    whenSet('border'),
    filled('padding', { check: oneOf(CARD_PADDINGS) }),
  ],
});

/** One entry of a {@link Menu}: an item with a label, or a separator. */
export type MenuItem =
  | {
      /** Entry text. */
      label: string;
      /** Lucide icon name. */
      icon?: string;
      /** What the entry does. Sent as `on_click`. */
      onClick?: UIAction;
      /** Ask for confirmation with this text first. */
      confirm?: string;
      /** Not a separator. */
      separator?: false;
    }
  | {
      /** A separator line. */
      separator: true;
    };

/** Props of {@link Menu}. */
export interface MenuProps {
  /** Entries, in order. */
  items: readonly MenuItem[];
  /** Node that opens the menu (default: a "more" button). */
  trigger?: UINode;
  /** Which trigger edge the menu aligns to. */
  align?: 'start' | 'end';
}

/**
 * A dropdown menu.
 *
 * @example
 * ```ts
 * ui.Menu([{ label: 'Archive', onClick: ui.Call('archive') }, { separator: true }], { trigger: ui.Icon('MoreVertical') });
 * ```
 */
export const Menu = define<MenuProps>()({
  type: 'Menu',
  leads: ['items'],
  props: [
    required('items', {
      check: listOf({
        required: ['label'],
        exempt: (item) => item['separator'] === true,
        renames: { onClick: 'on_click' },
        fields: { on_click: action },
      }),
    }),
    filled('trigger', { check: oneNode }),
    filled('align', { check: oneOf(['start', 'end']) }),
  ],
});

/** Named Modal widths; a CSS length starting with a digit (`40rem`) is accepted too. */
export const MODAL_SIZES = ['xs', 'sm', 'md', 'lg', 'xl', '2xl', 'full'] as const;
/** A named Modal width or a CSS length such as `40rem`. */
export type ModalSize = (typeof MODAL_SIZES)[number] | `${number}${string}`;

const modalSize: Check = (value, at) => {
  if (typeof value === 'string' && /^[0-9]/.test(value)) return value;
  return oneOf(MODAL_SIZES)(value, at);
};

/** Props of {@link Modal}. */
export interface ModalProps {
  /** Heading (not sent when empty). */
  title?: string;
  /** Body node (use a Stack for several). */
  content?: UINode;
  /** Primary button text (default `Confirm`; `''` hides the button). */
  confirmLabel?: string;
  /** Secondary button text (default `Cancel`; `''` hides the button). */
  cancelLabel?: string;
  /** Action fired by the primary button. */
  onConfirm?: UIAction;
  /** Line under the title. */
  subtitle?: string;
  /** Width (default `md`); sent only when not `md`. */
  size?: ModalSize;
  /** Explicit CSS width; wins over `size`. */
  maxWidth?: string;
  /** Esc / backdrop / ✕ close it (default true); sent only when false. */
  dismissible?: boolean;
  /** Irreversible action: not dismissible, danger-tinted confirm. */
  destructive?: boolean;
  /** Action fired when it closes. */
  onClose?: UIAction;
  /** Render open (default true); sent only when false. */
  open?: boolean;
}

const MODAL_PROPS = [
  always('confirmLabel', { default: 'Confirm' }),
  always('cancelLabel', { default: 'Cancel' }),
  filled('title'),
  filled('content', { check: oneNode }),
  act('onConfirm'),
  filled('subtitle'),
  prop('size', 'changed', { default: 'md', check: modalSize }),
  filled('maxWidth'),
  changed('dismissible', true),
  filled('destructive'),
  act('onClose'),
  changed('open', true),
];

/**
 * A modal window over the current panel.
 *
 * @example
 * ```ts
 * ui.Modal('Delete item?', { content: ui.Text('This cannot be undone.'), destructive: true, onConfirm: ui.Call('delete') });
 * ```
 */
export const Modal = define<ModalProps>()({ type: 'Modal', leads: ['title'], props: MODAL_PROPS });

/**
 * Deprecated name of {@link Modal}, kept for code written against it. Sends
 * `type: "Dialog"` (older renderers know only that name) and requires a title.
 *
 * @deprecated Use {@link Modal}.
 * @example
 * ```ts
 * ui.Dialog('Delete item?', { confirmLabel: 'Delete', onConfirm: ui.Call('delete_item', { item_id: 'i1' }) });
 * ```
 */
export const Dialog = define<ModalProps & { title: string }>()({
  type: 'Dialog',
  leads: ['title'],
  props: MODAL_PROPS.map((row) => (row.name === 'title' ? prop('title', 'filled', { required: true }) : row)),
});

/** Props of {@link Tooltip}. */
export interface TooltipProps {
  /** Tooltip text. */
  content: string;
  /** The node that shows the tooltip on hover (a single node). */
  children?: UINode;
  /** Hover delay in milliseconds. */
  delayMs?: number;
}

/**
 * A hover tooltip around one node.
 *
 * @example
 * ```ts
 * ui.Tooltip('Explains things', { children: ui.Icon('Info') });
 * ```
 */
export const Tooltip = define<TooltipProps>()({
  type: 'Tooltip',
  leads: ['content'],
  props: [required('content'), filled('children', { check: oneNode }), filled('delayMs')],
});

/** Props of {@link Link}: the text is `label` or its alias `text` (one of them). */
export interface LinkProps {
  /** Link text. */
  label?: string;
  /** Alias of `label`. */
  text?: string;
  /** Target URL. */
  href?: string;
  /** Action fired on click. */
  onClick?: UIAction;
}

/**
 * A hyperlink, following `href` or firing `onClick`.
 *
 * @example
 * ```ts
 * ui.Link('Docs', { href: 'https://docs.example.test' });
 * ```
 */
export const Link = define<LinkProps & ({ label: string } | { text: string })>()({
  type: 'Link',
  leads: ['label'],
  props: [required('label', { check: nonEmpty }), filled('href'), act('onClick'), alias('text', 'label')],
});

/** SlideOver widths. */
export const SLIDE_OVER_WIDTHS = ['sm', 'md', 'lg', 'xl'] as const;

/** Props of {@link SlideOver}. */
export interface SlideOverProps {
  /** Heading. */
  title: string;
  /** Body nodes. */
  children?: Children;
  /** Line under the heading (always sent). */
  subtitle?: string;
  /** Render open (default true). */
  open?: boolean;
  /** Width (default `md`). */
  width?: (typeof SLIDE_OVER_WIDTHS)[number];
  /** Action fired when it closes. */
  onClose?: UIAction;
}

/**
 * A side panel sliding in from the right.
 *
 * @example
 * ```ts
 * ui.SlideOver('Details', { children: [ui.Text('side')], width: 'lg', onClose: ui.Call('close_details') });
 * ```
 */
export const SlideOver = define<SlideOverProps>()({
  type: 'SlideOver',
  leads: ['title'],
  props: [
    required('title'),
    always('subtitle', { default: '' }),
    always('open', { default: true }),
    always('width', { default: 'md', check: oneOf(SLIDE_OVER_WIDTHS) }),
    filled('children', { check: children }),
    act('onClose'),
  ],
});
