import { Extension, ChatExtension, ActionResult, HealthStatus, z } from '@imperal/sdk';
import type { Context } from '@imperal/sdk';

/** The extension: identity and marketplace listing. `imperal build` reads it from this module. */
export const ext = new Extension('__APP_ID__', {
  version: '1.0.0',
  displayName: '__DISPLAY_NAME__',
  description: '__DISPLAY_NAME__ — a starter extension scaffolded by imperal init. Replace this with what your extension does.',
  icon: 'icon.svg',
  actionsExplicit: true,
  capabilities: ['__APP_ID__:read'],
});

/** The chat surface: functions the assistant may call. */
export const chat = new ChatExtension(ext, { toolName: '__TOOL_NAME__', description: '__DISPLAY_NAME__ chat functions.' });

/** Params of `greet`: the schema becomes `params_schema` in imperal.json and validates every call. */
export const GreetParams = z.object({ name: z.string().default('World').describe('Person to greet') });

/** What `greet` returns (`return_schema` in imperal.json). */
export const GreetResult = z.object({ message: z.string().describe('The greeting') });

/** Handlers of __DISPLAY_NAME__. */
export class Greeter {
  /** Greets someone by name. */
  @chat.fn('greet', {
    description: 'Greet someone by name with a friendly message.',
    actionType: 'read',
    params: GreetParams,
    returns: GreetResult,
  })
  static async greet(_ctx: Context, params: z.infer<typeof GreetParams>): Promise<ActionResult<z.infer<typeof GreetResult>>> {
    return ActionResult.success({ message: `Hello, ${params.name}!` }, { summary: `Greeted ${params.name}` });
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
