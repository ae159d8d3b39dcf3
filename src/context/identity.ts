/**
 * Who a handler acts for (`ctx.user`) and in which tenant (`ctx.tenant`).
 *
 * @module
 */
import { ValidationError } from '../errors.js';

/** The reserved user id of schedules and other system-initiated calls. */
export const SYSTEM_USER_ID = '__system__';
/** The reserved user id of webhook handlers. */
export const WEBHOOK_USER_ID = '__webhook__';

/** Plain identity fields, as the kernel hands them over. */
export interface IdentityInit {
  /** The acting user's platform id (`__system__` for schedules). */
  imperalId: string;
  email?: string;
  role?: string;
  scopes?: readonly string[];
  tenantId?: string;
  agencyId?: string | null;
  orgId?: string | null;
  attributes?: Readonly<Record<string, unknown>>;
  isActive?: boolean;
}

/**
 * Whether `granted` allows `scope`: `*` allows everything, an exact entry allows
 * itself, and `p.*` allows `p` and anything below `p.` (colon scopes are never
 * expanded, so `mail:*` only matches the literal `mail:*`).
 */
export function scopeAllows(granted: readonly string[], scope: string): boolean {
  for (const entry of granted) {
    if (entry === '*' || entry === scope) return true;
    if (entry.endsWith('.*')) {
      const prefix = entry.slice(0, -2);
      if (scope === prefix || scope.startsWith(`${prefix}.`)) return true;
    }
  }
  return false;
}

/** The acting user (`ctx.user`); immutable. */
export class User {
  readonly imperalId: string;
  readonly email: string;
  readonly role: string;
  readonly scopes: readonly string[];
  readonly tenantId: string;
  readonly agencyId: string | null;
  readonly orgId: string | null;
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly isActive: boolean;

  constructor(init: IdentityInit) {
    if (typeof init.imperalId !== 'string' || init.imperalId.length === 0) {
      throw new ValidationError('imperalId', 'must be a non-empty user id (use "__system__" for system calls)');
    }
    const tenantId = init.tenantId ?? 'default';
    if (tenantId.length === 0) throw new ValidationError('tenantId', 'must be non-empty (the default tenant is "default")');
    this.imperalId = init.imperalId;
    this.email = init.email ?? '';
    this.role = init.role ?? 'user';
    this.scopes = Object.freeze([...(init.scopes ?? [])]);
    this.tenantId = tenantId;
    this.agencyId = init.agencyId ?? null;
    this.orgId = init.orgId ?? null;
    this.attributes = Object.freeze({ ...(init.attributes ?? {}) });
    this.isActive = init.isActive ?? true;
    Object.freeze(this);
  }

  /** True for the schedule/system identity. */
  get isSystem(): boolean {
    return this.imperalId === SYSTEM_USER_ID;
  }

  /** Whether the user holds `scope` (see {@link scopeAllows} for the wildcard rules). */
  hasScope(scope: string): boolean {
    return scopeAllows(this.scopes, scope);
  }

  /** Exact, case-sensitive role check; there is no role hierarchy. */
  hasRole(role: string): boolean {
    return this.role === role;
  }

  /** A copy acting as `imperalId`, marked as derived from the system user (`attributes.scoped_from`). */
  scopedTo(imperalId: string): User {
    return new User({
      imperalId,
      email: this.email,
      role: this.role,
      scopes: this.scopes,
      tenantId: this.tenantId,
      agencyId: this.agencyId,
      attributes: { ...this.attributes, scoped_from: this.imperalId },
      isActive: this.isActive,
    });
  }

  /** Wire form (snake_case), as the platform's `UserContext`. */
  toDict(): Record<string, unknown> {
    return {
      imperal_id: this.imperalId,
      email: this.email,
      tenant_id: this.tenantId,
      agency_id: this.agencyId,
      org_id: this.orgId,
      role: this.role,
      scopes: [...this.scopes],
      attributes: { ...this.attributes },
      is_active: this.isActive,
    };
  }
}

/** The tenant the call runs in (`ctx.tenant`); immutable. */
export interface Tenant {
  readonly tenantId: string;
  readonly name: string;
  readonly isActive: boolean;
  readonly features: Readonly<Record<string, unknown>>;
  readonly isolation: string;
}

/** Builds a frozen {@link Tenant} with the platform defaults. */
export function makeTenant(init: Partial<Tenant> & { tenantId: string }): Tenant {
  return Object.freeze({
    tenantId: init.tenantId,
    name: init.name ?? init.tenantId,
    isActive: init.isActive ?? true,
    features: Object.freeze({ ...(init.features ?? {}) }),
    isolation: init.isolation ?? 'shared',
  });
}
