import { describe, expect, it } from 'vitest';
import { MockContext, createTester } from '@imperal/sdk/testing';
import { ext } from '../src/index.js';

describe('__APP_ID__', () => {
  it('adds a note and shows it in the sidebar', async () => {
    const tester = createTester(ext, { ctx: new MockContext({ userId: 'imp_u_test', extension: ext }) });
    const added = await tester.call('add_note', { text: 'Buy milk' });
    expect(added.status).toBe('success');
    const panel = await tester.panel('sidebar');
    expect(panel.panel_id).toBe('sidebar');
    expect(JSON.stringify(panel.ui)).toContain('Buy milk');
  });

  it('shows an empty state before any note exists', async () => {
    const panel = await createTester(ext).panel('sidebar');
    expect(JSON.stringify(panel.ui)).toContain('No notes yet');
  });

  it('rejects an empty note', async () => {
    const result = await createTester(ext).call('add_note', { text: '' });
    expect(result.status).toBe('error');
  });

  it('declares the panel in imperal.json', () => {
    expect(ext.manifest().panels).toContainEqual(expect.objectContaining({ panel_id: 'sidebar', slot: 'left' }));
  });
});
