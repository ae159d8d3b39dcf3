import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

const go = ui.Call('go');
const opts = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
];
const fieldKeys = ['label', 'description', 'error', 'required', 'disabled'];
const fieldValues = { label: 'L', description: 'D', error: 'E', required: true, disabled: true };

describe('Input', () => {
  it('sends type only when not text, before on_submit', () => {
    expect(wireKeys(ui.Input({ type: 'text' }))).toEqual(['placeholder', 'value', 'param_name']);
    expect(wireKeys(ui.Input({ type: 'url', onSubmit: go }))).toEqual(['placeholder', 'value', 'param_name', 'type', 'on_submit']);
  });

  it('sends the 5.11 field props, readonly and variant only when set', () => {
    expect(wireKeys(ui.Input({ ...fieldValues, readonly: true, variant: 'ghost' }))).toEqual(['placeholder', 'value', 'param_name', ...fieldKeys, 'readonly', 'variant']);
    expect(wireKeys(ui.Input({ required: false, readonly: false }))).toEqual(['placeholder', 'value', 'param_name']);
  });

  it('validates type and variant', () => {
    expect(validationError(() => ui.Input({ type: 'tel' as 'text' })).allowed).toEqual([...ui.INPUT_TYPES]);
    expect(validationError(() => ui.Input({ variant: 'outline' as 'ghost' })).allowed).toEqual([...ui.INPUT_VARIANTS]);
  });
});

describe('Password', () => {
  it('is an Input with type password and a fixed placeholder default', () => {
    const node = ui.Password({ paramName: 'api_key', label: 'Key' });
    expect(node.type).toBe('Input');
    expect(wireProps(node)).toEqual({ placeholder: 'paste value…', value: '', param_name: 'api_key', type: 'password', label: 'Key' });
    expect(validationError(() => ui.Password({ type: 'text' as 'password' })).prop).toBe('type');
  });
});

describe('TextArea', () => {
  it('sends field props and readonly only when set', () => {
    expect(wireKeys(ui.TextArea({ readonly: true, label: 'Notes' }))).toEqual(['placeholder', 'value', 'rows', 'param_name', 'label', 'readonly']);
  });
});

describe('Form', () => {
  it('sends action/defaults only when non-empty and keeps nested nulls in defaults', () => {
    expect(wireKeys(ui.Form([ui.Input()], { action: '', defaults: {} }))).toEqual(['children', 'submit_label']);
    expect(wireProps(ui.Form([ui.Input()], { action: 'save', defaults: { a: { b: null } } }))).toMatchObject({ action: 'save', defaults: { a: { b: null } } });
  });
});

describe('Select and MultiSelect', () => {
  it('Select sends placeholder/on_change/field props only when set', () => {
    expect(wireKeys(ui.Select(opts, { onChange: go, placeholder: 'P', ...fieldValues }))).toEqual(['options', 'value', 'param_name', 'placeholder', 'on_change', ...fieldKeys]);
  });

  it('MultiSelect defaults values to [] and sends field props when set', () => {
    expect(wireProps(ui.MultiSelect(opts))['values']).toEqual([]);
    expect(wireKeys(ui.MultiSelect(opts, { label: 'L' }))).toEqual(['options', 'values', 'param_name', 'label']);
  });

  it('options need value and label', () => {
    expect(validationError(() => ui.Select([{ value: 'a' } as ui.SelectOption])).prop).toBe('options[0].label');
    expect(validationError(() => ui.MultiSelect(opts, { values: [1] as unknown as string[] })).prop).toBe('values[0]');
  });
});

describe('Toggle', () => {
  it('takes its label positionally and sends it after value/param_name', () => {
    expect(wireKeys(ui.Toggle('Notify', { onChange: go, description: 'd' }))).toEqual(['value', 'param_name', 'label', 'on_change', 'description']);
  });
});

