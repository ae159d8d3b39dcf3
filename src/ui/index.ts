/**
 * `@imperal/sdk/ui`: declarative panel UI. Every factory returns a
 * {@link UINode} whose `toDict()` (and `JSON.stringify`) is the exact JSON the
 * panel renderer reads; actions ({@link Call}, {@link Navigate}, {@link Send},
 * {@link Open}) describe what clicks and submits do.
 *
 * @example
 * ```ts
 * import { ui } from '@imperal/sdk';
 * ui.Stack([ui.Header('Tasks'), ui.Button('New', { onClick: ui.Call('create_task') })]);
 * ```
 *
 * @module
 */
export { UINode, node, isUINode } from './node.js';
export type { NodeIdentity, NodeOptions, WireNode } from './node.js';
export { UIAction, Call, Navigate, Send, Open } from './actions.js';
export type { UIActionKind, WireAction } from './actions.js';
export { UIValidationError } from './errors.js';
export type { Child, Children, Suggest } from './validate.js';
export type { Factory, Factory1, Factory2, OptionsArg } from './factory.js';
export { theme, DENSITIES, RADII } from './theme.js';
export type { AgencyTheme, ColorPair, ThemeSource } from './theme.js';

export { Stack, Row, Column, Grid, Tabs, Page, Section, Accordion, STACK_DIRECTIONS } from './components/layout.js';
export type {
  AccordionProps,
  AccordionSection,
  FlexAlign,
  FlexJustify,
  GridProps,
  LineProps,
  PageProps,
  SectionProps,
  StackDirection,
  StackProps,
  TabItem,
  TabsProps,
} from './components/layout.js';

export { Text, Icon, Header, Image, Code, Markdown, Empty, Divider, Html, Video, Audio, TEXT_VARIANTS, HTML_THEMES } from './components/display.js';
export type {
  AudioProps,
  CodeProps,
  DividerProps,
  EmptyProps,
  HeaderProps,
  HtmlProps,
  IconProps,
  ImageProps,
  MarkdownProps,
  TextProps,
  TextVariant,
  VideoProps,
} from './components/display.js';

export {
  Button,
  BackButton,
  Card,
  Menu,
  Modal,
  Dialog,
  Tooltip,
  Link,
  SlideOver,
  MODAL_SIZES,
  BUTTON_VARIANTS,
  BUTTON_SIZES,
  BUTTON_TYPES,
  CARD_PADDINGS,
  SLIDE_OVER_WIDTHS,
} from './components/interactive.js';
export type {
  BackButtonProps,
  ButtonProps,
  CardProps,
  LinkProps,
  MenuItem,
  MenuProps,
  ModalProps,
  ModalSize,
  SlideOverProps,
  TooltipProps,
} from './components/interactive.js';

export {
  Input,
  Password,
  TextArea,
  Form,
  Select,
  MultiSelect,
  Toggle,
  Checkbox,
  RadioGroup,
  Slider,
  DatePicker,
  FileUpload,
  RichEditor,
  TagInput,
  INPUT_TYPES,
  INPUT_VARIANTS,
  RADIO_ORIENTATIONS,
  FILE_UPLOAD_VARIANTS,
} from './components/input.js';
export type {
  CheckboxProps,
  DatePickerProps,
  FieldProps,
  FileUploadProps,
  FormProps,
  InputProps,
  MultiSelectProps,
  RadioGroupProps,
  RichEditorProps,
  SelectOption,
  SelectProps,
  SliderProps,
  TagInputProps,
  TextAreaProps,
  ToggleProps,
} from './components/input.js';

export {
  Badge,
  Avatar,
  Stat,
  Stats,
  ListItem,
  List,
  DataColumn,
  DataTable,
  Timeline,
  Tree,
  KeyValue,
  BADGE_COLORS,
  TREND_DIRECTIONS,
} from './components/data.js';
export type {
  AvatarProps,
  BadgeColor,
  BadgeProps,
  BulkAction,
  DataColumnProps,
  DataColumnSpec,
  DataTableProps,
  KeyValueItem,
  KeyValueProps,
  ListItemAction,
  ListItemProps,
  ListProps,
  StatProps,
  StatsProps,
  TimelineItem,
  TimelineProps,
  TreeNode,
  TreeProps,
} from './components/data.js';

export { Alert, Toast, Progress, Chart, Loading, ErrorState as Error, ALERT_VARIANTS, PROGRESS_COLORS, LOADING_VARIANTS } from './components/feedback.js';
export type { AlertProps, AlertVariant, ChartProps, ChartSeries, ErrorProps, LoadingProps, ProgressProps, ToastProps } from './components/feedback.js';

export { Graph } from './components/graph.js';
export type { GraphElement, GraphProps } from './components/graph.js';

export { TrayResponse } from './components/tray.js';
export type { TrayResponseProps } from './components/tray.js';
