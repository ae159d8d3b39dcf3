import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@babel/parser';
import { describe, expect, it } from 'vitest';
import { returnsOnlyActionResult } from '../../src/validator/source/handler.js';
import type { FunctionLike } from '../../src/validator/source/nodes.js';
import { projectTypeScript, returnTypes } from '../../src/validator/types/return-types.js';
import { FIXTURES, validateFixture } from './helpers.js';

const fnOf = (code: string): FunctionLike =>
  (parse(code, { sourceType: 'module', plugins: ['typescript'] }).program.body[0] as unknown as { declarations: Array<{ init: FunctionLike }> }).declarations[0]!.init;

describe('V5/V18 accept the return type TypeScript infers', () => {
  it('passes un-annotated ActionResult handlers (also through a helper) and still fails plain data', { timeout: 180_000 }, async () => {
    const report = await validateFixture(join(FIXTURES, '_inferred'));
    const hits = report.findings.filter((f) => f.rule === 'V5' || f.rule === 'V18').map((f) => `${f.rule} ${/'([^']+)'/.exec(f.message)![1]}`);
    expect(hits).toEqual(['V5 plain_thing', 'V18 plain_thing']);
  });

  it("uses the project's own typescript, and answers undefined where none resolves", () => {
    expect(projectTypeScript(join(import.meta.dirname, '../..'))).toBeDefined();
    const empty = mkdtempSync(join(tmpdir(), 'no-ts-'));
    try {
      expect(projectTypeScript(empty)).toBeUndefined();
      expect(returnTypes(empty, [join(empty, 'index.ts')]).verdict(join(empty, 'index.ts'), 0)).toBeUndefined();
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('falls back to reading the returns: calls, conditionals, ?? and locals initialised with an ActionResult', () => {
    expect(returnsOnlyActionResult(fnOf('const f = async () => ActionResult.success({})'))).toBe(true);
    expect(returnsOnlyActionResult(fnOf('const f = async (x) => { if (x) return ActionResult.error("no", { code: "X" }); return x ? ActionResult.success(1) : ActionResult.error("e"); }'))).toBe(true);
    expect(returnsOnlyActionResult(fnOf('const f = async () => { const r = ActionResult.success(1); return r; }'))).toBe(true);
    expect(returnsOnlyActionResult(fnOf('const f = async () => { return { ok: true }; }'))).toBe(false);
    expect(returnsOnlyActionResult(fnOf('const f = async (x) => x ? ActionResult.success(1) : { ok: 1 }'))).toBe(false);
    expect(returnsOnlyActionResult(fnOf('const f = async () => { console.log(1); }'))).toBe(false);
  });
});
