/**
 * Names: every name the 5.11 manifest schema and the Python SDK accept is
 * accepted (a published extension's chat tool is `page-speed-insights`);
 * registration refuses only what the schema or the platform refuses.
 */
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { z } from 'zod';
import { ActionResult, ChatExtension, Extension, RegistrationError } from '../../src/index.js';
import { readReference } from '../helpers/reference.js';

const ajv = new Ajv2020.default({ strict: false, allErrors: true });
const validManifest = ajv.compile(readReference<object>('schemas-v5/imperal.schema.json'));

describe('names the platform accepts', () => {
  it('a hyphenated chat toolName (page-speed-insights) registers and is written as owner_chat_tool', () => {
    const ext = new Extension('page-speed-insights', { version: '1.0.0' });
    const chat = new ChatExtension(ext, { toolName: 'page-speed-insights', description: 'PSI' });
    chat.fn('check_site_speed', { description: 'Checks the speed of a site and reports the scores.', params: z.object({ url: z.string() }) })(async () =>
      ActionResult.success({}, { summary: 'ok' }),
    );
    const manifest = ext.manifest();
    expect(manifest.tools.map((t) => [t.name, 'owner_chat_tool' in t ? t.owner_chat_tool : undefined])).toEqual([['check_site_speed', 'page-speed-insights']]);
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
  });

  it('exposed methods, panels, widgets, schedules, signals, event types and cache models take any non-empty name', () => {
    const ext = new Extension('names-app');
    const noop = async () => ({});
    ext.expose('get-sites')(noop);
    ext.panel('psi.nav', { slot: 'left' })(async () => ({ type: 'Text', props: {} }) as never);
    ext.widget('stats widget')(async () => ({ type: 'Text', props: {} }) as never);
    ext.schedule('hourly tick', '@hourly')(async () => undefined);
    ext.signal('re-sync')(async () => undefined);
    ext.onEvent('names-app:site checked')(async () => undefined);
    ext.cacheModel('site-list', z.object({ n: z.number() }));
    const manifest = ext.manifest();
    expect(manifest.exposed?.map((e) => e.name)).toEqual(['get-sites']);
    expect(manifest.schedules.map((s) => s.name)).toEqual(['hourly tick']);
    expect(validManifest(manifest), JSON.stringify(validManifest.errors)).toBe(true);
  });

  it('still refuses what the schema refuses: empty names, non-identifier tool and function names (M5)', () => {
    const ext = new Extension('names-app2');
    const chat = new ChatExtension(ext, { toolName: 'x-y' });
    expect(() => new ChatExtension(ext, { toolName: '' })).toThrow(RegistrationError);
    expect(() => chat.fn('check-site', { description: 'Checks the speed of a site and reports.' })).toThrow(/function name "check-site" is invalid/);
    expect(() => ext.tool('bad-name')).toThrow(RegistrationError);
    expect(() => ext.expose('')).toThrow(/method name must be a non-empty string/);
    expect(() => ext.panel('')).toThrow(/panel id must be a non-empty string/);
    expect(() => ext.schedule('', '@daily')).toThrow(RegistrationError);
  });
});