describe('Checkbox', () => {
  it('requires a label, defaults to unticked under param checked', () => {
    expect(wireProps(ui.Checkbox('Accept'))).toEqual({ label: 'Accept', value: false, param_name: 'checked' });
    expect(wireKeys(ui.Checkbox('Accept', { onChange: go, required: true, error: 'E' }))).toEqual(['label', 'value', 'param_name', 'on_change', 'error', 'required']);
    expect(validationError(() => ui.Checkbox({} as ui.CheckboxProps)).prop).toBe('label');
  });
});

describe('RadioGroup', () => {
  it('sends orientation only when horizontal and validates it', () => {
    expect(wireProps(ui.RadioGroup(opts))).toEqual({ options: opts, value: '', param_name: 'value' });
    expect(wireKeys(ui.RadioGroup(opts, { orientation: 'horizontal', label: 'L' }))).toEqual(['options', 'value', 'param_name', 'label', 'orientation']);
    expect(wireKeys(ui.RadioGroup(opts, { orientation: 'vertical' }))).toEqual(['options', 'value', 'param_name']);
    expect(validationError(() => ui.RadioGroup(opts, { orientation: 'diagonal' as 'vertical' })).allowed).toEqual([...ui.RADIO_ORIENTATIONS]);
  });
});

describe('Slider', () => {
  it('sends label and disabled (5.11) only when set', () => {
    expect(wireKeys(ui.Slider({ disabled: true, label: 'L' }))).toEqual(['min', 'max', 'value', 'step', 'param_name', 'label', 'disabled']);
  });
});

describe('DatePicker', () => {
  it('no longer sends a placeholder (5.11); min/max and field props only when set', () => {
    expect(wireProps(ui.DatePicker())).toEqual({ value: '', param_name: 'date' });
    expect(wireKeys(ui.DatePicker({ max: '2026-12-31', min: '2026-01-01', label: 'Due', onChange: go }))).toEqual(['value', 'param_name', 'on_change', 'label', 'min', 'max']);
    expect(validationError(() => ui.DatePicker({ placeholder: 'x' } as never)).prop).toBe('placeholder');
  });
});

describe('FileUpload', () => {
  it('sends limits and the 5.11 props only when set, and validates variant', () => {
    expect(wireKeys(ui.FileUpload({ maxFiles: 0, maxTotalMb: 0, blockedExtensions: [] }))).toEqual(['accept', 'max_size_mb', 'multiple', 'param_name']);
    expect(wireKeys(ui.FileUpload({ showPreviews: true, variant: 'compact', hint: 'h', title: 't' }))).toEqual(['accept', 'max_size_mb', 'multiple', 'param_name', 'title', 'hint', 'variant', 'show_previews']);
    expect(validationError(() => ui.FileUpload({ variant: 'fancy' as 'compact' })).allowed).toEqual([...ui.FILE_UPLOAD_VARIANTS]);
  });
});

describe('RichEditor', () => {
  it('sends on_save before on_change, both only when set', () => {
    expect(wireKeys(ui.RichEditor({ onChange: go, onSave: go }))).toEqual(['content', 'placeholder', 'param_name', 'toolbar', 'on_save', 'on_change']);
  });
});

describe('TagInput', () => {
  it('drops empty delimiters, sends an all-empty list as absent', () => {
    expect(wireProps(ui.TagInput({ delimiters: [',', ''] }))['delimiters']).toEqual([',']);
    expect(wireKeys(ui.TagInput({ delimiters: [''] }))).toEqual(['values', 'suggestions', 'placeholder', 'param_name', 'grouped_by']);
  });

  it('sends validate/validate_message and field props only when set', () => {
    expect(wireKeys(ui.TagInput({ validate: '^a$', validateMessage: 'm', label: 'Tags' }))).toEqual([
      'values',
      'suggestions',
      'placeholder',
      'param_name',
      'grouped_by',
      'validate',
      'validate_message',
      'label',
    ]);
  });
});
