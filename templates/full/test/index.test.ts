import { describe, expect, it } from 'vitest';
import { WebhookRequest } from '@imperal/sdk';
import { MockContext, createTester, signWebhook } from '@imperal/sdk/testing';
import { ext, Notes, SIGNATURE_HEADER } from '../src/index.js';

describe('__APP_ID__', () => {
  it('creates and lists notes', async () => {
    const tester = createTester(ext, { ctx: new MockContext({ userId: 'imp_u_test', extension: ext }) });
    expect((await tester.call('create_note', { text: 'Buy milk' })).status).toBe('success');
    const listed = await tester.call('list_notes', {});
    expect(listed.data).toMatchObject({ total: 1, items: [{ text: 'Buy milk' }] });
  });

  it('shows notes in the sidebar panel', async () => {
    const tester = createTester(ext);
    await tester.call('create_note', { text: 'Call Bob' });
    const panel = await tester.panel('sidebar');
    expect(JSON.stringify(panel.ui)).toContain('Call Bob');
  });

  it('accepts a correctly signed webhook and rejects a forged one', async () => {
    const ctx = new MockContext({ extension: ext, kind: 'webhook' });
    await ctx.secrets.set('webhook_secret', 's3cret');
    const body = JSON.stringify({ text: 'from elsewhere' });
    const signed = signWebhook({ secret: 's3cret', body, scheme: 'hex', header: SIGNATURE_HEADER });
    const ok = await Notes.incoming(ctx, new WebhookRequest({ method: 'POST', headers: signed.headers, body }));
    expect(ok.statusCode).toBe(200);
    const forged = await Notes.incoming(ctx, new WebhookRequest({ method: 'POST', headers: { [SIGNATURE_HEADER]: 'sha256=00' }, body }));
    expect(forged.statusCode).toBe(401);
  });

  it('declares every surface in imperal.json', () => {
    const m: object = ext.manifest();
    expect(m).toHaveProperty('webhooks');
    expect(m).toHaveProperty('schedules', [{ name: 'nightly_cleanup', cron: '0 3 * * *' }]);
    expect(m).toHaveProperty('secrets');
    expect(m).toHaveProperty('lifecycle');
  });
});
