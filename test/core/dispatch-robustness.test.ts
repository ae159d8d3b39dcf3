/** Malformed invocations and unusual handler results never crash the dispatcher, and nothing is silently lost. */
import { describe, expect, it } from 'vitest';
import { ActionResult, ChatExtension, Document, Event, Extension, HealthStatus, ValidationError, WebhookRequest, dispatch } from '../../src/index.js';
import type { Context } from '../../src/index.js';

const ctx = {} as Context;

function build() {
  const ext = new Extension('robust-ext', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'robust' });
  const returns = new Map<string, () => unknown>([
    ['map', () => new Map([['a', 1]])],
    ['bigint', () => 10n],
    ['date', () => new Date('2026-01-02T03:04:05Z')],
    ['array', () => [1, 2]],
    ['doc', () => new Document({ id: 'd1', collection: 'c', data: {} })],
    ['status_dict', () => ({ status: 'error', data: { x: 1 } })],
    ['status_success', () => ({ status: 'success', summary: 'ok', data: { y: 2 } })],
  ]);
  for (const [name, make] of returns) chat.fn(`ret_${name}`, { description: `Returns a ${name}.` })(async () => make());
  chat.fn('echo', { description: 'Echoes its params.' })(async (_c, p) => ({ got: p }));
  ext.webhook('/hook/', { method: 'PUT' })(async (_c, req) => ({ method: req.method, body: req.json() }));
  ext.skeleton('sec')(async () => ({ response: 1, extra: 2 }));
  ext.healthCheck()(async () => ({ status: 'bogus', details: [1] }));
  ext.onEvent('a.b')(async () => undefined);
  return ext;
}

describe('handler results', () => {
  it('values JSON cannot carry become INTERNAL_ERROR naming the type, not {}', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'function', name: 'ret_map' }, ctx)).toMatchObject({
      status: 'error',
      error_code: 'INTERNAL_ERROR',
      error: "Internal error in 'ret_map': the handler returned a Map, which JSON cannot carry; return a plain object, an array or an ActionResult",
    });
    expect((await dispatch(ext, { kind: 'function', name: 'ret_bigint' }, ctx)).error).toContain('returned a bigint');
  });

  it('values with a JSON form are kept: dates, arrays, documents', async () => {
    const ext = build();
    expect(JSON.parse(JSON.stringify(await dispatch(ext, { kind: 'function', name: 'ret_date' }, ctx))).data).toEqual({ result: '2026-01-02T03:04:05.000Z' });
    expect((await dispatch(ext, { kind: 'function', name: 'ret_array' }, ctx)).data).toEqual({ result: [1, 2] });
    expect((await dispatch(ext, { kind: 'function', name: 'ret_doc' }, ctx)).data).toMatchObject({ id: 'd1', collection: 'c' });
  });

  it('a dict is read as a result only when it is one: an error needs its message', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'function', name: 'ret_status_dict' }, ctx)).toEqual({
      status: 'success',
      summary: '',
      data: { status: 'error', data: { x: 1 } },
    });
    expect(await dispatch(ext, { kind: 'function', name: 'ret_status_success' }, ctx)).toEqual({ status: 'success', summary: 'ok', data: { y: 2 } });
  });
});

describe('malformed invocations', () => {
  it.each([
    ['a string', 'x'],
    ['an array', [1]],
    ['a number', 3],
  ])('params that are %s are INVALID_PARAMS even without a schema', async (_label, params) => {
    const out = await dispatch(build(), { kind: 'function', name: 'echo', params }, ctx);
    expect(out.error_code).toBe('INVALID_PARAMS');
    expect(out.error).toContain('expected an object of named parameters');
  });

  it('null params mean no params', async () => {
    expect((await dispatch(build(), { kind: 'function', name: 'echo', params: null }, ctx)).data).toEqual({ got: {} });
  });

  it('webhooks: trailing slashes, a missing method (the hook’s), a body that is not bytes or JSON', async () => {
    const ext = build();
    const ok = await dispatch(ext, { kind: 'webhook', path: '/hook/', request: { body: '{"a":1}' } }, ctx);
    expect(ok).toEqual({ status_code: 200, headers: { 'content-type': 'application/json' }, body: { method: 'PUT', body: { a: 1 } } });
    expect(await dispatch(ext, { kind: 'tool', name: '__webhook__hook', params: { body: '{}' } }, ctx)).toMatchObject({ status_code: 200 });
    const notJson = await dispatch(ext, { kind: 'webhook', path: 'hook', request: { method: 'PUT', body: 'nope' } }, ctx);
    expect(notJson.status_code).toBe(400);
    expect(notJson.body).toEqual({ error: expect.stringContaining('not valid JSON') });
    const objectBody = await dispatch(ext, { kind: 'webhook', path: 'hook', request: { method: 'PUT', body: { a: 1 } as never } }, ctx);
    expect(objectBody.status_code).toBe(400);
  });

  it('events that are not events are INVALID_PARAMS', async () => {
    const ext = build();
    expect(await dispatch(ext, { kind: 'event', event: null as never }, ctx)).toMatchObject({ status: 'error', error_code: 'INVALID_PARAMS' });
    expect(await dispatch(ext, { kind: 'event', event: { data: {} } as never }, ctx)).toMatchObject({ status: 'error', error_code: 'INVALID_PARAMS' });
  });

  it('an unknown kind rejects with a ValidationError naming it', async () => {
    await expect(dispatch(build(), { kind: 'nope' } as never, ctx)).rejects.toThrow(ValidationError);
    await expect(dispatch(build(), { kind: 'nope' } as never, ctx)).rejects.toThrow('unknown invocation kind "nope"');
  });

  it('a skeleton dict is an envelope only when `response` is its only key', async () => {
    expect(await dispatch(build(), { kind: 'skeleton', section: 'sec' }, ctx)).toEqual({ response: { response: 1, extra: 2 } });
  });

  it('a health result with an unknown status is unhealthy and says why; bad details become {}', async () => {
    expect(await dispatch(build(), { kind: 'health' }, ctx)).toEqual({ status: 'unhealthy', message: 'health check returned an unknown status "bogus"', details: {} });
  });
});

