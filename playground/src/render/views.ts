/** The registry of component views (filled by ./index). */
import type { JSX } from 'preact';

/** Draws one component from its props. */
export type ComponentView = (props: Record<string, unknown>) => JSX.Element | null;

/** Views by wire type. */
export const VIEWS: Record<string, ComponentView> = {};
