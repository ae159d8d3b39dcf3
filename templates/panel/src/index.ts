import { Extension, ChatExtension, ActionResult, HealthStatus, ui, z } from '@imperal/sdk';
import type { Context } from '@imperal/sdk';

/** The extension: identity and marketplace listing. `imperal build` reads it from this module. */
export const ext = new Extension('__APP_ID__', {
  version: '1.0.0',
  displayName: '__DISPLAY_NAME__',
  description: '__DISPLAY_NAME__ — notes the assistant can add, shown in a sidebar panel. Scaffolded by imperal init.',
  icon: 'icon.svg',
  actionsExplicit: true,
  capabilities: ['__APP_ID__:read', '__APP_ID__:write'],
});

/** The chat surface: functions the assistant may call. */
export const chat = new ChatExtension(ext, { toolName: '__TOOL_NAME__', description: '__DISPLAY_NAME__ chat functions.' });

/** Params of `add_note`. */
export const AddNoteParams = z.object({ text: z.string().min(1).describe('The note text') });

/** What `add_note` returns. */
export const AddNoteResult = z.object({ id: z.string(), text: z.string() });

/** Handlers of __DISPLAY_NAME__. */
export class Notes {
  /** Saves a note for the user and refreshes the sidebar. */
  @chat.fn('add_note', {
    description: 'Save a short note for the user; it appears in the sidebar panel.',
    actionType: 'write',
    params: AddNoteParams,
    returns: AddNoteResult,
    event: '__APP_ID__.note.added',
    effects: ['create:note'],
  })
  static async addNote(ctx: Context, params: z.infer<typeof AddNoteParams>): Promise<ActionResult<z.infer<typeof AddNoteResult>>> {
    const doc = await ctx.store.create('notes', { text: params.text });
    return ActionResult.success({ id: doc.id, text: params.text }, { summary: 'Note saved', refreshPanels: ['sidebar'] });
  }

  /** The sidebar: the user's notes, newest first. */
  @ext.panel('sidebar', { slot: 'left', title: '__DISPLAY_NAME__', icon: 'StickyNote', refresh: 'on_event:__APP_ID__.note.added' })
  static async sidebar(ctx: Context): Promise<ui.UINode> {
    const page = await ctx.store.query('notes', { limit: 50 });
    if (page.data.length === 0) return ui.Empty({ message: 'No notes yet — ask the assistant to add one.' });
    return ui.Stack({ children: page.data.map((d) => ui.Text({ content: String(d.data.text) })) });
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

ext.emits('__APP_ID__.note.added', { schemaRef: 'NoteAdded' });
