import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, LOADER_RULES } from '../../src/validator/index.js';
import { FIXTURES, validateFixture } from './helpers.js';

const ruleIds = readdirSync(FIXTURES).filter((d) => !d.startsWith('_'));

/**
 * Messages quoted from the upstream oracle runs (upstream-core.md §6), for the
 * rules whose text carries over unchanged; keyed by rule id.
 */
const ORACLE: Record<string, { message: string; fix?: string }> = {
  V13: {
    message: "Tool 'refresh_stuff' looks like a skeleton refresh but lacks the 'skeleton_refresh_' prefix required by the kernel's auto-derive convention",
    fix: "Rename to 'skeleton_refresh_stuff' OR use @ext.skeleton('stuff') decorator which applies the convention automatically",
  },
  V14: { message: "Extension 'fixture-app' description must be ≥40 chars and ≠ app_id (got len=9, value='too short')" },
  V15: { message: "Extension displayName 'fixture-app' verbatim equals the app id 'fixture-app' — provide a human-readable name (e.g. 'Notes' for app id 'notes')", fix: "Use 'Notes' instead of 'notes', 'Mail Inbox' instead of 'mail-inbox', etc." },
  V16: { message: "@chat.fn 'do_thing' (tool fixture) description must be ≥20 chars (got len=4)" },
  V20: { message: "@chat.fn 'do_thing' (write) should declare effects: ['create:resource'] etc." },
  V10: { message: "@chat.fn 'do_thing' (actionType: 'write') has no event:" },
  V11: { message: "@chat.fn 'do_thing' has no TSDoc comment" },
  V5: { message: "@chat.fn 'do_thing' must return ActionResult" },
  V9: { message: 'No health check registered (ext.healthCheck())' },
  V12: { message: 'No install hook registered (ext.onInstall())' },
  V8: { message: 'Cannot verify imperal.json manifest (runtime validation)', fix: "Run 'imperal build' to generate imperal.json, then 'imperal validate' again" },
  V3: { message: 'Extension must have at least one @ext.tool or ChatExtension' },
  V19: { message: "Extension 'fixture-app' must set actionsExplicit: true" },
  V21: { message: "Icon 'icon.svg' contains embedded base64 raster in <image href=...>" },
  V31: {
    message: "new Extension(..., { system: true }) is reserved for first-party Imperal extensions (admin / billing / developer / automations). Author 'imp_u_thirdparty' is not in the Imperal author allowlist.",
  },
  'V24-AST': {
    message: "@chat.fn 'do_thing' accesses ctx.skeleton at line(s) [12] — forbidden. Skeleton is the LLM context cache (read by router/narrator), not a data source.",
  },
  'SKEL-GUARD-1': { message: "ctx.skeleton.get(...) called from 'peek', which is not decorated with @ext.skeleton. Skeleton access is LLM-only in v1.6.0.", fix: 'Move the read into a @ext.skeleton tool, or use ctx.cache / ctx.store.' },
  'SKEL-GUARD-2': { message: 'ctx.skeleton_data was removed in v1.6.0.' },
  'SKEL-GUARD-3': { message: 'ctx.skeleton.update() was removed in v1.6.0; kernel is sole writer.' },
  'PANEL-SLOT-1': {
    fix: "Replace slot: 'main' with slot: 'center'",
    message: "@ext.panel(..., { slot: 'main' }) is not a valid slot. Must be one of ['bottom', 'center', 'chat-sidebar', 'left', 'overlay', 'right']. Note: 'main' was removed in SDK 3.4.0; use 'center' instead.",
  },
  'MANIFEST-SKELETON-1': {
    message: "Tool 'skeleton_refresh_inbox' uses @ext.tool but names a skeleton refresh slot. Use @ext.skeleton('inbox') so the kernel auto-wires section metadata.",
    fix: "Replace @ext.tool('skeleton_refresh_inbox') with @ext.skeleton('inbox')",
  },
  M2: { message: '[version] Field required', fix: "Add 'version' field to imperal.json" },
  M3: { message: '[schedule] Extra inputs are not permitted', fix: "Remove 'schedule' — not a known manifest field. Common typos: 'schedule'→'schedules', 'tool'→'tools'" },
  M4: { message: "[webhooks.0.path] String should match pattern '^/[a-z0-9_/-]+$'", fix: "Fix value at 'webhooks.0.path': String should match pattern '^/[a-z0-9_/-]+$'" },
  M5: { message: "[tools.0.name] Value error, tool name 'bad-name' must be a valid identifier (letters/digits/underscore, not starting with digit)" },
  M1: { message: 'manifest root must be a JSON object, got list', fix: 'Ensure imperal.json parses to a top-level {...} object' },
  'M6.3': { message: "webhooks[].path duplicate — paths must be unique: ['/a', '/a']" },
  'M7.3': { message: "events.emits[].type 'other-app.thing' must be prefixed by app_id 'fixture-app' (cross-namespace block)" },
  'M8.2': { message: "exposed[].name duplicate — names must be unique: ['get', 'get']" },
};

describe('every rule has a passing and a failing fixture', () => {
  it('covers every rule id', () => {
    const ids = [...ALL_RULES, ...LOADER_RULES].map((r) => r.id).filter((id) => id !== 'PARSE');
    expect(ruleIds.sort()).toEqual(ids.sort());
  });

  it('documents every rule in docs/validator.md (level, trigger, fix)', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/validator.md'), 'utf8');
    for (const rule of [...ALL_RULES, ...LOADER_RULES]) {
      // Level cell, then trigger and fix cells (a `|` inside a cell is escaped as `\|`).
      const cell = '(?:[^|\\\\]|\\\\.)+';
      expect(doc, rule.id).toMatch(new RegExp(`^\\| ${rule.id.replace('.', '\\.')} \\| ${rule.level}${cell}?\\|${cell}\\|${cell}\\|$`, 'm'));
    }
  });

  for (const id of ruleIds) {
    describe(id, () => {
      it('does not fire on the passing fixture', async () => {
        const report = await validateFixture(join(FIXTURES, id, 'pass'));
        expect(report.findings.filter((f) => f.rule === id)).toEqual([]);
      });

      it('fires on the failing fixture, with a location, a level and a fix', async () => {
        const report = await validateFixture(join(FIXTURES, id, 'fail'));
        const hits = report.findings.filter((f) => f.rule === id);
        expect(hits.length).toBeGreaterThan(0);
        for (const hit of hits) {
          expect(hit.fix).not.toBe('');
          if (!['V8', 'V9', 'V12'].includes(id)) expect(hit.file).not.toBe('');
        }
        const oracle = ORACLE[id];
        if (oracle) {
          expect(hits.map((h) => h.message)).toContain(oracle.message);
          if (oracle.fix) expect(hits.map((h) => h.fix)).toContain(oracle.fix);
        }
      });
    });
  }
});
