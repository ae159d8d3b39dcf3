/**
 * The cost of one dispatched chat-function call (params validation, handler call,
 * result normalisation, wire form) against the floor: calling the handler and
 * zod's safeParse directly. Target: under 1.5×.
 */
import { ActionResult, ChatExtension, Extension, dispatch, z } from '../dist/index.js';
import { compare, row } from './harness.mjs';

export async function run() {
  const ext = new Extension('bench-dispatch', { version: '1.0.0' });
  const chat = new ChatExtension(ext, { toolName: 'bench' });
  const Params = z.object({ title: z.string().min(1), qty: z.number().int().min(1).default(1), tags: z.array(z.string()).default([]) });
  const handler = async (_ctx, p) => ActionResult.success({ title: p.title, qty: p.qty }, { summary: 'ok' });
  chat.fn('create', { description: 'Creates a thing for the benchmark.', params: Params })(handler);
  const ctx = {};
  const params = { title: 'Milk', tags: ['a'] };

  const { direct, dispatched } = await compare({
    direct: async () => {
      const parsed = Params.safeParse(params);
      if (!parsed.success) throw new Error('invalid');
      return (await handler(ctx, parsed.data)).toDict();
    },
    dispatched: () => dispatch(ext, { kind: 'function', name: 'create', params }, ctx),
  });
  return [
    row('direct: safeParse + handler + toDict', direct, 'ns/call'),
    row('dispatch(): one chat-function call', dispatched, 'ns/call', direct, '< 1.5x'),
  ];
}
