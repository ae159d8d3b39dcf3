import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { suggestSlot } from '../../src/validator/rules/PANEL-SLOT-1.js';
import { FIXTURES, validateFixture } from './helpers.js';

describe('findings point at the real place', () => {
  it('BIND-1 points at the unbound method inside its class, not at new Extension(...)', async () => {
    const report = await validateFixture(join(FIXTURES, 'BIND-1/fail'));
    const bind = report.findings.find((f) => f.rule === 'BIND-1')!;
    expect(bind.message).toContain("'Counter.count'");
    expect(bind.file).toBe('index.ts');
    // The decorated method starts at its decorator (line 11) and is declared on line 12.
    expect([11, 12]).toContain(bind.line);
  });

  it("PANEL-SLOT-1's fix names the slot meant", () => {
    expect(suggestSlot('sidebar')).toBe('left');
    expect(suggestSlot('main')).toBe('center');
    expect(suggestSlot('rigth')).toBe('right');
    expect(suggestSlot('whatever-else')).toBe('center');
  });
});
