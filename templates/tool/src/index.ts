import { Extension, HealthStatus, z } from '@imperal/sdk';
import type { Context } from '@imperal/sdk';

/** The extension: identity and marketplace listing. `imperal build` reads it from this module. */
export const ext = new Extension('__APP_ID__', {
  version: '1.0.0',
  displayName: '__DISPLAY_NAME__',
  description: '__DISPLAY_NAME__ — a raw tool for automations and chains, scaffolded by imperal init.',
  icon: 'icon.svg',
  actionsExplicit: true,
  capabilities: ['__APP_ID__:read'],
});

/** Params of the tool (they become its `parameters` in imperal.json). */
export const RunParams = z.object({ input: z.string().default('').describe('Free-form input') });

/** Handlers of __DISPLAY_NAME__. */
export class Tools {
  /** The tool automations and chains invoke. */
  @ext.tool('__TOOL_NAME__', {
    description: '__DISPLAY_NAME__ — invoke from automations or chains.',
    scopes: ['__APP_ID__:read'],
    params: RunParams,
  })
  static async run(_ctx: Context, params: z.infer<typeof RunParams>): Promise<{ message: string; input: string }> {
    return { message: 'ok', input: params.input };
  }

  /** First-time setup for a new user. */
  @ext.onInstall()
  static async install(ctx: Context): Promise<void> {
    ctx.log.info('installed');
  }

  /** Reports whether the extension can serve calls. */
  @ext.healthCheck()
  static async health(): Promise<HealthStatus> {
    return HealthStatus.ok();
  }
}
