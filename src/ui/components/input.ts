/**
 * Input components: Input, Password, TextArea, Form, Select, MultiSelect,
 * Toggle, Checkbox, RadioGroup, Slider, DatePicker, FileUpload, RichEditor,
 * TagInput. Every value-carrying control writes its value under `paramName`
 * (into the enclosing Form, or into the params of its own action).
 *
 * @module
 */
import type { UIAction } from '../actions.js';
import { define } from '../factory.js';
import { act, always, changed, filled, required, type PropSpec } from '../spec.js';
import { children, listOf, oneOf, strings, type Check, type Children } from '../validate.js';

/** Label, help and state shared by form fields (each sent only when set). */
export interface FieldProps {
  /** Field label. */
  label?: string;
  /** Help text under the field. */
  description?: string;
  /** Error text shown under the field. */
  error?: string;
  /** Mark as required. */
  required?: boolean;
  /** Greyed out and inert. */
  disabled?: boolean;
}

/** Wire rows for {@link FieldProps}, in emission order. */
const FIELD: readonly PropSpec<keyof FieldProps>[] = [filled('label'), filled('description'), filled('error'), filled('required'), filled('disabled')];
/** The field rows without `label`, for controls whose label is sent earlier. */
const FIELD_NO_LABEL = FIELD.filter((row) => row.name !== 'label');

/** Input types accepted by the platform. */
export const INPUT_TYPES = ['text', 'password', 'email', 'number', 'url'] as const;
/** Input styles. */
export const INPUT_VARIANTS = ['default', 'ghost'] as const;

/** Props of {@link Input}. */
export interface InputProps extends FieldProps {
  /** Placeholder (always sent, default `''`). */
  placeholder?: string;
  /** Action fired on Enter, with the value merged in as `paramName`. */
  onSubmit?: UIAction;
  /** Initial value (default `''`). */
  value?: string;
  /** Name of the value in form data / action params (default `value`). */
  paramName?: string;
  /** Input type (default `text`, sent only when different). */
  type?: (typeof INPUT_TYPES)[number];
  /** Read-only field. */
  readonly?: boolean;
  /** Style. */
  variant?: (typeof INPUT_VARIANTS)[number];
}

/** Rows after `type` shared by Input and Password. */
const INPUT_TAIL = [act('onSubmit'), ...FIELD, filled('readonly'), filled('variant', { check: oneOf(INPUT_VARIANTS) })];

/**
 * A one-line text field.
 *
 * @example
 * ```ts
 * ui.Input({ placeholder: 'Email', paramName: 'email', type: 'email', onSubmit: ui.Call('check_email') });
 * ```
 */
export const Input = define<InputProps>()({
  type: 'Input',
  leads: [],
  props: [
    always('placeholder', { default: '' }),
    always('value', { default: '' }),
    always('paramName', { default: 'value' }),
    changed('type', 'text', { check: oneOf(INPUT_TYPES) }),
    ...INPUT_TAIL,
  ],
});

/**
 * A masked text field; sent as an `Input` with `type: "password"`.
 *
 * @example
 * ```ts
 * ui.Password({ paramName: 'api_key' });
 * ```
 */
export const Password = define<Omit<InputProps, 'type'> & { type?: 'password' }>()({
  name: 'Password',
  type: 'Input',
  leads: [],
  props: [
    always('placeholder', { default: 'paste value…' }),
    always('value', { default: '' }),
    always('paramName', { default: 'value' }),
    always('type', { default: 'password', check: oneOf(['password']) }),
    ...INPUT_TAIL,
  ],
});

/** Props of {@link TextArea}. */
export interface TextAreaProps extends FieldProps {
  /** Placeholder (default `''`). */
  placeholder?: string;
  /** Initial value (default `''`). */
  value?: string;
  /** Visible rows (default 4). */
  rows?: number;
  /** Action fired on submit, with the value merged in as `paramName`. */
  onSubmit?: UIAction;
  /** Name of the value (default `text`). */
  paramName?: string;
  /** Read-only field. */
  readonly?: boolean;
}

/**
 * A multi-line text field.
 *
 * @example
 * ```ts
 * ui.TextArea({ placeholder: 'Notes', rows: 6, paramName: 'notes' });
 * ```
 */
