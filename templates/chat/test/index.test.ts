import { describe, expect, it } from 'vitest';
import { MockContext, createTester } from '@imperal/sdk/testing';
import { ext } from '../src/index.js';

describe('__APP_ID__', () => {
  it('has a marketplace listing the validator accepts', () => {
    expect(ext.appId).toBe('__APP_ID__');
    expect(ext.options.displayName).not.toBe(ext.appId);
    expect(ext.options.description.length).toBeGreaterThanOrEqual(40);
  });

  it('greets by name', async () => {
    const tester = createTester(ext, { ctx: new MockContext({ userId: 'imp_u_test', extension: ext }) });
    const result = await tester.call('greet', { name: 'Ada' });
    expect(result.status).toBe('success');
    expect(result.data).toEqual({ message: 'Hello, Ada!' });
  });

  it('falls back to the default name', async () => {
    const result = await createTester(ext).call('greet', {});
    expect(result.data).toEqual({ message: 'Hello, World!' });
  });

  it('lists greet in imperal.json with its schemas', () => {
    const greet = ext.manifest().tools.find((t) => t.name === 'greet');
    expect(greet).toMatchObject({ action_type: 'read', params_schema: { properties: { name: { type: 'string' } } } });
  });
});
