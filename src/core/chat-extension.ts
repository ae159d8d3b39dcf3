/**
 * `ChatExtension`: groups the LLM-callable functions of an extension under one
 * chat tool name. Functions are registered with {@link ChatExtension.fn} (or its
 * alias {@link ChatExtension.function}).
 *
 * @module
 */
import { RegistrationError } from '../errors.js';
import { IDENTIFIER_PATTERN, requireName, requireOneOf, requirePattern } from './checks.js';
import { registrar, requireCalled, type Registrar } from './decorate.js';
import type { Extension } from './extension.js';
import type { ParamsOf } from './options.js';
import type { ChatHandler } from './handlers.js';
import type { ActionType, ChatFunctionRecord } from './records.js';
import type { ChatGroup } from './registry.js';
import { withAliases, type ParamAliases } from './aliases.js';
import { compileSchema, type SchemaLike } from './schema.js';
import type { InferSchemaInput, ReturnsOf } from './typed-functions.js';

/** Options of `new ChatExtension(ext, options)`. */
export interface ChatExtensionOptions {
  /** The chat tool the functions are grouped under (default `tool_<app_id>_chat`). */
  toolName?: string;
  description?: string;
  /** Extra instructions for the assistant about this extension. */
  systemPrompt?: string;
  /** Upper bound on tool-use rounds per message (default 10). */
  maxRounds?: number;
}

/** Options of `chat.fn(name, options)`. */
export interface FunctionOptions<S extends SchemaLike | undefined = undefined, R extends SchemaLike | undefined = undefined> {
  /** What the function does, inputs and outputs: the LLM reads this to choose it (≥ 20 chars). */
  description: string;
  /** Params schema (a zod object, a shape of zod fields, or a Standard Schema). */
  params?: S;
  /**
   * Schema of `data` in a successful result; becomes `return_schema`. Like pydantic's
   * default (validation) mode, the schema describes what the model accepts.
   */
  returns?: R;
  /** `read` (default), `write` or `destructive`. */
  actionType?: ActionType;
  /** Event emitted after a successful write, e.g. `tasks.task.created`. */
  event?: string;
  /** What the call changes, e.g. `['create:task']`. */
  effects?: string[];
  /** May be called as a step of a multi-step plan (default `true`). */
  chainCallable?: boolean;
  /** Param holding the id of the entity the call acts on. */
  idProjection?: string;
  /** The kernel runs it in the background and reports when done. */
  background?: boolean;
  /** May take longer than a chat turn. */
  longRunning?: boolean;
  /**
   * Other names each param is accepted under (Pydantic's `AliasChoices`), applied
   * before validation and not shown in `params_schema`:
   * `aliases: { folder_id: ['folder', 'folderId'] }`.
   */
  aliases?: ParamAliases<InferSchemaInput<S>>;
}

/** A group of chat functions on an {@link Extension}. */
export class ChatExtension {
  /** The extension the functions belong to. */
  readonly ext: Extension;
  /** The chat tool name (`owner_chat_tool` of every function). */
  readonly toolName: string;
  /** What this group of functions is for. */
  readonly description: string;
  /** Extra instructions for the assistant about this extension. */
  readonly systemPrompt: string;
  /** Upper bound on tool-use rounds per message. */
  readonly maxRounds: number;
  readonly #functions = new Map<string, ChatFunctionRecord>();

  /** This group's functions, in registration order. */
  get functions(): ReadonlyMap<string, ChatFunctionRecord> {
    return this.#functions;
  }

  /**
   * The same registration as {@link ChatExtension.fn}. In decorator position write
   * `@chat.fn(...)`: esbuild (tsup, vitest, most loaders) rejects `@chat.function(`,
   * because `function` is a reserved word; the higher-order form accepts either.
   */
  readonly function: ChatExtension['fn'];

  /** Groups chat functions on `ext` (the toolName must be unique per extension). */
  constructor(ext: Extension, options: ChatExtensionOptions = {}) {
    const subject = `new ChatExtension(ext, { toolName: ${JSON.stringify(options.toolName)} })`;
    // Any name the platform takes (it is only `owner_chat_tool` in 5.x), e.g. 'page-speed-insights'.
    if (options.toolName !== undefined) requireName(subject, 'toolName', options.toolName, "name the chat tool, e.g. 'tasks', or leave toolName out");
    this.ext = ext;
    this.toolName = options.toolName ?? `tool_${ext.appId}_chat`;
    this.description = options.description ?? '';
    this.systemPrompt = options.systemPrompt ?? '';
    this.maxRounds = options.maxRounds ?? 10;
    this.function = this.fn.bind(this);
    const group: ChatGroup = this;
    ext.registry.addChat(group, subject);
  }

  /** Registers an LLM-callable function. */
  fn<S extends SchemaLike | undefined = undefined, R extends SchemaLike | undefined = undefined>(
    name: string,
    options: FunctionOptions<S, R>,
  ): Registrar<ChatHandler<ParamsOf<S>, ReturnsOf<R>>> {
    requireCalled("@chat.fn('<name>', { description: '…' })", arguments);
    const subject = `@chat.fn('${name}')`;
    requirePattern(subject, 'function name', name, IDENTIFIER_PATTERN, "use letters, digits and '_', not starting with a digit");
    if (options === null || typeof options !== 'object') {
      throw new RegistrationError(subject, 'options are required', `pass at least a description: @chat.fn('${name}', { description: '…' })`);
    }
    const actionType = requireOneOf(subject, 'actionType', options?.actionType ?? 'read', ['read', 'write', 'destructive'] as const, undefined, 'V4');
    const compiled = options.params === undefined ? undefined : compileSchema(options.params, { subject: `${subject} params`, io: 'input', requireObject: true });
    const params = withAliases(subject, compiled, options.aliases as Record<string, readonly string[]> | undefined);
    const returns =
      options.returns === undefined ? undefined : compileSchema(options.returns, { subject: `${subject} returns`, io: 'input', requireObject: false });
    return registrar(subject, (handler) => {
      const record: ChatFunctionRecord = {
        name,
        description: options.description ?? '',
        actionType,
        chainCallable: options.chainCallable ?? true,
        effects: [...(options.effects ?? [])],
        idProjection: options.idProjection ?? '',
        event: options.event ?? '',
        background: options.background ?? false,
        longRunning: options.longRunning ?? false,
        params,
        get paramsSchema() {
          return params?.jsonSchema ?? {};
        },
        returns,
        get returnSchema() {
          return returns?.jsonSchema ?? {};
        },
        ownerChatTool: this.toolName,
        handler,
      };
      this.ext.registry.addFunction(this.#functions, record, subject);
    });
  }
}
