import { describe, expect, it } from 'vitest';
import * as ui from '../../../src/ui/index.js';
import { validationError, wireKeys, wireProps } from '../helpers.js';

describe('Text', () => {
  it('defaults to body, sends truncate/className only when set, validates the variant', () => {
    expect(wireProps(ui.Text('x'))).toEqual({ content: 'x', variant: 'body' });
    expect(wireKeys(ui.Text('x', { truncate: true, className: 'c' }))).toEqual(['content', 'variant', 'truncate', 'className']);
    const error = validationError(() => ui.Text('x', { variant: 'title' as 'body' }));
    expect(error.allowed).toEqual([...ui.TEXT_VARIANTS]);
  });

  it('positional and options forms build the same node', () => {
    expect(ui.Text('x', { variant: 'caption' }).toDict()).toEqual(ui.Text({ content: 'x', variant: 'caption' }).toDict());
  });

  it('refuses the lead prop given twice', () => {
    expect(validationError(() => (ui.Text as (...a: unknown[]) => unknown)('x', { content: 'y' })).prop).toBe('content');
  });
});

describe('Text alias `text` (the renderer reads content|text)', () => {
  it('sends `text` as content, in the content position', () => {
    expect(JSON.stringify(ui.Text({ text: 'hi', variant: 'caption' }))).toBe(JSON.stringify(ui.Text('hi', { variant: 'caption' })));
    expect(wireKeys(ui.Text({ text: 'hi' }))).toEqual(['content', 'variant']);
    expect(wireProps(ui.Text({ text: '' }))).toEqual({ content: '', variant: 'body' });
  });

  it('refuses both spellings and still requires one', () => {
    const both = validationError(() => ui.Text('a', { text: 'b' } as never));
    expect([both.component, both.prop]).toEqual(['Text', 'text']);
    expect(both.message).toContain("alias of 'content'");
    expect(validationError(() => ui.Text({ content: 'a', text: 'b' } as never)).prop).toBe('text');
    expect(validationError(() => ui.Text({} as never)).prop).toBe('content');
  });
});

describe('Icon', () => {
  it('always sends color, even empty, and className only when set', () => {
    expect(wireProps(ui.Icon('Mail'))['color']).toBe('');
    expect(wireKeys(ui.Icon('Mail', { className: 'c' }))).toEqual(['name', 'size', 'color', 'className']);
  });
});

describe('Header', () => {
  it('sends subtitle only when set and only accepts levels 1–6', () => {
    expect(wireKeys(ui.Header('H', { subtitle: '' }))).toEqual(['text', 'level']);
    expect(validationError(() => ui.Header('H', { level: 7 as 1 })).prop).toBe('level');
  });
});

describe('Image', () => {
  it('sends only src by default, options in wire order when set', () => {
    expect(wireKeys(ui.Image('x.png'))).toEqual(['src']);
    expect(wireKeys(ui.Image('x.png', { caption: 'c', alt: 'a', objectFit: 'cover' }))).toEqual(['src', 'alt', 'object_fit', 'caption']);
  });

  it('rejects a non-action onClick', () => {
    expect(validationError(() => ui.Image('x', { onClick: 'go' as unknown as ui.UIAction })).prop).toBe('onClick');
  });
});

describe('Code and Markdown', () => {
  it('Code sends line_numbers always and language when set', () => {
    expect(wireKeys(ui.Code('x', { language: 'ts' }))).toEqual(['content', 'line_numbers', 'language']);
  });

  it('Markdown requires content', () => {
    expect(validationError(() => ui.Markdown({} as ui.MarkdownProps)).prop).toBe('content');
  });
});

describe('Empty and Divider', () => {
  it('Empty sends icon/action only when set', () => {
    expect(wireKeys(ui.Empty('m', { icon: 'Inbox', action: ui.Send('go') }))).toEqual(['message', 'icon', 'action']);
  });

  it('Divider with an empty label has empty props', () => {
    expect(wireProps(ui.Divider(''))).toEqual({});
  });
});

describe('Html', () => {
  it('sends theme only when not dark and max_height only when non-zero', () => {
    expect(wireKeys(ui.Html('x', { theme: 'dark', maxHeight: 0 }))).toEqual(['content', 'sandbox']);
    expect(wireProps(ui.Html('x', { theme: 'light' }))['theme']).toBe('light');
    expect(validationError(() => ui.Html('x', { theme: 'blue' as 'dark' })).allowed).toEqual(['dark', 'light']);
  });
});

describe('Video and Audio', () => {
  it('send controls always (false included) and the rest only when truthy', () => {
    expect(wireProps(ui.Video('v.mp4', { controls: false, muted: false }))).toEqual({ src: 'v.mp4', controls: false });
    expect(wireKeys(ui.Audio('a.mp3', { loop: true, autoplay: false }))).toEqual(['src', 'controls', 'loop']);
  });
});