export const TextArea = define<TextAreaProps>()({
  type: 'TextArea',
  leads: [],
  props: [
    always('placeholder', { default: '' }),
    always('value', { default: '' }),
    always('rows', { default: 4 }),
    always('paramName', { default: 'text' }),
    act('onSubmit'),
    ...FIELD,
    filled('readonly'),
  ],
});

/** Props of {@link Form}. */
export interface FormProps {
  /** The fields (and any other nodes). */
  children: Children;
  /** Function called with the collected values on submit. */
  action?: string;
  /** Submit button text (default `Submit`). */
  submitLabel?: string;
  /** Hidden values merged into the submission. Sent verbatim. */
  defaults?: Readonly<Record<string, unknown>>;
}

/**
 * Collects the values of its fields and submits them as one call.
 *
 * @example
 * ```ts
 * ui.Form([ui.Input({ paramName: 'name' })], { action: 'save_settings', submitLabel: 'Save' });
 * ```
 */
export const Form = define<FormProps>()({
  type: 'Form',
  leads: ['children'],
  props: [required('children', { check: children }), always('submitLabel', { default: 'Submit' }), filled('action'), filled('defaults')],
});

/** One choice of a Select, MultiSelect or RadioGroup. */
export interface SelectOption {
  /** Value written under `paramName`. */
  value: string;
  /** Text shown. */
  label: string;
  /** Help text (RadioGroup). */
  description?: string;
  /** Not selectable. */
  disabled?: boolean;
}

const options: Check = listOf({ required: ['value', 'label'] });

/** Props of {@link Select}. */
export interface SelectProps extends FieldProps {
  /** The choices. */
  options: readonly SelectOption[];
  /** Selected value (default `''`). */
  value?: string;
  /** Placeholder. */
  placeholder?: string;
  /** Action fired on change, with the value merged in as `paramName`. */
  onChange?: UIAction;
  /** Name of the value (default `value`). */
  paramName?: string;
}

/**
 * A dropdown with one choice.
 *
 * @example
 * ```ts
 * ui.Select([{ value: 'lo', label: 'Low' }, { value: 'hi', label: 'High' }], { value: 'lo', paramName: 'priority' });
 * ```
 */
export const Select = define<SelectProps>()({
  type: 'Select',
  leads: ['options'],
  props: [
    required('options', { check: options }),
    always('value', { default: '' }),
    always('paramName', { default: 'value' }),
    filled('placeholder'),
    act('onChange'),
    ...FIELD,
  ],
});

/** Props of {@link MultiSelect}. */
export interface MultiSelectProps extends FieldProps {
  /** The choices. */
  options: readonly SelectOption[];
  /** Selected values (default `[]`). */
  values?: readonly string[];
  /** Placeholder. */
  placeholder?: string;
  /** Name of the value (default `values`). */
  paramName?: string;
}

/**
 * A dropdown with several choices.
 *
 * @example
 * ```ts
 * ui.MultiSelect([{ value: 'a', label: 'A' }], { values: ['a'], placeholder: 'Labels' });
 * ```
 */
export const MultiSelect = define<MultiSelectProps>()({
  type: 'MultiSelect',
  leads: ['options'],
  props: [
    required('options', { check: options }),
    always('values', { default: [], check: strings }),
    always('paramName', { default: 'values' }),
    filled('placeholder'),
    ...FIELD,
  ],
});

/** Props of {@link Toggle}. */
export interface ToggleProps extends FieldProps {
  /** On or off (default false). */
  value?: boolean;
  /** Action fired on change (applies immediately), with the value as `paramName`. */
  onChange?: UIAction;
  /** Name of the value (default `enabled`). */
  paramName?: string;
}

/**
 * An on/off switch that applies at once.
 *
 * @example
 * ```ts
 * ui.Toggle('Notify me', { value: true, paramName: 'notify' });
 * ```
 */
export const Toggle = define<ToggleProps>()({
  type: 'Toggle',
  leads: ['label'],
  props: [
    always('value', { default: false }),
    always('paramName', { default: 'enabled' }),
    filled('label'),
    act('onChange'),
    ...FIELD_NO_LABEL,
  ],
});

