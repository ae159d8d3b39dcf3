/** `@imperal/sdk/vitest`: lowers decorators in TypeScript files, leaves everything else alone. */
import { describe, expect, it } from 'vitest';
import { imperalDecorators } from '../../src/vitest/index.js';

const SOURCE = `
import { chat } from './ext.js';
export class Tasks {
  @chat.fn('create', { description: 'x' })
  static async create(ctx: unknown, p: { title: string }) { return p.title; }
}
`;

describe('imperalDecorators()', () => {
  it('is a pre-transform Vite plugin', () => {
    const plugin = imperalDecorators();
    expect(plugin.name).toBe('imperal:decorators');
    expect(plugin.enforce).toBe('pre');
  });

  it('lowers standard decorators (no @ left) and strips types, with a source map', async () => {
    const out = await imperalDecorators().transform(SOURCE, '/project/src/tasks.ts');
    expect(out).not.toBeNull();
    expect(out!.code).not.toMatch(/^\s*@chat\.fn/m);
    expect(out!.code).toContain('__decorateElement');
    expect(out!.code).not.toContain(': { title: string }');
    expect(JSON.parse(out!.map).sources[0]).toContain('tasks.ts');
  });

  it('lowers legacy decorators when asked', async () => {
    const out = await imperalDecorators({ decorators: 'legacy' }).transform(SOURCE, '/project/src/tasks.ts');
    expect(out!.code).toContain('__decorateClass');
  });

  it('skips node_modules, non-TypeScript files and files without decorators', async () => {
    const plugin = imperalDecorators();
    expect(await plugin.transform(SOURCE, '/project/node_modules/pkg/index.ts')).toBeNull();
    expect(await plugin.transform(SOURCE, '/project/src/tasks.js')).toBeNull();
    expect(await plugin.transform('export const email = "a@b.c";', '/project/src/plain.ts')).toBeNull();
  });

  it('handles query suffixes Vite appends to ids', async () => {
    expect(await imperalDecorators().transform(SOURCE, '/project/src/tasks.ts?v=123')).not.toBeNull();
  });
});

describe('imperalDecorators() and the @chat.function trap', () => {
  it('explains the reserved-word error and says to write @chat.fn', async () => {
    const source = "export class T {\n  @chat.function('x', { description: 'y' })\n  static async f() {}\n}\n";
    await expect(imperalDecorators().transform(source, '/p/src/t.ts')).rejects.toThrow(
      "/p/src/t.ts:2: '@chat.function(' cannot be compiled: esbuild rejects a reserved word after the dot in a standard decorator. Write @chat.fn(...) instead",
    );
  });

  it('passes other syntax errors through unchanged', async () => {
    await expect(imperalDecorators().transform('export class { @x() m( }', '/p/src/bad.ts')).rejects.toThrow(/Transform failed/);
  });
});
