/**
 * Display components: Text, Icon, Header, Image, Code, Markdown, Empty,
 * Divider, Html, Video, Audio.
 *
 * @module
 */
import type { UIAction } from '../actions.js';
import { define } from '../factory.js';
import { act, alias, always, changed, filled, required } from '../spec.js';
import { numberIn, oneOf, type Suggest } from '../validate.js';

/** Text variants the renderer styles. */
export const TEXT_VARIANTS = ['heading', 'subheading', 'body', 'caption', 'code', 'label'] as const;
/** One of {@link TEXT_VARIANTS}. */
export type TextVariant = (typeof TEXT_VARIANTS)[number];

/** Props of {@link Text}: the text is `content` or its renderer alias `text` (one of them). */
export interface TextProps {
  /** The text. */
  content?: string;
  /** Alias of `content` (the renderer reads either); sent as `content`. */
  text?: string;
  /** Typographic style (default `body`). */
  variant?: TextVariant;
  /** Cut to one line with an ellipsis. */
  truncate?: boolean;
  /** Extra CSS classes. Sent as `className`. */
  className?: string;
}

/**
 * A run of text.
 *
 * @example
 * ```ts
 * ui.Text('Saved', { variant: 'caption' });
 * ui.Text({ text: 'Saved' }); // same wire as { content: 'Saved' }
 * ```
 */
export const Text = define<TextProps & ({ content: string } | { text: string })>()({
  type: 'Text',
  leads: ['content'],
  props: [
    required('content'),
    always('variant', { default: 'body', check: oneOf(TEXT_VARIANTS) }),
    filled('truncate'),
    filled('className', { wire: 'className' }),
    alias('text', 'content'),
  ],
});

/** Props of {@link Icon}. */
export interface IconProps {
  /** Lucide icon name, e.g. `Mail`. */
  name: string;
  /** Size in pixels (default 16). */
  size?: number;
  /** CSS colour or palette name; `''` (default) inherits. Always sent. */
  color?: string;
  /** Extra CSS classes. Sent as `className`. */
  className?: string;
}

/**
 * A Lucide icon.
 *
 * @example
 * ```ts
 * ui.Icon('Mail', { size: 18 });
 * ```
 */
export const Icon = define<IconProps>()({
  type: 'Icon',
  leads: ['name'],
  props: [required('name'), always('size', { default: 16 }), always('color', { default: '' }), filled('className', { wire: 'className' })],
});

/** Props of {@link Header}. */
export interface HeaderProps {
  /** Heading text. */
  text: string;
  /** Heading level 1–6 (default 2). */
  level?: 1 | 2 | 3 | 4 | 5 | 6;
  /** Line under the heading. */
  subtitle?: string;
}

/**
 * A heading.
 *
 * @example
 * ```ts
 * ui.Header('Overview', { level: 2, subtitle: 'Last 7 days' });
 * ```
 */
export const Header = define<HeaderProps>()({
  type: 'Header',
  leads: ['text'],
  props: [required('text'), always('level', { default: 2, check: numberIn(1, 6, true) }), filled('subtitle')],
});

/** Props of {@link Image}. */
export interface ImageProps {
  /** Image URL. */
  src: string;
  /** Alternative text. */
  alt?: string;
  /** CSS width, e.g. `120px`. */
  width?: string;
  /** CSS height. */
  height?: string;
  /** Action fired on click. */
  onClick?: UIAction;
  /** CSS object-fit. */
  objectFit?: Suggest<'cover' | 'contain' | 'fill' | 'none' | 'scale-down'>;
  /** Caption under the image. */
  caption?: string;
}

/**
 * An image.
 *
 * @example
 * ```ts
 * ui.Image('https://img.example.test/a.png', { alt: 'A', objectFit: 'cover' });
 * ```
 */
export const Image = define<ImageProps>()({
  type: 'Image',
  leads: ['src'],
  props: [required('src'), filled('alt'), filled('width'), filled('height'), act('onClick'), filled('objectFit'), filled('caption')],
});

/** Props of {@link Code}. */
export interface CodeProps {
  /** Source text. */
  content: string;
  /** Language for highlighting, e.g. `python`. */
  language?: string;
  /** Show line numbers (default false). */
  lineNumbers?: boolean;
}

/**
 * A code block.
 *
 * @example
 * ```ts
 * ui.Code("print('hi')", { language: 'python', lineNumbers: true });
 * ```
 */
