/**
 * The built-in `secrets` panel every extension that declares a secret gets: it
 * lists the declared secrets so users know what to enter. Values are never read
 * here — only the declarations.
 *
 * @module
 */
import { UINode } from '../ui/node.js';
import type { SecretRecord } from './records.js';

/** Builds the handler of the built-in secrets panel over the live declarations. */
export function secretsPanelHandler(secrets: ReadonlyMap<string, SecretRecord>): () => UINode {
  return function secretsPanel(): UINode {
    const items = [...secrets.values()].map((secret) => ({
      id: secret.name,
      title: secret.name,
      subtitle: secret.description,
      badge: secret.required ? { label: 'required', color: 'red' } : undefined,
      meta: secret.writeMode === 'user' ? 'entered by you' : secret.writeMode === 'extension' ? 'written by the extension' : 'entered by you or the extension',
    }));
    const list = new UINode('List', { items: items.map((item) => new UINode('ListItem', withoutUndefined(item))) });
    const heading = new UINode('Text', { content: 'Secrets', variant: 'heading' });
    return new UINode('Stack', { children: [heading, list] });
  };
}

function withoutUndefined(props: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined));
}