describe('wire types refuse what they cannot represent', () => {
  it('fromDict of a non-object is a ValidationError', () => {
    expect(() => ActionResult.fromDict(null as never)).toThrow(ValidationError);
    expect(() => Event.fromDict(null as never)).toThrow(ValidationError);
    expect(() => Document.fromDict(null as never)).toThrow(ValidationError);
  });

  it('Document.fromDict needs an id and a collection; Event.fromDict an event type', () => {
    expect(() => Document.fromDict({ collection: 'c' })).toThrow("a document needs a non-empty 'id'");
    expect(() => Document.fromDict({ id: 'x' })).toThrow("a document needs a non-empty 'collection'");
    expect(() => Event.fromDict({ data: {} })).toThrow("an event needs a non-empty 'event_type'");
  });

  it('fromDict drops values outside the wire schema instead of passing them through', () => {
    expect(ActionResult.fromDict({ status: 'success', refresh_panels: ['a', null, { b: 1 }] }).refreshPanels).toEqual(['a']);
    const event = Event.fromDict({ event_type: 'a.b', source: 'bogus', schema_version: 0, data: [1] });
    expect(event.toDict()).toEqual({ event_type: 'a.b', timestamp: '', user_id: '', tenant_id: '', data: {} });
  });

  it('HealthStatus and WebhookRequest check their inputs', () => {
    expect(() => new HealthStatus('bogus' as never)).toThrow(ValidationError);
    expect(() => new WebhookRequest({ body: { a: 1 } as never })).toThrow("a webhook body must be the raw bytes");
    expect(new WebhookRequest({}).method).toBe('POST');
  });
});

describe('more registration checks', () => {
  it('panel extra may not overwrite what the typed options set', () => {
    expect(() => new Extension('extra-ext').panel('p', { slot: 'left', extra: { slot: 'main' } })).toThrow('extra.slot would overwrite');
    const ext = new Extension('extra-ok');
    ext.panel('p', { extra: { collapsible: true } })(async () => null);
    expect(ext.manifest().panels[0]).toMatchObject({ panel_id: 'p', slot: 'center', collapsible: true });
  });

  it('duplicate event subscriptions, emitted types, chat tool names and file sinks are refused', () => {
    const ext = new Extension('dup-ext');
    const handler = async () => undefined;
    ext.onEvent('a.b')(handler);
    expect(() => ext.onEvent('a.b')(handler)).toThrow('already handles');
    ext.emits('dup-ext.x.y');
    expect(() => ext.emits('dup-ext.x.y')).toThrow('already declared');
    new ChatExtension(ext, { toolName: 'one' });
    expect(() => new ChatExtension(ext, { toolName: 'one' })).toThrow("toolName 'one' already exists");
    ext.fileSink({ tool: 'imp', accepts: ['.csv'], arg: 'text' });
    expect(() => ext.fileSink({ tool: 'imp', accepts: ['.txt'], arg: 'text' })).toThrow('already has a file sink');
    ext.onInstall()(handler);
    expect(() => ext.onInstall()(handler)).toThrow('register one on_install hook');
  });

  it('chat.fn without options says a description is needed', () => {
    expect(() => new ChatExtension(new Extension('no-opts')).fn('f', undefined as never)).toThrow('pass at least a description');
  });

  it('ActionResult.error fits any ActionResult<T> (type level) and keeps data {}', async () => {
    const handler = async (ok: boolean): Promise<ActionResult<{ id: string }>> =>
      ok ? ActionResult.success({ id: 'x' }) : ActionResult.error('no', { code: 'NOPE' });
    expect((await handler(false)).toDict()).toEqual({ status: 'error', summary: '', data: {}, error: 'no', error_code: 'NOPE' });
  });
});