export const Code = define<CodeProps>()({
  type: 'Code',
  leads: ['content'],
  props: [required('content'), always('lineNumbers', { default: false }), filled('language')],
});

/** Props of {@link Markdown}. */
export interface MarkdownProps {
  /** Markdown source. */
  content: string;
}

/**
 * Rendered Markdown.
 *
 * @example
 * ```ts
 * ui.Markdown('**bold** and _it_');
 * ```
 */
export const Markdown = define<MarkdownProps>()({ type: 'Markdown', leads: ['content'], props: [required('content')] });

/** Props of {@link Empty}. */
export interface EmptyProps {
  /** What to say (default `No data`). */
  message?: string;
  /** Lucide icon name. */
  icon?: string;
  /** Call to action shown under the message. */
  action?: UIAction;
}

/**
 * Empty state.
 *
 * @example
 * ```ts
 * ui.Empty('Nothing here', { icon: 'Inbox', action: ui.Send('Create my first item') });
 * ```
 */
export const Empty = define<EmptyProps>()({
  type: 'Empty',
  leads: ['message'],
  props: [always('message', { default: 'No data' }), filled('icon'), act('action')],
});

/** Props of {@link Divider}. */
export interface DividerProps {
  /** Text in the middle of the rule. */
  label?: string;
}

/**
 * Horizontal rule, optionally labelled.
 *
 * @example
 * ```ts
 * ui.Divider('or');
 * ```
 */
export const Divider = define<DividerProps>()({ type: 'Divider', leads: ['label'], props: [filled('label')] });

/** Html themes: `dark` (default) or `light` (white background, for e-mail bodies). */
export const HTML_THEMES = ['dark', 'light'] as const;

/** Props of {@link Html}. */
export interface HtmlProps {
  /** HTML source. */
  content: string;
  /** Render in an isolated iframe (default true). */
  sandbox?: boolean;
  /** Maximum height in pixels; 0 (default) sizes to the content. */
  maxHeight?: number;
  /** Background theme; only sent when not `dark`. */
  theme?: (typeof HTML_THEMES)[number];
}

/**
 * Raw HTML, sandboxed by default.
 *
 * @example
 * ```ts
 * ui.Html('<p>mail body</p>', { theme: 'light', maxHeight: 400 });
 * ```
 */
export const Html = define<HtmlProps>()({
  type: 'Html',
  leads: ['content'],
  props: [required('content'), always('sandbox', { default: true }), filled('maxHeight'), changed('theme', 'dark', { check: oneOf(HTML_THEMES) })],
});

/** Props of {@link Video}. */
export interface VideoProps {
  /** Video URL. */
  src: string;
  /** Poster image URL. */
  poster?: string;
  /** Title shown with the player. */
  title?: string;
  /** Start playing on load. */
  autoplay?: boolean;
  /** Show the player controls (default true). */
  controls?: boolean;
  /** Loop playback. */
  loop?: boolean;
  /** Start muted. */
  muted?: boolean;
  /** CSS width. */
  width?: string;
  /** CSS height. */
  height?: string;
}

/**
 * A video player.
 *
 * @example
 * ```ts
 * ui.Video('https://v.example.test/a.mp4', { poster: 'https://v.example.test/p.png' });
 * ```
 */
export const Video = define<VideoProps>()({
  type: 'Video',
  leads: ['src'],
  props: [
    required('src'),
    always('controls', { default: true }),
    filled('poster'),
    filled('title'),
    filled('autoplay'),
    filled('loop'),
    filled('muted'),
    filled('width'),
    filled('height'),
  ],
});

/** Props of {@link Audio}. */
export interface AudioProps {
  /** Audio URL. */
  src: string;
  /** Title shown with the player. */
  title?: string;
  /** Show the player controls (default true). */
  controls?: boolean;
  /** Start playing on load. */
  autoplay?: boolean;
  /** Loop playback. */
  loop?: boolean;
}

/**
 * An audio player.
 *
 * @example
 * ```ts
 * ui.Audio('https://a.example.test/a.mp3', { title: 'Voice' });
 * ```
 */
export const Audio = define<AudioProps>()({
  type: 'Audio',
  leads: ['src'],
  props: [required('src'), always('controls', { default: true }), filled('title'), filled('autoplay'), filled('loop')],
});
