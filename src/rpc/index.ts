export {
  RpcRequestSchema,
  RpcReplySchema,
  RpcErrorSchema,
  RPC_ERROR_CATEGORIES,
  decodeRequest,
  decodeReply,
  encodeRequest,
  encodeReply,
  isLegacyEnvelope,
  type RpcRequest,
  type RpcReply,
  type RpcError,
  type RpcErrorCategory,
  type DecodeOptions,
  type Decoded,
} from './envelope.js';
export { buildErrorReply, shouldCacheReply, runRpcRequest, nowNs, RPC_ERROR_MESSAGE_MAX, type ErrorReplyOptions, type RunRpcOptions } from './replies.js';
