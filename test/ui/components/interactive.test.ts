import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

const go = ui.Call('go');

describe('Button', () => {
  it('emits the 5.11 optional props only when set, after the 4.x ones', () => {
    const all = ui.Button('B', {
      type: 'submit',
      loadingLabel: 'Saving…',
      loading: true,
      iconRight: 'R',
      iconLeft: 'L',
      icon: 'I',
      onClick: go,
      fullWidth: true,
    });
    expect(wireKeys(all)).toEqual(['label', 'variant', 'disabled', 'size', 'full_width', 'on_click', 'icon', 'icon_left', 'icon_right', 'loading', 'loading_label', 'type']);
    expect(wireKeys(ui.Button('B', { loading: false, iconLeft: '' }))).toEqual(['label', 'variant', 'disabled', 'size']);
  });

  it('validates variant, size and type against the renderer sets', () => {
    expect(validationError(() => ui.Button('B', { variant: 'link' as 'ghost' })).allowed).toEqual([...ui.BUTTON_VARIANTS]);
    expect(validationError(() => ui.Button('B', { size: 'xl' as 'lg' })).prop).toBe('size');
    expect(validationError(() => ui.Button('B', { type: 'image' as 'button' })).prop).toBe('type');
    expect(wireProps(ui.Button('B', { variant: 'destructive' }))['variant']).toBe('destructive');
  });
});

describe('BackButton', () => {
  it('is a small ghost Button whose label comes from `to`', () => {
    const node = ui.BackButton('Inbox', { onClick: go });
    expect(node.type).toBe('Button');
    expect(wireProps(node)).toMatchObject({ label: '← Back to Inbox', variant: 'ghost', size: 'sm' });
    expect(wireProps(ui.BackButton())['label']).toBe('← Back');
    expect(wireProps(ui.BackButton({ label: 'Return' }))['label']).toBe('Return');
  });

  it('refuses `to` and `label` together', () => {
    expect(validationError(() => ui.BackButton('Inbox', { label: 'x' })).prop).toBe('label');
  });
});

describe('Card', () => {
  it('is empty by default; border is tri-state; padding is validated', () => {
    expect(wireProps(ui.Card())).toEqual({});
    expect(wireProps(ui.Card({ border: false }))).toEqual({ border: false });
    expect(wireKeys(ui.Card({ padding: 'none', title: 'T' }))).toEqual(['title', 'padding']);
    expect(validationError(() => ui.Card({ padding: 'xl' as 'lg' })).allowed).toEqual([...ui.CARD_PADDINGS]);
  });

  it('requires nodes in the content/footer slots', () => {
    expect(validationError(() => ui.Card({ content: 'text' as unknown as ui.UINode })).prop).toBe('content');
  });
});

describe('Menu', () => {
  it('renames onClick to on_click in items and keeps separators without a label', () => {
    const items = wireProps(ui.Menu([{ label: 'A', onClick: go, confirm: 'Sure?' }, { separator: true }], { align: 'end' }))['items'];
    expect(items).toEqual([{ label: 'A', on_click: go.toDict(), confirm: 'Sure?' }, { separator: true }]);
  });

  it('requires a label on non-separator items and an action in on_click', () => {
    expect(validationError(() => ui.Menu([{ icon: 'x' } as unknown as ui.MenuItem])).prop).toBe('items[0].label');
    expect(validationError(() => ui.Menu([{ label: 'A', onClick: 'x' as unknown as ui.UIAction }])).prop).toBe('items[0].onClick');
    expect(validationError(() => ui.Menu([{ label: 'A' }], { align: 'middle' as 'end' })).prop).toBe('align');
  });
});

describe('Modal', () => {
  it('sends the labels, then only what differs from the defaults', () => {
    expect(wireProps(ui.Modal())).toEqual({ confirm_label: 'Confirm', cancel_label: 'Cancel' });
    const full = ui.Modal('T', {
      open: false,
      onClose: go,
      destructive: true,
      dismissible: false,
      maxWidth: '40rem',
      size: 'lg',
      subtitle: 's',
      onConfirm: go,
      content: ui.Text('c'),
    });
    expect(wireKeys(full)).toEqual(['confirm_label', 'cancel_label', 'title', 'content', 'on_confirm', 'subtitle', 'size', 'max_width', 'dismissible', 'destructive', 'on_close', 'open']);
    expect(wireProps(full)).toMatchObject({ dismissible: false, open: false, destructive: true });
    expect(wireKeys(ui.Modal('T', { size: 'md', dismissible: true, open: true }))).toEqual(['confirm_label', 'cancel_label', 'title']);
  });

  it('accepts MODAL_SIZES or a CSS length, and rejects anything else', () => {
    expect(wireProps(ui.Modal('T', { size: '2xl' }))['size']).toBe('2xl');
    expect(wireProps(ui.Modal('T', { size: '600px' }))['size']).toBe('600px');
    const error = validationError(() => ui.Modal('T', { size: 'huge' as 'xl' }));
    expect(error.allowed).toEqual([...ui.MODAL_SIZES]);
  });
});

describe('Dialog (deprecated alias of Modal)', () => {
  it('keeps type Dialog and the 5.11 key order (labels before title)', () => {
    const node = ui.Dialog('D');
    expect(node.type).toBe('Dialog');
    expect(wireKeys(node)).toEqual(['confirm_label', 'cancel_label', 'title']);
    expect(wireProps(ui.Dialog('D', { destructive: true }))['destructive']).toBe(true);
  });

  it('requires a title', () => {
    expect(validationError(() => ui.Dialog({} as ui.ModalProps & { title: string })).prop).toBe('title');
  });
});

describe('Tooltip', () => {
  it('wraps a single node and sends delay_ms only when set', () => {
    const icon = ui.Icon('Info');
    expect(wireProps(ui.Tooltip('tip', { children: icon, delayMs: 300 }))).toEqual({ content: 'tip', children: icon.toDict(), delay_ms: 300 });
    expect(validationError(() => ui.Tooltip('tip', { children: [icon] as unknown as ui.UINode })).prop).toBe('children');
  });
});

describe('Link', () => {
  it('takes label or its alias text, and sends label', () => {
    expect(wireProps(ui.Link({ text: 'T' }))).toEqual({ label: 'T' });
    expect(wireKeys(ui.Link('L', { href: 'https://x.test', onClick: go }))).toEqual(['label', 'href', 'on_click']);
  });

  it('requires one of them and refuses both', () => {
    expect(validationError(() => ui.Link({} as { label: string })).prop).toBe('label');
    expect(validationError(() => ui.Link({ label: 'L', text: 'T' })).prop).toBe('text');
    expect(validationError(() => ui.Link('')).message).toContain('non-empty');
    expect(validationError(() => ui.Link({ text: '' })).prop).toBe('label');
  });
});

describe('list items', () => {
  it('keep a null field as data instead of checking it', () => {
    const items = wireProps(ui.Menu([{ label: 'A', onClick: null as never }]))['items'];
    expect(items).toEqual([{ label: 'A', on_click: null }]);
  });
});

describe('SlideOver', () => {
  it('sends subtitle/open/width always, children and on_close when set, and validates width', () => {
    expect(wireKeys(ui.SlideOver('S', { children: [] }))).toEqual(['title', 'subtitle', 'open', 'width']);
    expect(validationError(() => ui.SlideOver('S', { width: '2xl' as 'xl' })).allowed).toEqual([...ui.SLIDE_OVER_WIDTHS]);
  });
});
