/** Registration fails fast, naming the registration and the fix. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as z3 from 'zod/v3';
import { ChatExtension, Extension, RegistrationError, SchemaError, SecretDeclarationConflict } from '../../src/index.js';

const make = () => new Extension('reg-errors', { version: '1.0.0' });
const noop = async () => ({});

function errorOf(fn: () => unknown): RegistrationError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(RegistrationError);
    return error as RegistrationError;
  }
  throw new Error('expected a RegistrationError');
}

describe('registration-time validation', () => {
  it.each(['Bad App!', 'a', 'a_b', 'Ab', '-ab', 'ab-'])('rejects app id %j', (id) => {
    const error = errorOf(() => new Extension(id));
    expect(error.message).toContain('app id');
    expect(error.fix).toMatch(/lowercase/);
    expect(error.rule).toBe('V1');
  });

  it('names the validator rule each check enforces', () => {
    expect(errorOf(() => new Extension('ok-app', { version: '1' })).rule).toBe('V2');
    expect(errorOf(() => make().panel('p', { slot: 'main' as never })).rule).toBe('PANEL-SLOT-1');
    expect(errorOf(() => make().emits('other.x')).rule).toBe('M7.3');
    expect(errorOf(() => make().schedule('s', 'nope')).rule).toBe('CRON-1');
    expect(errorOf(() => new ChatExtension(make()).fn('f', { description: 'x', actionType: 'update' as never })).rule).toBe('V4');
    expect(errorOf(() => make().tool('bad-name')).rule).toBeUndefined();
  });

  it.each(['a--b', '12', '1a', 'kitchen-sink'])('accepts app id %j', (id) => {
    expect(new Extension(id).appId).toBe(id);
  });

  it.each(['1.0', '1.0.0junk', 'v1.0.0'])('rejects version %j', (version) => {
    expect(errorOf(() => new Extension('ok-app', { version })).message).toContain('version');
  });

  it.each(['1.0.0.1', '1.0.0-rc.1', '01.2.3'])('accepts version %j', (version) => {
    expect(new Extension('ok-app', { version }).version).toBe(version);
  });

  it('rejects tool and function names that are not identifiers', () => {
    const ext = make();
    const chat = new ChatExtension(ext);
    expect(errorOf(() => ext.tool('bad-name')).subject).toBe("@ext.tool('bad-name')");
    expect(errorOf(() => chat.fn('2fast', { description: 'x' })).message).toContain('function name');
    expect(errorOf(() => new ChatExtension(ext, { toolName: '' })).message).toContain('toolName');
  });

  it('rejects unknown panel slots with the list and the note about main', () => {
    const error = errorOf(() => make().panel('p', { slot: 'main' as never }));
    expect(error.message).toContain("['bottom', 'center', 'chat-sidebar', 'left', 'overlay', 'right']");
    expect(error.fix).toContain("'main' was removed in SDK 3.4.0");
  });

  it('rejects skeleton section names with wildcard or separator characters', () => {
    expect(errorOf(() => make().skeleton('')).message).toContain('non-empty');
    expect(errorOf(() => make().skeleton('inbox:*')).message).toContain('must not contain wildcard/separator characters (* ? [ ] : /)');
  });

  it('enforces the emits prefix rules', () => {
    expect(errorOf(() => make().emits('created')).message).toContain("event_type must be dotted, got 'created'");
    expect(errorOf(() => make().emits('other.thing.created')).message).toContain("must be prefixed by app_id 'reg-errors'");
    expect(() => make().emits('reg-errors.thing.created')).not.toThrow();
  });

  it('validates secret specs in the documented order', () => {
    const ext = make();
    expect(errorOf(() => ext.secret({ name: 'Bad', description: 'd' })).message).toContain('name');
    expect(errorOf(() => ext.secret({ name: 'ok', description: '  ' })).fix).toContain('secrets panel');
    expect(errorOf(() => ext.secret({ name: 'ok', description: 'd', writeMode: 'admin' as never })).message).toContain("['both', 'extension', 'user']");
    expect(errorOf(() => ext.secret({ name: 'ok', description: 'd', maxBytes: 0 })).message).toContain('[1, 65536]');
    expect(errorOf(() => ext.secret({ name: 'ok', description: 'd', rotationHintDays: 0 })).message).toContain('rotationHintDays');
    expect(errorOf(() => ext.secret({ name: 'ok', description: 'd', scope: 'app', envFallback: 'MY_KEY' })).message).toContain('envFallback');
    expect(errorOf(() => ext.secret({ name: 'ok', description: 'd', envFallback: 'IMPERAL_APPSECRET_OK' })).message).toContain("only allowed with scope: 'app'");
    ext.secret({ name: 'ok', description: 'd', scope: 'app', envFallback: 'IMPERAL_APPSECRET_OK' });
    expect(() => ext.secret({ name: 'ok', description: 'd' })).toThrow(SecretDeclarationConflict);
  });

  it('the first secret adds the built-in secrets panel, once', () => {
    const ext = make();
    expect(ext.registry.panels.has('secrets')).toBe(false);
    ext.secret({ name: 'a', description: 'first' });
    ext.secret({ name: 'b', description: 'second' });
    expect([...ext.registry.panels.keys()]).toEqual(['secrets']);
  });

  it('refuses duplicates: tools, functions, cache models, webhook paths, panels', () => {
    const ext = make();
    const chat = new ChatExtension(ext);
    ext.tool('t')(noop);
    expect(() => ext.tool('t')(noop)).toThrow(/already registered/);
    chat.fn('f', { description: 'A function.' })(noop);
    expect(() => chat.fn('f', { description: 'Again.' })(noop)).toThrow(/already registered/);
    expect(() => ext.tool('f')(noop)).toThrow(/name of a chat function/);
    ext.cacheModel('m', z.object({}));
    expect(() => ext.cacheModel('m', z.object({}))).toThrow(/already registered/);
    ext.webhook('hook')(noop);
    expect(() => ext.webhook('/hook')(noop)).toThrow(/already registered/);
    ext.panel('p')(noop);
    expect(() => ext.panel('p')(noop)).toThrow(/already registered/);
  });

  it('checks scopes, tray ids and zones, webhook paths, exposed action types and crons', () => {
    const ext = make();
    expect(errorOf(() => ext.tool('t', { scopes: ['NS:x'] })).message).toContain('scope');
    expect(errorOf(() => ext.tray('x')).message).toContain('tray id');
    expect(errorOf(() => ext.tray('inbox', { zone: 'left' as never })).message).toContain('zone');
    expect(errorOf(() => ext.webhook('/Upper')).message).toContain('path');
    expect(errorOf(() => ext.expose('m', { actionType: 'destructive' as never })).message).toContain("['read', 'write']");
    expect(errorOf(() => ext.schedule('s', '0 25 * * *')).message).toContain('invalid');
    expect(errorOf(() => ext.schedule('s', '* * * *')).message).toContain('5 fields');
    expect(() => ext.schedule('ok', '@daily')).not.toThrow();
    expect(errorOf(() => ext.healthCheck({ intervalSec: 10 })).message).toContain('intervalSec');
  });

  it('normalises webhook paths to one leading slash and no trailing one', () => {
    const ext = make();
    ext.webhook('stripe')(noop);
    ext.webhook('/oauth/callback/')(noop);
    expect([...ext.registry.webhooks.keys()]).toEqual(['/stripe', '/oauth/callback']);
  });

  describe('params schemas', () => {
    it('rejects a non-object root', () => {
      const chat = new ChatExtension(make());
      const error = errorOf(() => chat.fn('f', { description: 'x', params: z.string() }));
      expect(error).toBeInstanceOf(SchemaError);
      expect(error.message).toContain("@chat.fn('f') params");
      expect(error.message).toContain("must describe an object (got type 'string')");
      expect(error.fix).toContain('z.object');
    });

    it('rejects a union at the root with the fix', () => {
      const chat = new ChatExtension(make());
      const union = z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]);
      expect(errorOf(() => chat.fn('f', { description: 'x', params: union })).message).toContain('oneOf');
    });

    it('z.date() raises an error naming the function and the field, never a silent {}', () => {
      const chat = new ChatExtension(make());
      const error = errorOf(() =>
        chat.fn('schedule_meeting', { description: 'x', params: z.object({ title: z.string(), when: z.object({ at: z.date() }) }) }),
      ) as SchemaError;
      expect(error).toBeInstanceOf(SchemaError);
      expect(error.field).toBe('when.at');
      expect(error.message).toContain("@chat.fn('schedule_meeting') params");
      expect(error.message).toContain("field 'when.at' is a date");
      expect(error.fix).toContain('z.iso.datetime()');
    });

    it.each([
      ['bigint', z.bigint()],
      ['map', z.map(z.string(), z.string())],
      ['set', z.set(z.string())],
    ])('%s fields are unrepresentable too', (type, schema) => {
      const error = errorOf(() => make().tool('t', { params: z.object({ x: schema }) })) as SchemaError;
      expect(error.field).toBe('x');
      expect(error.message).toContain(`is a ${type}`);
    });

    it('zod 3 schemas go through zod-to-json-schema, with the same unrepresentable check', () => {
      const ext = make();
      const chat = new ChatExtension(ext);
      chat.fn('v3', { description: 'x', params: z3.z.object({ a: z3.z.string().describe('A') }) })(noop);
      expect(ext.registry.functions.get('v3')?.paramsSchema).toEqual({
        additionalProperties: false,
        properties: { a: { description: 'A', type: 'string' } },
        required: ['a'],
        type: 'object',
      });
      const error = errorOf(() => chat.fn('v3_date', { description: 'x', params: z3.z.object({ d: z3.z.date() }) })) as SchemaError;
      expect(error.field).toBe('d');
    });

    it('something that is not a schema is rejected with the accepted kinds', () => {
      const error = errorOf(() => make().tool('t', { params: { a: 'string' } as never }));
      expect(error.message).toContain('not a schema the SDK understands');
    });
  });
});

describe('the registry is read-only from outside', () => {
  it('exposes read-only views; registrations go through the checked methods', () => {
    const ext = make();
    ext.onEvent('a.b')(noop);
    // The views are typed read-only (the type-check fails on an unused @ts-expect-error).
    // @ts-expect-error — eventHandlers is a readonly array
    void ext.registry.eventHandlers.push;
    // @ts-expect-error — tools is a ReadonlyMap
    void ext.registry.tools.set;
    // No public fields to assign over: every view is a getter over private state.
    expect(Object.getOwnPropertyNames(ext.registry)).toEqual([]);
    expect(() => Object.assign(ext.registry, { tools: new Map() })).toThrow(TypeError);
    expect(ext.registry.eventHandlers).toHaveLength(1);
  });
});