/** Props of {@link Checkbox}. */
export interface CheckboxProps extends Omit<FieldProps, 'label'> {
  /** Text beside the box. */
  label: string;
  /** Ticked (default false). */
  value?: boolean;
  /** Action fired on change, with the value as `paramName`. */
  onChange?: UIAction;
  /** Name of the value (default `checked`). */
  paramName?: string;
}

/**
 * A checkbox: a form value submitted with the rest of the form.
 *
 * @example
 * ```ts
 * ui.Checkbox('I accept the terms', { required: true, paramName: 'accepted' });
 * ```
 */
export const Checkbox = define<CheckboxProps>()({
  type: 'Checkbox',
  leads: ['label'],
  props: [required('label'), always('value', { default: false }), always('paramName', { default: 'checked' }), act('onChange'), ...FIELD_NO_LABEL],
});

/** RadioGroup layouts. */
export const RADIO_ORIENTATIONS = ['vertical', 'horizontal'] as const;

/** Props of {@link RadioGroup}. */
export interface RadioGroupProps extends FieldProps {
  /** The choices, all visible. */
  options: readonly SelectOption[];
  /** Selected value (default `''`). */
  value?: string;
  /** Action fired on change, with the value as `paramName`. */
  onChange?: UIAction;
  /** Name of the value (default `value`). */
  paramName?: string;
  /** Layout (default `vertical`, sent only when different). */
  orientation?: (typeof RADIO_ORIENTATIONS)[number];
}

/**
 * Pick exactly one of a few visible options.
 *
 * @example
 * ```ts
 * ui.RadioGroup([{ value: 'd', label: 'Daily' }, { value: 'w', label: 'Weekly' }], { value: 'd', paramName: 'freq' });
 * ```
 */
export const RadioGroup = define<RadioGroupProps>()({
  type: 'RadioGroup',
  leads: ['options'],
  props: [
    required('options', { check: options }),
    always('value', { default: '' }),
    always('paramName', { default: 'value' }),
    act('onChange'),
    ...FIELD,
    changed('orientation', 'vertical', { check: oneOf(RADIO_ORIENTATIONS) }),
  ],
});

/** Props of {@link Slider}. */
export interface SliderProps {
  /** Lowest value (default 0). */
  min?: number;
  /** Highest value (default 100). */
  max?: number;
  /** Initial value (default 50). */
  value?: number;
  /** Step (default 1). */
  step?: number;
  /** Label. */
  label?: string;
  /** Name of the value (default `value`). */
  paramName?: string;
  /** Greyed out and inert. */
  disabled?: boolean;
}

/**
 * A numeric range slider.
 *
 * @example
 * ```ts
 * ui.Slider({ min: 1, max: 10, value: 3, label: 'Retries', paramName: 'retries' });
 * ```
 */
export const Slider = define<SliderProps>()({
  type: 'Slider',
  leads: [],
  props: [
    always('min', { default: 0 }),
    always('max', { default: 100 }),
    always('value', { default: 50 }),
    always('step', { default: 1 }),
    always('paramName', { default: 'value' }),
    filled('label'),
    filled('disabled'),
  ],
});

/** Props of {@link DatePicker}. */
export interface DatePickerProps extends FieldProps {
  /** Selected date, ISO `YYYY-MM-DD` (default `''`). */
  value?: string;
  /** Action fired on change, with the value as `paramName`. */
  onChange?: UIAction;
  /** Name of the value (default `date`). */
  paramName?: string;
  /** Earliest selectable date. */
  min?: string;
  /** Latest selectable date. */
  max?: string;
}

/**
 * A date picker.
 *
 * @example
 * ```ts
 * ui.DatePicker({ value: '2026-01-31', onChange: ui.Call('set_due') });
 * ```
 */
export const DatePicker = define<DatePickerProps>()({
  type: 'DatePicker',
  leads: [],
  props: [always('value', { default: '' }), always('paramName', { default: 'date' }), act('onChange'), ...FIELD, filled('min'), filled('max')],
});

/** FileUpload styles. */
export const FILE_UPLOAD_VARIANTS = ['default', 'futuristic', 'compact'] as const;

