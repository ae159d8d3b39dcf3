/**
 * The kernel ↔ extension RPC envelope, version 1: the request the platform sends
 * to run one function of an extension, and the reply it expects. Field names,
 * order, constraints and the decoding rules match the platform's codec, so a TS
 * extension host is indistinguishable from a Python one on this channel.
 *
 * Nanosecond timestamps exceed JavaScript's exact-integer range, so they are
 * `bigint`s here and are written to JSON as plain integers, digit for digit.
 *
 * The zod schemas below are the reference (docs, tests, other tools); the codec
 * itself runs the equivalent hand-written checks of `envelope-check.ts` and
 * `JSON.parse` with exact large integers (`exact-json.ts`), because this is every
 * call's hot path.
 *
 * @module
 */
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { rememberedWireJson } from '../core/wire-json.js';
import { checkReply, checkRequest } from './envelope-check.js';
import { parseExactJson, parseJsonExactTop, stringifyExactJson } from '../http/exact-json.js';

const nanoseconds = z.union([z.bigint(), z.number().int(), z.string().regex(/^-?\d+$/)]).transform((v) => BigInt(v));
const corrId = z.string().min(16).max(64);

/** A request to run `function` of `app_id` for a user. */
export const RpcRequestSchema = z.object({
  v: z.literal(1).default(1),
  corr_id: corrId,
  user_id: z.string().min(1).max(128),
  tenant_id: z.string().min(1).max(64),
  agency_id: z.string().nullable().default(null),
  email: z.string(),
  role: z.string(),
  scopes: z.array(z.string()).default([]),
  attributes: z.record(z.string(), z.unknown()).default({}),
  app_id: z.string(),
  function: z.string(),
  params: z.record(z.string(), z.unknown()).default({}),
  reply_list: z.string(),
  deadline_ns: nanoseconds,
  submitted_at_ns: nanoseconds,
});

/** Why a call failed, as the platform classifies it. */
export const RPC_ERROR_CATEGORIES = ['application', 'infrastructure', 'timeout', 'schema_violation', 'tenant_mismatch'] as const;

/** A failure reported in a reply. */
export const RpcErrorSchema = z.object({
  category: z.enum(RPC_ERROR_CATEGORIES),
  message: z.string(),
  retryable: z.boolean(),
});

/** The reply to a request. */
export const RpcReplySchema = z
  .object({
    v: z.literal(1).default(1),
    corr_id: corrId,
    status: z.enum(['success', 'error']),
    result: z.record(z.string(), z.unknown()).nullable().default(null),
    worker_id: z.string(),
    started_at_ns: nanoseconds,
    finished_at_ns: nanoseconds,
    error: RpcErrorSchema.nullable().default(null),
  })
  .superRefine((reply, ctx) => {
    if (reply.status === 'error' && !reply.error) ctx.addIssue({ code: 'custom', path: ['error'], message: "status 'error' needs an error" });
    if (reply.status === 'success' && reply.error) ctx.addIssue({ code: 'custom', path: ['error'], message: "status 'success' carries no error" });
  });

/** A decoded request. */
export type RpcRequest = z.output<typeof RpcRequestSchema>;
/** A decoded reply. */
export type RpcReply = z.output<typeof RpcReplySchema>;
/** A reply's error. */
export type RpcError = z.output<typeof RpcErrorSchema>;
/** An error category. */
export type RpcErrorCategory = (typeof RPC_ERROR_CATEGORIES)[number];

/** Options of the decoders. */
export interface DecodeOptions {
  /** Refuse envelopes without `v` (default: accept them as version 1, marked legacy). */
  strictVersion?: boolean;
}

/** What a decoder returns. */
export interface Decoded<T> {
  readonly value: T;
  /** True when the payload had no `v` (sent by a platform older than version 1). */
  readonly legacyEnvelope: boolean;
}

/** Decodes a request payload (JSON text or a parsed object). @throws {@link ValidationError} naming the field. */
export function decodeRequest(payload: string | object, options: DecodeOptions = {}): Decoded<RpcRequest> {
  return decode(checkRequest, payload, options, REQUEST_NS);
}

