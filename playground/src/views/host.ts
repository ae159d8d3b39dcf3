/** The RenderHost of the playground: what the 4 actions do when a rendered UI fires them. */
import { api } from '../api';
import type { RenderHost, WireAction } from '../render';
import { refreshPanels, type AppState } from '../state';

/** Runs actions for UI rendered in `app`; `onResult` sees each Call's ActionResult. */
export function makeHost(app: AppState, onResult?: (result: any) => void): RenderHost {
  return {
    act(action: WireAction, values?: Record<string, unknown>) {
      switch (action.action) {
        case 'call': {
          const params = { ...((action.params as Record<string, unknown>) ?? {}), ...(values ?? {}) };
          const fn = String(action.function ?? '');
          void api('call', 'POST', { function: fn, params, as: app.identity })
            .then((result) => {
              app.notify(`${fn}: ${result.status}${result.summary ? ` — ${result.summary}` : ''}${result.error ? ` — ${result.error}` : ''}`);
              onResult?.(result);
              refreshPanels(Array.isArray(result.refresh_panels) ? result.refresh_panels : null);
            })
            .catch((e: Error) => app.notify(`${fn} failed: ${e.message}`));
          return;
        }
        case 'navigate':
          app.navigate(String(action.path ?? ''));
          return;
        case 'send':
          app.sendChat(String(action.message ?? ''));
          return;
        case 'open':
          window.open(String(action.url ?? ''), '_blank', 'noopener');
          app.notify(`opened ${String(action.url ?? '')}`);
          return;
        default:
          app.notify(`unknown action '${action.action}' (not run): ${JSON.stringify(action)}`);
      }
    },
  };
}
