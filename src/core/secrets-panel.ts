/**
 * The built-in `secrets` panel every extension that declares a secret gets: it
 * lists the declared secrets, whether each is set, and who enters it. Values are
 * never read here — only the declarations and `ctx.secrets.list()` statuses.
 *
 * @module
 */
import type { Context } from '../context/context.js';
import { Badge, ListItem, List } from '../ui/components/data.js';
import { Header } from '../ui/components/display.js';
import { Stack } from '../ui/components/layout.js';
import type { UINode } from '../ui/node.js';
import type { SecretRecord } from './records.js';

const WHO_WRITES: Record<SecretRecord['writeMode'], string> = {
  user: 'entered by you',
  extension: 'written by the extension',
  both: 'entered by you or the extension',
};

/** Builds the handler of the built-in secrets panel over the live declarations. */
export function secretsPanelHandler(secrets: ReadonlyMap<string, SecretRecord>): (ctx: Context) => Promise<UINode> {
  return async function secretsPanel(ctx: Context): Promise<UINode> {
    const statuses = new Map((await ctx.secrets.list()).map((s) => [s.name, s.isSet]));
    const items = [...secrets.values()].map((secret) => {
      const isSet = statuses.get(secret.name) ?? false;
      return ListItem({
        id: secret.name,
        title: secret.name,
        subtitle: secret.description,
        meta: WHO_WRITES[secret.writeMode],
        badge: isSet ? Badge({ label: 'set', color: 'green' }) : Badge({ label: secret.required ? 'required' : 'not set', color: secret.required ? 'red' : 'gray' }),
      });
    });
    return Stack([Header('Secrets'), List({ items })]);
  };
}
