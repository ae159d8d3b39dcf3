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
// The UI types by name too: a handler's inferred return type (`Promise<UINode<'Stack'>>`)
// must be nameable from the entry point a project imports, or `declaration: true` fails (TS2742).
export type { UINode, UIAction, UIActionKind, WireNode, WireAction, NodeIdentity, NodeOptions, Child, Children, Factory, Factory1, Factory2, OptionsArg } from './ui/index.js';
export { UIValidationError } from './ui/errors.js';
export * from './context/index.js';
export * from './security/index.js';
export { z } from 'zod';
export * from './rpc/index.js';
