import { describe, expect, it } from 'vitest';
import { User, scopeAllows } from '../../src/context/identity.js';
import { ValidationError } from '../../src/errors.js';

describe('identity', () => {
  it('applies the scope wildcard rules', () => {
    const granted = ['cases.*', 'notes:read', 'mail:*', 'a.b.*'];
    for (const s of ['cases', 'cases.read', 'cases.read.x', 'a.b', 'a.b.c', 'notes:read', 'mail:*']) expect(scopeAllows(granted, s), s).toBe(true);
    for (const s of ['casesx', 'notes:write', 'mail:read', 'a', '*']) expect(scopeAllows(granted, s), s).toBe(false);
    expect(scopeAllows(['*'], 'anything')).toBe(true);
  });

  it('has exact, case-sensitive roles and is immutable', () => {
    const u = new User({ imperalId: 'u1', role: 'admin', scopes: ['x'] });
    expect(u.hasRole('admin')).toBe(true);
    expect(u.hasRole('Admin')).toBe(false);
    expect(() => ((u as { role: string }).role = 'user')).toThrow(TypeError);
    expect(() => (u.scopes as string[]).push('y')).toThrow(TypeError);
    expect(u.toDict()).toEqual({ imperal_id: 'u1', email: '', tenant_id: 'default', agency_id: null, org_id: null, role: 'admin', scopes: ['x'], attributes: {}, is_active: true });
  });

  it('rejects empty ids, naming the field', () => {
    expect(() => new User({ imperalId: '' })).toThrow(ValidationError);
    expect(() => new User({ imperalId: 'u', tenantId: '' })).toThrow(/tenantId/);
  });
});
