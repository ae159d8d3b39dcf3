/**
 * The identity a mock client acts for (the mock counterpart of the real
 * clients' `ClientScope`, without credentials).
 *
 * @module
 */
import type { PlatformState } from '../engine/platform.js';

/** Who a mock client acts for, and the platform it reads and writes. */
export interface MockScope {
  readonly platform: PlatformState;
  readonly extensionId: string;
  readonly userId: string;
  readonly tenantId: string;
}
