/** The codec keeps nanoseconds exact without loading a lossless JSON parser (issue 8, item 6): the SDK must load and decode with it unavailable. */
import { describe, expect, it, vi } from 'vitest';

vi.mock('lossless-json', () => {
  throw new Error('lossless-json was loaded');
});

describe('RPC codec without lossless-json', () => {
  it('imports the SDK and round-trips exact nanoseconds', async () => {
    const { decodeRequest, encodeRequest } = await import('../../src/index.js');
    const text =
      '{"v":1,"corr_id":"corr-0123456789abcdef","user_id":"u","tenant_id":"t","agency_id":null,"email":"","role":"r","scopes":[],"attributes":{},' +
      '"app_id":"a","function":"f","params":{"id":12345678901234567891},"reply_list":"r","deadline_ns":1795304557123456789,"submitted_at_ns":1795304556000000001}';
    const { value } = decodeRequest(text);
    expect(value.deadline_ns).toBe(1795304557123456789n);
    expect(value.params).toEqual({ id: 12345678901234567891n });
    expect(encodeRequest(value)).toBe(text);
  });
});