/** Props of {@link FileUpload}. */
export interface FileUploadProps {
  /** Accepted types, e.g. `.pdf,.png` (default `*`). */
  accept?: string;
  /** Per-file size limit in MB (default 10). */
  maxSizeMb?: number;
  /** Allow several files (default false). */
  multiple?: boolean;
  /** Action fired with the files (base64) as `paramName`. */
  onUpload?: UIAction;
  /** Name of the value (default `files`). */
  paramName?: string;
  /** Extensions refused even if `accept` matches. */
  blockedExtensions?: readonly string[];
  /** Limit for all files together, in MB. */
  maxTotalMb?: number;
  /** Maximum number of files. */
  maxFiles?: number;
  /** Heading of the drop zone. */
  title?: string;
  /** Hint under the heading. */
  hint?: string;
  /** Style. */
  variant?: (typeof FILE_UPLOAD_VARIANTS)[number];
  /** Show previews of chosen files. */
  showPreviews?: boolean;
}

/**
 * A file drop zone.
 *
 * @example
 * ```ts
 * ui.FileUpload({ accept: '.pdf', multiple: true, onUpload: ui.Call('upload_files') });
 * ```
 */
export const FileUpload = define<FileUploadProps>()({
  type: 'FileUpload',
  leads: [],
  props: [
    always('accept', { default: '*' }),
    always('maxSizeMb', { default: 10 }),
    always('multiple', { default: false }),
    always('paramName', { default: 'files' }),
    act('onUpload'),
    filled('blockedExtensions', { check: strings }),
    filled('maxTotalMb'),
    filled('maxFiles'),
    filled('title'),
    filled('hint'),
    filled('variant', { check: oneOf(FILE_UPLOAD_VARIANTS) }),
    filled('showPreviews'),
  ],
});

/** Props of {@link RichEditor}. */
export interface RichEditorProps {
  /** Initial HTML (default `''`). */
  content?: string;
  /** Placeholder (default `Start writing...`). */
  placeholder?: string;
  /** Action fired on Ctrl+S, with the HTML as `paramName`. */
  onSave?: UIAction;
  /** Action fired on change. */
  onChange?: UIAction;
  /** Name of the value (default `content`). */
  paramName?: string;
  /** Show the formatting toolbar (default true). */
  toolbar?: boolean;
}

/**
 * A rich-text (HTML) editor.
 *
 * @example
 * ```ts
 * ui.RichEditor({ content: '<p>Hello</p>', onSave: ui.Call('save_doc') });
 * ```
 */
export const RichEditor = define<RichEditorProps>()({
  type: 'RichEditor',
  leads: [],
  props: [
    always('content', { default: '' }),
    always('placeholder', { default: 'Start writing...' }),
    always('paramName', { default: 'content' }),
    always('toolbar', { default: true }),
    act('onSave'),
    act('onChange'),
  ],
});

/** Props of {@link TagInput}. */
export interface TagInputProps extends FieldProps {
  /** Current tags (default `[]`). */
  values?: readonly string[];
  /** Autocomplete suggestions (default `[]`). */
  suggestions?: readonly string[];
  /** Placeholder (default `Add...`). */
  placeholder?: string;
  /** Name of the value (default `tags`). */
  paramName?: string;
  /** Action fired on change. */
  onChange?: UIAction;
  /** Group suggestions by this prefix separator (default `''`). */
  groupedBy?: string;
  /** Keys that end a tag, e.g. `,` (empty strings are ignored). */
  delimiters?: readonly string[];
  /** Regular expression each tag must match. */
  validate?: string;
  /** Message shown when a tag does not match `validate`. */
  validateMessage?: string;
}

/** Delimiters are strings; empty ones mean nothing and are left out. */
const delimiters: Check = (value, at) => (strings(value, at) as string[]).filter((item) => item !== '');

/**
 * Tag / chip input with suggestions.
 *
 * @example
 * ```ts
 * ui.TagInput({ values: ['x'], suggestions: ['y', 'z'], delimiters: [',', ' '] });
 * ```
 */
export const TagInput = define<TagInputProps>()({
  type: 'TagInput',
  leads: [],
  props: [
    always('values', { default: [], check: strings }),
    always('suggestions', { default: [], check: strings }),
    always('placeholder', { default: 'Add...' }),
    always('paramName', { default: 'tags' }),
    always('groupedBy', { default: '' }),
    act('onChange'),
    filled('delimiters', { check: delimiters }),
    filled('validate'),
    filled('validateMessage'),
    ...FIELD,
  ],
});
