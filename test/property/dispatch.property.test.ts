/**
 * Property: random invocations, params and handler behaviour through `dispatch` —
 * it resolves with a value JSON can carry, or rejects with a ValidationError;
 * it never throws synchronously, never hangs, never pollutes Object.prototype.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChatExtension, Extension, ValidationError, dispatch } from '../../src/index.js';
import type { Context, Invocation } from '../../src/index.js';
import { PROPERTY, expectNoPollution, hostileValue, prototypeSnapshot } from './helpers.js';

// What the handlers do is chosen per run: return or throw the generated value.
let behaviour: { mode: 'return' | 'throw'; value: unknown } = { mode: 'return', value: undefined };
const act = async (): Promise<unknown> => {
  if (behaviour.mode === 'throw') throw behaviour.value;
  return behaviour.value;
};

const ext = new Extension('prop-ext', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'prop' });
chat.fn('f', { description: 'Does what the property says.' })(act);
ext.tool('t', { description: 'A raw tool doing what the property says.' })(act);
ext.panel('p')(act);
ext.widget('w')(act);
ext.skeleton('s')(act);
ext.schedule('tick', '* * * * *')(act);
ext.webhook('/hook')(act);
ext.onEvent('a.b')(act);
ext.onInstall()(act);
ext.healthCheck()(act);
ext.menuItem('mm', { label: 'M' })(act);

const NAMES = ['f', 't', 'p', 'w', 's', 'tick', 'hook', 'mm', 'missing', '__panel__p', '__webhook__hook', 'skeleton_refresh_s', '', '__proto__'];
const invocation = fc.oneof(
  fc.record(
    {
      kind: fc.constantFrom('function', 'expose', 'tool', 'panel', 'widget', 'tray', 'menu', 'skeleton', 'schedule', 'signal', 'webhook', 'event', 'lifecycle', 'health', 'nope'),
      name: fc.oneof(fc.constantFrom(...NAMES), hostileValue),
      id: fc.oneof(fc.constantFrom(...NAMES), hostileValue),
      section: fc.oneof(fc.constantFrom(...NAMES), hostileValue),
      path: fc.oneof(fc.constantFrom('/hook', 'hook', '../x'), hostileValue),
      params: hostileValue,
      request: hostileValue,
      event: hostileValue,
      hook: fc.oneof(fc.constantFrom('on_install', 'on_upgrade', 'bogus'), hostileValue),
      version: hostileValue,
    },
    { requiredKeys: ['kind'] },
  ),
  hostileValue,
);

describe('dispatch under random input', () => {
  it('resolves with JSON-writable results or rejects with a ValidationError, and pollutes nothing', async () => {
    const before = prototypeSnapshot();
    await fc.assert(
      fc.asyncProperty(invocation, fc.constantFrom('return', 'throw') as fc.Arbitrary<'return' | 'throw'>, hostileValue, async (inv, mode, value) => {
        behaviour = { mode, value };
        let pending: Promise<unknown> | undefined;
        expect(() => {
          pending = dispatch(ext, inv as Invocation, {} as Context);
        }).not.toThrow();
        const outcome = await Promise.race([
          pending!.then(
            (result) => ({ result }),
            (error: unknown) => ({ error }),
          ),
          new Promise<'hang'>((resolve) => setTimeout(() => resolve('hang'), 2000)),
        ]);
        expect(outcome).not.toBe('hang');
        if (outcome !== 'hang' && 'error' in outcome) expect(outcome.error).toBeInstanceOf(ValidationError);
        else if (outcome !== 'hang') expect(() => JSON.stringify(outcome.result)).not.toThrow();
      }),
      PROPERTY,
    );
    expectNoPollution(before);
  }, 60_000);
});
