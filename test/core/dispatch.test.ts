/** The dispatcher: one path from an invocation to a wire result, for every kind. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ActionResult,
  ChatExtension,
  Event,
  Extension,
  HealthStatus,
  NotFoundError,
  RateLimitError,
  WebhookResponse,
  dispatch,
  ui,
} from '../../src/index.js';
import type { Context, WebhookRequest } from '../../src/index.js';
import { validateActionResultV5 as validateResult } from '../helpers/action-result-v5.js';

function makeCtx() {
  const logged: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  const ctx = { log: { error: (message: string, fields?: Record<string, unknown>) => logged.push({ message, fields }) } } as unknown as Context;
  return { ctx, logged };
}

function build() {
  const ext = new Extension('dispatch-test', { version: '1.4.0' });
  const chat = new ChatExtension(ext, { toolName: 'dispatch' });
  const seen: unknown[] = [];
  chat.fn('create', {
    description: 'Create a thing with a title.',
    actionType: 'write',
    params: z.object({ title: z.string().min(1), qty: z.number().int().min(1).default(1), tag: z.string().transform((s) => s.toUpperCase()).optional() }),
  })(async (_ctx, p) => {
    seen.push(p);
    return ActionResult.success({ title: p.title, qty: p.qty, tag: p.tag }, { summary: `Created ${p.title}` });
  });
  chat.fn('plain', { description: 'Returns a plain object.' })(async () => ({ a: 1 }));
  chat.fn('nothing', { description: 'Returns nothing at all.' })(async () => undefined);
  chat.fn('scalar', { description: 'Returns a bare number.' })(async () => 42);
  chat.fn('dict', { description: 'Returns a result dict.' })(async () => ({ status: 'error', error: 'nope', summary: '' }));
  chat.fn('boom', { description: 'Throws a plain error.' })(async () => {
    throw new Error('database password=hunter2 rejected');
  });
  chat.fn('missing', { description: 'Throws an SDK error.' })(async () => {
    throw new NotFoundError('task', 't9');
  });
  chat.fn('limited', { description: 'Throws a rate limit.' })(async () => {
    throw new RateLimitError(5);
  });
  return { ext, chat, seen };
}

describe('dispatch: chat functions', () => {
  it('validates params, applies defaults and transforms, calls the handler, normalises the result', async () => {
    const { ext, seen } = build();
    const out = await dispatch(ext, { kind: 'function', name: 'create', params: { title: 'Milk', tag: 'x' } }, makeCtx().ctx);
    expect(seen).toEqual([{ title: 'Milk', qty: 1, tag: 'X' }]);
    expect(out).toEqual({ status: 'success', summary: 'Created Milk', data: { title: 'Milk', qty: 1, tag: 'X' } });
    expect(validateResult(out)).toEqual([]);
  });

  it('validation failures name every bad field in words an LLM can act on, without calling the handler', async () => {
    const { ext, seen } = build();
    const out = await dispatch(ext, { kind: 'function', name: 'create', params: { qty: 0 } }, makeCtx().ctx);
    expect(seen).toEqual([]);
    expect(out.status).toBe('error');
    expect(out.error_code).toBe('INVALID_PARAMS');
    expect(out.error).toContain("Invalid parameters for 'create'");
    expect(out.error).toContain("'title' is required (string)");
    expect(out.error).toContain("'qty':");
    expect(out.error).toContain("call 'create' again");
    expect((out.data as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(['title', 'qty']);
    expect(validateResult(out)).toEqual([]);
  });

  it('normalises plain objects, undefined, scalars and result dicts', async () => {
    const { ext } = build();
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'function', name: 'plain' }, ctx)).toEqual({ status: 'success', summary: '', data: { a: 1 } });
    expect(await dispatch(ext, { kind: 'function', name: 'nothing' }, ctx)).toEqual({ status: 'success', summary: '', data: {} });
    expect(await dispatch(ext, { kind: 'function', name: 'scalar' }, ctx)).toEqual({ status: 'success', summary: '', data: { result: 42 } });
    expect(await dispatch(ext, { kind: 'function', name: 'dict' }, ctx)).toEqual({ status: 'error', summary: '', data: {}, error: 'nope' });
  });

  it('thrown errors become error results with a stable code and no stack; the stack goes to ctx.log', async () => {
    const { ext } = build();
    const { ctx, logged } = makeCtx();
    const out = await dispatch(ext, { kind: 'function', name: 'boom' }, ctx);
    expect(out).toMatchObject({ status: 'error', error_code: 'INTERNAL_ERROR' });
    expect(out.error).toBe("Internal error in 'boom': database password=hunter2 rejected");
    expect(JSON.stringify(out)).not.toMatch(/at .*\.ts:\d+/);
    expect(logged[0]?.message).toBe("'boom' failed");
    expect(String(logged[0]?.fields?.error)).toContain('dispatch.test.ts');
  });

  it('SDK errors keep their code (upper-cased on the wire); rate limits and 5xx are retryable', async () => {
    const { ext } = build();
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'function', name: 'missing' }, ctx)).toEqual({
      status: 'error',
      summary: '',
      data: {},
      error: "task 't9' not found",
      error_code: 'NOT_FOUND',
    });
    expect(await dispatch(ext, { kind: 'function', name: 'limited' }, ctx)).toMatchObject({ error_code: 'RATE_LIMITED', retryable: true });
  });

  it('an unknown function is a NOT_FOUND result listing the known ones', async () => {
    const { ext } = build();
    const out = await dispatch(ext, { kind: 'function', name: 'nope' }, makeCtx().ctx);
    expect(out).toMatchObject({ status: 'error', error_code: 'NOT_FOUND' });
    expect(out.error).toContain("'create'");
  });

  it('a function without params receives {}', async () => {
    const ext = new Extension('no-params');
    const chat = new ChatExtension(ext);
    let received: unknown;
    chat.fn('f', { description: 'Takes no params at all.' })(async (_c, p) => {
      received = p;
      return ActionResult.success({});
    });
    await dispatch(ext, { kind: 'function', name: 'f' }, makeCtx().ctx);
    expect(received).toEqual({});
  });
});

describe('dispatch: UI kinds', () => {
  it('panels, widgets and tray items answer with their envelopes', async () => {
    const ext = new Extension('ui-test');
    ext.panel('sidebar', { slot: 'left', params: z.object({ q: z.string().default('') }) })(async (_c, p) => ui.Text(`q=${p.q}`));
    ext.widget('count')(async () => ui.Text('3'));
    ext.tray('unread', { icon: 'Mail' })(async () => ui.Badge('3'));
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'panel', id: 'sidebar' }, ctx)).toEqual({ ui: ui.Text('q=').toDict(), panel_id: 'sidebar' });
    expect(await dispatch(ext, { kind: 'widget', id: 'count' }, ctx)).toEqual({ ui: ui.Text('3').toDict(), widget_id: 'count' });
    expect(await dispatch(ext, { kind: 'tray', id: 'unread' }, ctx)).toEqual({ ui: ui.Badge('3').toDict(), tray_id: 'unread', icon: 'Mail' });
    // The synthetic tool names route to the same handlers.
    expect(await dispatch(ext, { kind: 'tool', name: '__panel__sidebar', params: { q: 'x' } }, ctx)).toEqual({ ui: ui.Text('q=x').toDict(), panel_id: 'sidebar' });
  });

  it('a failing panel renders an Error node and reports the error', async () => {
    const ext = new Extension('ui-fail');
    ext.panel('p')(async () => {
      throw new Error('kaput');
    });
    const out = await dispatch(ext, { kind: 'panel', id: 'p' }, makeCtx().ctx);
    expect(out).toEqual({
      ui: { type: 'Error', props: { message: "Internal error in panel 'p': kaput" } },
      panel_id: 'p',
      error: "Internal error in panel 'p': kaput",
      error_code: 'INTERNAL_ERROR',
    });
    expect((await dispatch(ext, { kind: 'panel', id: 'zz' }, makeCtx().ctx)).error_code).toBe('NOT_FOUND');
  });
});

describe('dispatch: tools and skeletons', () => {
  it('raw tools answer with what they return; failures become error results', async () => {
    const ext = new Extension('tools-test');
    ext.tool('export', { params: z.object({ fmt: z.enum(['csv', 'json']) }) })(async (_c, p) => ({ ok: true, fmt: p.fmt }));
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'tool', name: 'export', params: { fmt: 'csv' } }, ctx)).toEqual({ ok: true, fmt: 'csv' });
    expect(await dispatch(ext, { kind: 'tool', name: 'export', params: { fmt: 'xml' } }, ctx)).toMatchObject({ status: 'error', error_code: 'INVALID_PARAMS' });
  });

  it('skeletons answer in the {response} contract, wrapped or not', async () => {
    const ext = new Extension('skel-test');
    ext.skeleton('inbox')(async () => ({ unread: 2 }));
    ext.skeleton('wrapped')(async () => ({ response: { total: 1 } }));
    ext.skeleton('broken')(async () => {
      throw new Error('x');
    });
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'skeleton', section: 'inbox' }, ctx)).toEqual({ response: { unread: 2 } });
    expect(await dispatch(ext, { kind: 'skeleton', section: 'wrapped' }, ctx)).toEqual({ response: { total: 1 } });
    expect(await dispatch(ext, { kind: 'tool', name: 'skeleton_refresh_inbox' }, ctx)).toEqual({ response: { unread: 2 } });
    expect(await dispatch(ext, { kind: 'skeleton', section: 'broken' }, ctx)).toMatchObject({ response: null, error_code: 'INTERNAL_ERROR' });
  });
});

describe('dispatch: system kinds', () => {
  it('schedules and signals run with the context and report ok/error', async () => {
    const ext = new Extension('sys-test');
    const ran: string[] = [];
    ext.schedule('nightly', '0 3 * * *')(async () => void ran.push('nightly'));
    ext.signal('reindex')(async () => {
      throw new Error('no index');
    });
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'schedule', name: 'nightly' }, ctx)).toEqual({ status: 'ok' });
    expect(ran).toEqual(['nightly']);
    expect(await dispatch(ext, { kind: 'signal', name: 'reindex' }, ctx)).toEqual({
      status: 'error',
      error: "Internal error in signal 'reindex': no index",
      error_code: 'INTERNAL_ERROR',
    });
    expect((await dispatch(ext, { kind: 'schedule', name: 'zz' }, ctx)).error_code).toBe('NOT_FOUND');
  });

  it('webhooks get a WebhookRequest and answer with the flat response form', async () => {
    const ext = new Extension('hook-test');
    let got: WebhookRequest | undefined;
    ext.webhook('/stripe', { secretHeader: 'Stripe-Signature' })(async (_c, req) => {
      got = req;
      return WebhookResponse.json({ received: req.json<{ id: string }>().id });
    });
    ext.webhook('/plain')(async () => ({ ok: true }));
    ext.webhook('/fail')(async () => {
      throw new Error('secret internals');
    });
    const { ctx } = makeCtx();
    const out = await dispatch(ext, { kind: 'webhook', path: '/stripe', request: { method: 'POST', headers: { 'Stripe-Signature': 's' }, body: '{"id":"evt_1"}' } }, ctx);
    expect(out).toEqual({ status_code: 200, headers: { 'content-type': 'application/json' }, body: { received: 'evt_1' } });
    expect(got?.header('stripe-signature')).toBe('s');
    expect(got?.path).toBe('/stripe');
    expect((await dispatch(ext, { kind: 'webhook', path: 'plain', request: { method: 'POST' } }, ctx)).body).toEqual({ ok: true });
    expect((await dispatch(ext, { kind: 'webhook', path: '/stripe', request: { method: 'GET' } }, ctx)).status_code).toBe(405);
    expect((await dispatch(ext, { kind: 'webhook', path: '/nope', request: { method: 'POST' } }, ctx)).status_code).toBe(404);
    const failed = await dispatch(ext, { kind: 'webhook', path: '/fail', request: { method: 'POST' } }, ctx);
    expect(failed).toEqual({ status_code: 500, headers: {}, body: { error: 'internal error' } });
  });

  it('events run every matching handler (exact and wildcard) with an Event', async () => {
    const ext = new Extension('event-test');
    const got: string[] = [];
    ext.onEvent('mail.received')(async (_c, e) => void got.push(`exact:${e.eventType}:${String(e.data.id)}`));
    ext.onEvent('mail.*')(async (_c, e) => void got.push(`wild:${e.type}`));
    ext.onEvent('other.thing')(async () => void got.push('never'));
    const out = await dispatch(ext, { kind: 'event', event: { event_type: 'mail.received', data: { id: 7 }, timestamp: '', user_id: '', tenant_id: '' } }, makeCtx().ctx);
    expect(out).toEqual({ status: 'ok', handled: 2 });
    expect(got).toEqual(['exact:mail.received:7', 'wild:mail.received']);
    expect(await dispatch(ext, { kind: 'event', event: new Event({ eventType: 'none.here' }) }, makeCtx().ctx)).toEqual({ status: 'ok', handled: 0 });
  });

  it('lifecycle hooks: upgrades by target version with fromVersion; absent hooks are a no-op', async () => {
    const ext = new Extension('life-test', { version: '2.0.0' });
    const got: unknown[] = [];
    ext.onInstall()(async (_c, info) => void got.push(['install', info]));
    ext.onUpgrade('2.0.0')(async (_c, info) => void got.push(['upgrade', info]));
    const { ctx } = makeCtx();
    expect(await dispatch(ext, { kind: 'lifecycle', hook: 'on_install' }, ctx)).toEqual({ status: 'ok', handled: 1 });
    expect(await dispatch(ext, { kind: 'lifecycle', hook: 'on_upgrade', fromVersion: '1.0.0' }, ctx)).toEqual({ status: 'ok', handled: 1 });
    expect(await dispatch(ext, { kind: 'lifecycle', hook: 'on_disable' }, ctx)).toEqual({ status: 'ok', handled: 0 });
    expect(got).toEqual([['install', {}], ['upgrade', { fromVersion: '1.0.0' }]]);
  });

  it('health checks: HealthStatus, thrown errors become unhealthy, none registered is ok', async () => {
    const ok = new Extension('health-ok');
    ok.healthCheck()(async () => HealthStatus.degraded('slow', { p99: 900 }));
    expect(await dispatch(ok, { kind: 'health' }, makeCtx().ctx)).toEqual({ status: 'degraded', message: 'slow', details: { p99: 900 } });
    const broken = new Extension('health-bad');
    broken.healthCheck()(async () => {
      throw new Error('db down');
    });
    expect(await dispatch(broken, { kind: 'health' }, makeCtx().ctx)).toMatchObject({ status: 'unhealthy', message: 'Internal error in health check: db down' });
    expect(await dispatch(new Extension('health-none'), { kind: 'health' }, makeCtx().ctx)).toEqual({ status: 'ok', message: '', details: {} });
  });

  it('exposed methods validate params and answer with an ActionResult dict', async () => {
    const ext = new Extension('expose-test');
    ext.expose('get_item', { params: z.object({ id: z.string() }) })(async (_c, p) => ActionResult.success({ id: p.id }));
    expect(await dispatch(ext, { kind: 'expose', name: 'get_item', params: { id: 'i1' } }, makeCtx().ctx)).toEqual({ status: 'success', summary: '', data: { id: 'i1' } });
    expect((await dispatch(ext, { kind: 'expose', name: 'get_item', params: {} }, makeCtx().ctx)).error_code).toBe('INVALID_PARAMS');
  });
});
