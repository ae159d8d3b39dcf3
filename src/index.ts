/**
 * `@imperal/sdk`: build Imperal Cloud extensions in TypeScript.
 *
 * @example
 * import { Extension, ChatExtension, ActionResult, ui, z } from '@imperal/sdk';
 *
 * @module
 */
export * from './core/index.js';
export * from './types/index.js';
export * from './errors.js';
export * as ui from './ui/index.js';
export { UIValidationError } from './ui/errors.js';
export * from './context/index.js';
export * from './security/index.js';
export { z } from 'zod';
export * from './rpc/index.js';
