/**
 * The UI renderer: draws any 5.11 UI tree (all 60 component factories, which
 * emit 56 wire types, and the 4 actions).
 */
import { DATA } from './data';
import { DISPLAY } from './display';
import { FEEDBACK } from './feedback';
import { INPUTS } from './inputs';
import { INTERACTIVE } from './interactive';
import { LAYOUT } from './layout';
import { VIEWS } from './views';

Object.assign(VIEWS, LAYOUT, DATA, DISPLAY, INTERACTIVE, FEEDBACK, INPUTS);

/** Wire types the renderer draws. */
export const RENDERED_TYPES = Object.keys(VIEWS);
export { UI } from './node';
export { HostContext, type RenderHost, type WireAction } from './context';
