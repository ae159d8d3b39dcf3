import { describe, expect, it } from 'vitest';
import { MockContext } from '@imperal/sdk/testing';
import { ext, Tools } from '../src/index.js';

describe('__APP_ID__', () => {
  it('registers the tool with its scope', () => {
    const manifest = ext.manifest();
    expect(manifest.tools.map((t) => t.name)).toContain('__TOOL_NAME__');
    expect(manifest.required_scopes).toEqual(['__APP_ID__:read']);
  });

  it('answers ok', async () => {
    const ctx = new MockContext({ extension: ext });
    await expect(Tools.run(ctx, { input: 'x' })).resolves.toEqual({ message: 'ok', input: 'x' });
  });
});
