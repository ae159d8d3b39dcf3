/**
 * Reading stream entries and answering the ones that cannot be decoded.
 *
 * @module
 */
import { encodeReply } from '../../rpc/envelope.js';
import { buildErrorReply, nowNs, RPC_ERROR_MESSAGE_MAX } from '../../rpc/replies.js';

/** The value of `name` in an entry's flat `[field, value, …]` list. */
export function entryField(fields: readonly string[] | null | undefined, name: string): string | undefined {
  if (!fields) return undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

/** What can be read from a payload that failed to decode: where to answer, and for which call. */
export interface LooseAddress {
  readonly replyList?: string;
  readonly corrId?: string;
}

/** Reads `reply_list` and `corr_id` from a payload without validating anything else. */
export function looseAddress(payload: string | undefined): LooseAddress {
  if (payload === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(payload);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const { reply_list: replyList, corr_id: corrId } = parsed as Record<string, unknown>;
    return {
      replyList: typeof replyList === 'string' && replyList.length > 0 ? replyList : undefined,
      corrId: typeof corrId === 'string' ? corrId : undefined,
    };
  } catch {
    return {};
  }
}

/**
 * The JSON of an error reply for a call that could not be decoded. Its `corr_id`
 * may itself be what is wrong, so the codec's checks cannot apply: the reply is
 * then written field for field in wire order (the caller still gets an answer
 * instead of waiting out its deadline).
 */
export function errorReplyJson(corrId: string | undefined, category: 'schema_violation' | 'infrastructure', message: string, workerId: string, retryable = false): string {
  const now = nowNs();
  const id = corrId ?? '';
  if (id.length >= 16 && id.length <= 64) {
    return encodeReply(buildErrorReply({ corrId: id, category, message, retryable, workerId, startedAtNs: now, finishedAtNs: now }));
  }
  const error = { category, message: message.slice(0, RPC_ERROR_MESSAGE_MAX), retryable };
  return `{"v":1,"corr_id":${JSON.stringify(id)},"status":"error","result":null,"worker_id":${JSON.stringify(workerId)},"started_at_ns":${now},"finished_at_ns":${now},"error":${JSON.stringify(error)}}`;
}
