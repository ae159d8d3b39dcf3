/**
 * The error raised when a UI factory is given something the panel renderer
 * cannot use.
 *
 * @module
 */
import { ImperalError } from '../errors.js';

/**
 * A UI factory was called with a value the wire does not allow: an unknown
 * variant, a missing required prop, an unknown prop name, a malformed list
 * item. Thrown while the tree is built, so the mistake points at the line
 * that made it rather than at a blank panel.
 */
export class UIValidationError extends ImperalError {
  /** The factory that refused the value, e.g. `Button`. */
  readonly component: string;
  /** The offending prop as the caller spelled it, e.g. `variant` or `items[2].label`. */
  readonly prop: string;
  /** The accepted values when the prop is an enumeration, otherwise empty. */
  readonly allowed: readonly string[];

  constructor(component: string, prop: string, problem: string, allowed: readonly string[] = []) {
    const hint = allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
    super(`ui.${component}: prop '${prop}' ${problem}${hint}`, { code: 'ui_validation_error' });
    this.component = component;
    this.prop = prop;
    this.allowed = allowed;
  }
}
