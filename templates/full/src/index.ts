import { Extension, ChatExtension, ActionResult, HealthStatus, WebhookResponse, isValidWebhookSignature, ui, z } from '@imperal/sdk';
import type { Context, Event, WebhookRequest } from '@imperal/sdk';

/** The extension: identity and marketplace listing. `imperal build` reads it from this module. */
export const ext = new Extension('__APP_ID__', {
  version: '1.0.0',
  displayName: '__DISPLAY_NAME__',
  description: '__DISPLAY_NAME__ — notes with every extension surface: chat, panel, skeleton, schedule, webhook and events.',
  icon: 'icon.svg',
  actionsExplicit: true,
  capabilities: ['__APP_ID__:read', '__APP_ID__:write'],
});

/** The chat surface: functions the assistant may call. */
export const chat = new ChatExtension(ext, { toolName: '__TOOL_NAME__', description: '__DISPLAY_NAME__ chat functions.' });

/** A stored note as functions return it. */
export const Note = z.object({ id: z.string(), text: z.string() });
/** Params of `create_note`. */
export const CreateNoteParams = z.object({ text: z.string().min(1).describe('The note text') });
/** Params of `list_notes`. */
export const ListNotesParams = z.object({ limit: z.number().int().min(1).max(100).default(20).describe('How many notes') });
/** What `list_notes` returns. */
export const NoteList = z.object({ items: z.array(Note), total: z.number().int() });
/** Cached note count (a cache model: `ctx.cache` validates values against it). */
export const NoteCount = z.object({ count: z.number().int() });

/** The header inbound webhooks carry their `sha256=<hex>` HMAC in. */
export const SIGNATURE_HEADER = 'x-signature';

ext.secret({ name: 'webhook_secret', description: 'Signing secret of the inbound /incoming webhook', required: true, scope: 'app', writeMode: 'both' });
ext.cacheModel('note_count', NoteCount);
ext.emits('__APP_ID__.note.created', { schemaRef: 'NoteCreated' });

/** Handlers of __DISPLAY_NAME__. */
export class Notes {
  /** Creates a note. */
  @chat.fn('create_note', {
    description: 'Create a note with the given text for the user.',
    actionType: 'write',
    params: CreateNoteParams,
    returns: Note,
    event: '__APP_ID__.note.created',
    effects: ['create:note'],
  })
  static async createNote(ctx: Context, params: z.infer<typeof CreateNoteParams>): Promise<ActionResult<z.infer<typeof Note>>> {
    const doc = await ctx.store.create('notes', { text: params.text });
    return ActionResult.success({ id: doc.id, text: params.text }, { summary: 'Note created', refreshPanels: ['sidebar'] });
  }

  /** Lists the user's notes. */
  @chat.fn('list_notes', {
    description: "List the user's notes, newest first.",
    actionType: 'read',
    params: ListNotesParams,
    returns: NoteList,
  })
  static async listNotes(ctx: Context, params: z.infer<typeof ListNotesParams>): Promise<ActionResult<z.infer<typeof NoteList>>> {
    const page = await ctx.store.query('notes', { limit: params.limit });
    const items = page.data.map((d) => ({ id: d.id, text: String(d.data.text) }));
    return ActionResult.success({ items, total: items.length }, { summary: `${items.length} note(s)` });
  }

  /** The sidebar: the user's notes. */
  @ext.panel('sidebar', { slot: 'left', title: '__DISPLAY_NAME__', icon: 'StickyNote', refresh: 'on_event:__APP_ID__.note.created' })
  static async sidebar(ctx: Context): Promise<ui.UINode> {
    const page = await ctx.store.query('notes', { limit: 50 });
    if (page.data.length === 0) return ui.Empty({ message: 'No notes yet' });
    return ui.Stack({ children: page.data.map((d) => ui.Text({ content: String(d.data.text) })) });
  }

  /** Facts for the assistant's context: how many notes the user has (cached for a minute). */
  @ext.skeleton('notes', { ttl: 300, description: 'Note count for the classifier' })
  static async notesSkeleton(ctx: Context): Promise<{ count: number }> {
    const cached = await ctx.cache.get('count', 'note_count');
    if (cached) return cached as { count: number };
    const page = await ctx.store.query('notes', { limit: 100 });
    const value = { count: page.data.length };
    await ctx.cache.set('count', 'note_count', value, { ttlSeconds: 60 });
    return value;
  }

  /** Nightly housekeeping. */
  @ext.schedule('nightly_cleanup', '0 3 * * *')
  static async nightly(ctx: Context): Promise<void> {
    ctx.log.info('nightly cleanup ran');
  }

  /** Inbound webhook: accepts a note from another service if the HMAC signature matches. */
  @ext.webhook('/incoming', { method: 'POST', secretHeader: 'X-Signature' })
  static async incoming(ctx: Context, request: WebhookRequest): Promise<WebhookResponse> {
    const secret = await ctx.secrets.get('webhook_secret');
    // `sha256=<hex>` HMAC over the raw body, compared in constant time.
    if (!secret || !isValidWebhookSignature({ secret, body: request.body, headers: request.headers, header: SIGNATURE_HEADER })) {
      return WebhookResponse.error('invalid signature', 401);
    }
    const { text } = CreateNoteParams.parse(request.json());
    ctx.log.info('note received by webhook', { length: text.length });
    return WebhookResponse.ok({ received: true });
  }

  /** Reacts to new mail (an event another extension emits). */
  @ext.onEvent('mail.received')
  static async onMail(ctx: Context, event: Event): Promise<void> {
    ctx.log.info('mail received', { type: event.eventType });
  }

  /** First-time setup for a new user. */
  @ext.onInstall()
  static async install(ctx: Context): Promise<void> {
    ctx.log.info('installed');
  }

  /** Migrates data written by versions before 2.0.0. */
  @ext.onUpgrade('2.0.0')
  static async upgrade(ctx: Context): Promise<void> {
    ctx.log.info('upgraded');
  }

  /** Cleans up when the user removes the extension. */
  @ext.onUninstall()
  static async uninstall(ctx: Context): Promise<void> {
    ctx.log.info('uninstalled');
  }

  /** Reports whether the extension can serve calls. */
  @ext.healthCheck()
  static async health(): Promise<HealthStatus> {
    return HealthStatus.ok();
  }
}
