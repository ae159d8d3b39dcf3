/**
 * The RPC codec round trip an extension host runs per call — decode the envelope
 * (exact nanoseconds, shape checks), dispatch the function, encode the reply —
 * against the wire floor: `JSON.parse` + the params' `safeParse` + the handler +
 * `JSON.stringify`. Target: at most 2.5×.
 */
import { ActionResult, ChatExtension, Extension, decodeRequest, encodeReply, encodeRequest, runRpcRequest, z } from '../dist/index.js';
import { compare, row } from './harness.mjs';

export async function run() {
  const ext = new Extension('bench-rpc', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'bench' });
  const Params = z.object({ title: z.string().min(1), qty: z.number().int().min(1).default(1) });
  const handler = async (_ctx, p) => ActionResult.success({ title: p.title, qty: p.qty }, { summary: 'ok' });
  chat.fn('create', { description: 'Creates a thing for the benchmark.', params: Params })(handler);
  const ctx = {};
  const payload = encodeRequest({
    corr_id: 'corr-0123456789abcdef',
    user_id: 'imp_u_1',
    tenant_id: 'default',
    email: 'a@b.c',
    role: 'user',
    scopes: ['notes.read'],
    app_id: 'bench-rpc',
    function: 'create',
    params: { title: 'Milk', qty: 2 },
    reply_list: 'imperal:rpc:reply:corr-0123456789abcdef',
    deadline_ns: 4102444800000000000n,
    submitted_at_ns: 1795304556000000001n,
  });
  const options = { workerId: 'w1' };

  const { floor, codec } = await compare({
    floor: async () => {
      const request = JSON.parse(payload);
      const parsed = Params.safeParse(request.params);
      if (!parsed.success) throw new Error('invalid');
      const result = (await handler(ctx, parsed.data)).toDict();
      return JSON.stringify({ v: 1, corr_id: request.corr_id, status: 'success', result, worker_id: 'w1', error: null });
    },
    codec: async () => encodeReply(await runRpcRequest(ext, decodeRequest(payload).value, ctx, options)),
  });
  const { decode } = await compare({ decode: () => decodeRequest(payload) }, { batch: 2000 });
  return [
    row('wire floor: JSON.parse + safeParse + handler + JSON.stringify', floor, 'ns/call'),
    row('RPC round trip: decodeRequest + runRpcRequest + encodeReply', codec, 'ns/call', floor, '<= 2.5x'),
    row('decodeRequest alone (small params)', decode, 'ns/call'),
  ];
}