/** Decodes a reply payload (JSON text or a parsed object). @throws {@link ValidationError} naming the field. */
export function decodeReply(payload: string | object, options: DecodeOptions = {}): Decoded<RpcReply> {
  return decode(checkReply, payload, options, REPLY_NS);
}

const str = (value: string): string => JSON.stringify(value);

/** The JSON text of a request: every field, in wire order, nulls included. @throws {@link ValidationError} */
export function encodeRequest(request: z.input<typeof RpcRequestSchema>): string {
  const r = checkRequest(request);
  return (
    `{"v":1,"corr_id":${str(r.corr_id)},"user_id":${str(r.user_id)},"tenant_id":${str(r.tenant_id)},` +
    `"agency_id":${r.agency_id === null ? 'null' : str(r.agency_id)},"email":${str(r.email)},"role":${str(r.role)},` +
    `"scopes":${JSON.stringify(r.scopes)},"attributes":${json('attributes', r.attributes)},"app_id":${str(r.app_id)},` +
    `"function":${str(r.function)},"params":${json('params', r.params)},"reply_list":${str(r.reply_list)},` +
    `"deadline_ns":${r.deadline_ns},"submitted_at_ns":${r.submitted_at_ns}}`
  );
}

/** The JSON text of a reply: every field, in wire order, nulls included. @throws {@link ValidationError} */
export function encodeReply(reply: z.input<typeof RpcReplySchema>): string {
  const r = checkReply(reply);
  const error = r.error === null ? 'null' : `{"category":${str(r.error.category)},"message":${str(r.error.message)},"retryable":${r.error.retryable}}`;
  // A result the dispatcher already wrote (and checked) is not written again.
  const result = r.result === null ? 'null' : (rememberedWireJson(r.result) ?? json('result', r.result));
  return (
    `{"v":1,"corr_id":${str(r.corr_id)},"status":${str(r.status)},"result":${result},"worker_id":${str(r.worker_id)},` +
    `"started_at_ns":${r.started_at_ns},"finished_at_ns":${r.finished_at_ns},"error":${error}}`
  );
}

/** True when `payload` has no `v` key (a pre-version-1 envelope). */
export function isLegacyEnvelope(payload: string | object): boolean {
  const parsed = typeof payload === 'string' ? parseJson(() => parseExactJson(payload)) : payload;
  return parsed !== null && typeof parsed === 'object' && !('v' in parsed);
}

// The fields holding nanoseconds, and the free-form fields whose own large integers must stay exact too
// (other fields are strings or dropped, so their numbers need no exact digits).
const REQUEST_NS = { top: ['deadline_ns', 'submitted_at_ns'], deep: ['params', 'attributes'] } as const;
const REPLY_NS = { top: ['started_at_ns', 'finished_at_ns'], deep: ['result'] } as const;

function decode<T>(
  check: (value: unknown, exact?: Readonly<Record<string, bigint>>) => T,
  payload: string | object,
  options: DecodeOptions,
  nsKeys: { readonly top: readonly string[]; readonly deep: readonly string[] },
): Decoded<T> {
  let parsed: unknown = payload;
  let exact: Readonly<Record<string, bigint>> | undefined;
  if (typeof payload === 'string') ({ value: parsed, top: exact } = parseJson(() => parseJsonExactTop(payload, nsKeys.top, nsKeys.deep)));
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ValidationError('', 'an RPC envelope must be a JSON object');
  const legacyEnvelope = !('v' in parsed);
  if (legacyEnvelope && options.strictVersion) throw new ValidationError('v', 'missing envelope version (strict mode)');
  return { value: check(parsed, exact), legacyEnvelope };
}

function parseJson<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new ValidationError('', `an RPC envelope must be JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** JSON text of a free-form field (bigints digit for digit); what JSON cannot carry is a ValidationError naming the field. */
function json(field: string, value: unknown): string {
  try {
    return stringifyExactJson(value);
  } catch (error) {
    throw new ValidationError(field, `cannot be written as JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
