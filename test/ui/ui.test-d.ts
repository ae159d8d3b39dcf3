import { describe, expectTypeOf, it } from 'vitest';
import * as ui from '../../src/ui/index.js';
import type { UIAction, UINode } from '../../src/ui/index.js';

describe('factory return types', () => {
  it('carry the wire type', () => {
    expectTypeOf(ui.Text('x')).toEqualTypeOf<UINode<'Text'>>();
    expectTypeOf(ui.Row([])).toEqualTypeOf<UINode<'Stack'>>();
    expectTypeOf(ui.Password()).toEqualTypeOf<UINode<'Input'>>();
    expectTypeOf(ui.Dialog('D')).toEqualTypeOf<UINode<'Dialog'>>();
    expectTypeOf(ui.BackButton()).toEqualTypeOf<UINode<'Button'>>();
    expectTypeOf(ui.node('BulkUpload')).toEqualTypeOf<UINode<'BulkUpload'>>();
    expectTypeOf(ui.DataColumn('k', 'K')).toEqualTypeOf<ui.DataColumnSpec>();
  });

  it('actions are typed by kind', () => {
    expectTypeOf(ui.Call('f')).toEqualTypeOf<UIAction<'call'>>();
    expectTypeOf(ui.Navigate('/p')).toEqualTypeOf<UIAction<'navigate'>>();
    expectTypeOf(ui.Send('m').toDict().action).toEqualTypeOf<'send'>();
    expectTypeOf(ui.Open('u').toDict()).toHaveProperty('action');
    expectTypeOf(ui.Text('x').toDict().type).toEqualTypeOf<'Text'>();
  });
});

describe('call forms', () => {
  it('accept the options object, the positional shorthand, and zero arguments where all props are optional', () => {
    expectTypeOf(ui.Text).toBeCallableWith({ content: 'x', variant: 'caption' });
    expectTypeOf(ui.Text).toBeCallableWith('x', { variant: 'heading' });
    expectTypeOf(ui.Stack).toBeCallableWith([ui.Text('a'), false, null]);
    expectTypeOf(ui.Stack).toBeCallableWith(ui.Text('a'), { direction: 'horizontal' });
    expectTypeOf(ui.Stat).toBeCallableWith('Unread', 5, { color: 'red' });
    expectTypeOf(ui.Card).toBeCallableWith();
    expectTypeOf(ui.List).toBeCallableWith({ items: [ui.ListItem({ id: '1', title: 't' })] });
    expectTypeOf(ui.Alert).toBeCallableWith('m', { variant: 'warning' });
    expectTypeOf(ui.Text).toBeCallableWith({ text: 'x' });
    expectTypeOf(ui.Tabs).toBeCallableWith([{ label: 'A', children: [ui.Text('a')] }]);
  });

  it('reject missing required props', () => {
    // @ts-expect-error content is required
    ui.Text();
    // @ts-expect-error content is required
    ui.Text({ variant: 'body' });
    // @ts-expect-error title is required
    ui.ListItem({ id: '1' });
    // @ts-expect-error label is required
    ui.Button({ variant: 'primary' });
    // @ts-expect-error a Dialog needs a title (Modal does not)
    ui.Dialog({});
    ui.Modal({});
    // @ts-expect-error a Link needs label or text
    ui.Link({ href: 'https://x.test' });
    ui.Link({ text: 'T' });
    // @ts-expect-error a tab needs content (or children)
    ui.Tabs([{ label: 'A' }]);
    // @ts-expect-error tab content is one node (use children for a list)
    ui.Tabs([{ label: 'A', content: [ui.Text('a')] }]);
    // @ts-expect-error select options need a label
    ui.Select([{ value: 'a' }]);
  });

  it('reject wrong variants and enumerated values', () => {
    // @ts-expect-error not a Button variant
    ui.Button('B', { variant: 'link' });
    // @ts-expect-error not a Button size
    ui.Button('B', { size: 'xl' });
    // @ts-expect-error not an Alert severity
    ui.Alert('m', { variant: 'fatal' });
    // @ts-expect-error not a Stack direction
    ui.Stack([], { direction: 'diagonal' });
    // @ts-expect-error not an Input type
    ui.Input({ type: 'tel' });
    // @ts-expect-error not a Badge colour
    ui.Badge('b', { color: 'pink' });
    // @ts-expect-error not a Modal size
    ui.Modal('T', { size: 'huge' });
    ui.Modal('T', { size: '40rem' });
    // @ts-expect-error a Row has no settable direction other than h
    ui.Row([], { direction: 'v' });
    // @ts-expect-error Password is always type password
    ui.Password({ type: 'text' });
  });

  it('reject unknown props (use `extra` instead) and wrongly typed values', () => {
    // @ts-expect-error unknown prop
    ui.Button('B', { colour: 'red' });
    ui.Button('B', { extra: { colour: 'red' } });
    // @ts-expect-error DatePicker has no placeholder in 5.11
    ui.DatePicker({ placeholder: 'x' });
    // @ts-expect-error level is a number 1-6
    ui.Header('H', { level: 7 });
    // @ts-expect-error gap is a number
    ui.Stack([], { gap: '2' });
  });
});

describe('actions and children are typed', () => {
  it('action slots take UIActions only', () => {
    expectTypeOf<ui.ButtonProps['onClick']>().toEqualTypeOf<UIAction | undefined>();
    // @ts-expect-error a string is not an action
    ui.Button('B', { onClick: 'save' });
    // @ts-expect-error a node is not an action
    ui.Error('e', { retry: ui.Text('x') });
    // @ts-expect-error menu item actions are typed too
    ui.Menu([{ label: 'A', onClick: 'x' }]);
    // @ts-expect-error autoAction is an action
    ui.Stack([], { autoAction: 'go' });
  });

  it('children take nodes only', () => {
    expectTypeOf<ui.StackProps['children']>().toEqualTypeOf<ui.Children>();
    // @ts-expect-error strings are not nodes
    ui.Stack(['text']);
    // @ts-expect-error a Tooltip wraps a single node
    ui.Tooltip('tip', { children: [ui.Icon('Info')] });
    // @ts-expect-error card slots are nodes
    ui.Card({ content: 'text' });
  });

  it('the positional lead has the lead prop type', () => {
    // @ts-expect-error Progress value is a number
    ui.Progress('42');
    // @ts-expect-error List items are nodes or ListItem options
    ui.List(['row']);
    // @ts-expect-error a ListItem options object needs a title
    ui.List([{ id: '1' }]);
    ui.List([{ id: '1', title: 't', onClick: ui.Call('open') }, ui.ListItem('2', 'u'), false]);
  });
});
