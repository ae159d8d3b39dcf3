/**
 * Tasks (Mini): a small task manager the assistant can drive in plain language.
 *
 * It shows the main surfaces of an Imperal extension: chat functions with zod
 * params, a sidebar panel, a skeleton section for the assistant's context, a
 * daily schedule that acts for each user, a signed webhook, an event handler,
 * lifecycle hooks and a health check.
 */
import { ActionResult, ChatExtension, Extension, HealthStatus, WebhookResponse, ui, verifyWebhookSignature, z } from '@imperal/sdk';
import type { Context, Event, SystemContext, WebhookContext, WebhookRequest } from '@imperal/sdk';

export const ext = new Extension('tasks-mini', {
  version: '1.0.0',
  displayName: 'Tasks (Mini)',
  description: 'A task manager the assistant can drive in plain language: add, list, complete and clear tasks.',
  icon: 'icon.svg',
  actionsExplicit: true,
  capabilities: ['tasks-mini:read', 'tasks-mini:write'],
});

export const chat = new ChatExtension(ext, { toolName: 'tasks', description: 'Task assistant' });

ext.emits('tasks-mini.task.created', { schemaRef: 'TaskCreated' });
ext.emits('tasks-mini.task.completed');
ext.secret({
  name: 'webhook_secret',
  description: 'Shared secret that signs incoming task webhooks.',
  scope: 'app',
  envFallback: 'IMPERAL_APPSECRET_TASKS_WEBHOOK',
});

const CreateTask = z.object({
  title: z.string().min(1).describe('What needs to be done'),
  due: z.iso.date().optional().describe('Due date, YYYY-MM-DD'),
});
const TaskId = z.object({ task_id: z.string().min(1).describe('The id of the task') });
const ListTasks = z.object({ include_done: z.boolean().default(false).describe('Also list completed tasks') });
const TaskOut = z.object({ id: z.string(), title: z.string(), done: z.boolean() });
const TaskList = z.object({ tasks: z.array(TaskOut.extend({ due: z.string().optional() })) });
const TaskRef = z.object({ id: z.string() });

type Task = { title: string; done: boolean; due?: string };

export class Tasks {
  /** Creates a task for the current user. */
  @chat.fn('create_task', {
    description: 'Create a task for the user with a title and an optional due date.',
    actionType: 'write',
    params: CreateTask,
    returns: TaskOut,
    event: 'tasks-mini.task.created',
    effects: ['create:task'],
  })
  static async createTask(ctx: Context, p: z.infer<typeof CreateTask>): Promise<ActionResult<z.infer<typeof TaskOut>>> {
    const doc = await ctx.store.create('tasks', { title: p.title, done: false, ...(p.due ? { due: p.due } : {}) });
    return ActionResult.success({ id: doc.id, title: p.title, done: false }, { summary: `Created "${p.title}"`, refreshPanels: ['sidebar'] });
  }

  /** Lists the user's tasks. */
  @chat.fn('list_tasks', { description: 'List the user’s open tasks, or all tasks when asked to.', params: ListTasks, returns: TaskList })
  static async listTasks(ctx: Context, p: z.infer<typeof ListTasks>): Promise<ActionResult<{ tasks: Array<{ id: string } & Task> }>> {
    const page = await ctx.store.query('tasks', p.include_done ? { limit: 100 } : { where: { done: false }, limit: 100 });
    const tasks = page.data.map((d) => ({ id: d.id, ...(d.data as Task) }));
    return ActionResult.success({ tasks }, { summary: `${tasks.length} task(s)` });
  }

  /** Marks a task as done. */
  @chat.fn('complete_task', {
    description: 'Mark one of the user’s tasks as done, by its id.',
    actionType: 'write',
    params: TaskId,
    returns: TaskRef,
    event: 'tasks-mini.task.completed',
    effects: ['update:task'],
    idProjection: 'task_id',
  })
  static async completeTask(ctx: Context, p: z.infer<typeof TaskId>): Promise<ActionResult<z.infer<typeof TaskRef>>> {
    const doc = await ctx.store.get('tasks', p.task_id);
    if (!doc) return ActionResult.error(`No task with id '${p.task_id}'. List the tasks to find the right id.`, { code: 'TASK_NOT_FOUND' });
    await ctx.store.update('tasks', p.task_id, { ...doc.data, done: true });
    return ActionResult.success({ id: p.task_id }, { summary: `Completed "${String(doc.data.title)}"`, refreshPanels: ['sidebar'] });
  }

  /** The sidebar: open tasks with a button to complete each. */
  @ext.panel('sidebar', { slot: 'left', title: 'Tasks', icon: 'ListChecks', refresh: 'on_event:tasks-mini.task.created' })
  static async sidebar(ctx: Context) {
    const page = await ctx.store.query('tasks', { where: { done: false }, limit: 50 });
    if (page.data.length === 0) return ui.Empty({ message: 'No open tasks — ask the assistant to add one.' });
    return ui.List({
      items: page.data.map((d) =>
        ui.ListItem({
          id: d.id,
          title: String(d.data.title),
          subtitle: d.data.due ? `due ${String(d.data.due)}` : undefined,
          actions: [{ icon: 'Check', label: 'Done', onClick: ui.Call('complete_task', { task_id: d.id }) }],
        }),
      ),
    });
  }

  /** What the assistant knows about the user's tasks before each message. */
  @ext.skeleton('tasks', { ttl: 120, description: 'Open task count and the next due task' })
  static async skeleton(ctx: Context) {
    const open = await ctx.store.query('tasks', { where: { done: false }, limit: 100 });
    const due = open.data.map((d) => d.data as Task).filter((t) => t.due).sort((a, b) => String(a.due).localeCompare(String(b.due)));
    return { response: { open: open.data.length, next_due: due[0]?.title ?? null } };
  }

  /** Every morning, each user with open tasks gets a reminder. */
  @ext.schedule('morning_digest', '0 8 * * *')
  static async morningDigest(ctx: SystemContext) {
    for await (const userId of ctx.store.listUsers('tasks')) {
      const user = ctx.asUser(userId);
      const open = await user.store.count('tasks', { done: false });
      if (open > 0) await user.notify.send(`You have ${open} open task(s) today.`);
    }
  }

  /** Other services create tasks by POSTing signed JSON `{ "user_id", "title" }`. */
  @ext.webhook('/incoming', { method: 'POST', secretHeader: 'X-Tasks-Signature' })
  static async incoming(ctx: WebhookContext, req: WebhookRequest) {
    const secret = await ctx.secrets.get('webhook_secret');
    if (!secret) return WebhookResponse.error('webhooks are not configured', 503);
    verifyWebhookSignature({ secret, body: req.body, headers: req.headers, header: 'X-Tasks-Signature' });
    const body = z.object({ user_id: z.string(), title: z.string().min(1) }).parse(req.json());
    return WebhookResponse.json({ accepted: body.title, by: ctx.user.imperalId }, 202);
  }

  /** Records each completion, for a future statistics panel. */
  @ext.onEvent('tasks-mini.task.completed')
  static async onCompleted(ctx: Context, event: Event) {
    await ctx.store.create('completions', { task_id: String(event.data.id ?? ''), at: event.timestamp });
  }

  @ext.onInstall()
  static async onInstall(ctx: SystemContext) {
    ctx.log.info('tasks-mini installed');
  }

  @ext.healthCheck()
  static async health() {
    return HealthStatus.ok({ store: 'reachable' });
  }
}
