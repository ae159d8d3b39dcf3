/**
 * Props the renderer understands, per component (5.11 wire forms). Any other
 * prop is shown as a visible placeholder naming it, never dropped silently.
 */
const COMMON = ['className', 'auto_action', 'id', 'key'];
const FIELD = ['label', 'description', 'error', 'required', 'disabled', 'readonly'];

export const KNOWN_PROPS: Record<string, readonly string[]> = {
  Stack: ['children', 'direction', 'gap', 'wrap', 'align', 'justify', 'sticky'],
  Grid: ['children', 'columns', 'gap'],
  Tabs: ['tabs', 'default_tab'],
  Page: ['children', 'title', 'subtitle'],
  Section: ['children', 'title', 'collapsible'],
  Accordion: ['sections', 'allow_multiple'],
  Badge: ['label', 'value', 'color', 'size', 'dot'],
  Avatar: ['fallback', 'src', 'size'],
  Stat: ['label', 'value', 'trend', 'icon', 'color', 'description', 'trend_direction'],
  ListItem: ['id', 'title', 'subtitle', 'meta', 'avatar', 'badge', 'selected', 'on_click', 'actions', 'draggable', 'droppable', 'on_drop', 'icon', 'expandable', 'expanded_content'],
  List: ['items', 'searchable', 'grouped_by', 'page_size', 'on_end_reached', 'selectable', 'bulk_actions', 'total_items', 'extra_info', 'title', 'empty_text', 'search_placeholder', 'max_height'],
  DataTable: ['columns', 'rows', 'on_row_click', 'on_cell_edit', 'empty_text', 'max_height', 'sticky_header'],
  Stats: ['children', 'columns'],
  Timeline: ['items'],
  Tree: ['nodes', 'label'],
  KeyValue: ['items', 'columns'],
  Text: ['content', 'variant', 'truncate'],
  Icon: ['name', 'size', 'color'],
  Header: ['text', 'level', 'subtitle'],
  Image: ['src', 'alt', 'width', 'height', 'on_click', 'object_fit', 'caption'],
  Code: ['content', 'language', 'line_numbers'],
  Markdown: ['content'],
  Empty: ['message', 'icon', 'action'],
  Divider: ['label'],
  Html: ['content', 'sandbox', 'max_height', 'theme'],
  Video: ['src', 'poster', 'title', 'autoplay', 'controls', 'loop', 'muted', 'width', 'height'],
  Audio: ['src', 'title', 'controls', 'autoplay', 'loop'],
  Button: ['label', 'variant', 'disabled', 'size', 'full_width', 'on_click', 'icon', 'icon_left', 'icon_right', 'loading', 'loading_label', 'type'],
  Card: ['title', 'subtitle', 'content', 'footer', 'on_click', 'border', 'padding'],
  Menu: ['items', 'trigger', 'align'],
  Dialog: ['title', 'content', 'confirm_label', 'cancel_label', 'on_confirm', 'destructive', 'subtitle', 'size', 'max_width', 'dismissible', 'on_close', 'open'],
  Modal: ['title', 'content', 'confirm_label', 'cancel_label', 'on_confirm', 'destructive', 'subtitle', 'size', 'max_width', 'dismissible', 'on_close', 'open'],
  Tooltip: ['content', 'children', 'delay_ms'],
  Link: ['label', 'href', 'on_click'],
  SlideOver: ['title', 'children', 'subtitle', 'open', 'width', 'on_close'],
  Alert: ['message', 'title', 'variant', 'type'],
  Toast: ['message', 'variant', 'duration', 'title', 'action', 'action_label'],
  Progress: ['value', 'label', 'variant', 'color', 'max', 'show_value', 'size'],
  Chart: ['chart_type', 'data', 'x_key', 'height', 'series', 'y2_keys', 'title', 'description', 'show_legend', 'show_data_table'],
  Loading: ['message', 'variant'],
  Error: ['message', 'title', 'retry'],
  Input: ['placeholder', 'value', 'param_name', 'type', 'on_submit', 'variant', ...FIELD],
  Form: ['children', 'action', 'submit_label', 'defaults'],
  Select: ['options', 'value', 'placeholder', 'on_change', 'param_name', ...FIELD],
  MultiSelect: ['options', 'values', 'placeholder', 'param_name', 'on_change', ...FIELD],
  Toggle: ['label', 'value', 'on_change', 'param_name', 'description', 'disabled'],
  Slider: ['min', 'max', 'value', 'step', 'label', 'param_name', 'disabled', 'description'],
  DatePicker: ['value', 'placeholder', 'on_change', 'param_name', 'min', 'max', ...FIELD],
  FileUpload: ['accept', 'max_size_mb', 'multiple', 'on_upload', 'param_name', 'blocked_extensions', 'max_total_mb', 'max_files', 'title', 'hint', 'variant', 'show_previews', ...FIELD],
  TextArea: ['placeholder', 'value', 'rows', 'on_submit', 'param_name', ...FIELD],
  RichEditor: ['content', 'placeholder', 'on_save', 'on_change', 'param_name', 'toolbar', ...FIELD],
  TagInput: ['values', 'suggestions', 'placeholder', 'param_name', 'on_change', 'grouped_by', 'delimiters', 'validate', 'validate_message', ...FIELD],
  Checkbox: ['label', 'value', 'on_change', 'param_name', ...FIELD],
  RadioGroup: ['options', 'value', 'on_change', 'param_name', 'orientation', ...FIELD],
  Graph: ['nodes', 'edges', 'layout', 'height', 'min_node_size', 'max_node_size', 'edge_label_visible', 'color_by', 'on_node_click'],
  TrayResponse: ['badge', 'panel'],
};

/** Props of `type` the renderer does not know. */
export function unknownProps(type: string, props: Record<string, unknown>): string[] {
  const known = KNOWN_PROPS[type];
  if (!known) return [];
  return Object.keys(props).filter((k) => !known.includes(k) && !COMMON.includes(k));
}
