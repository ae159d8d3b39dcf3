/**
 * Runs the example end to end, the way the platform runs an extension:
 *   1. `imperal validate` and `imperal build` (writes imperal.json),
 *   2. starts the SDK's local gateway on 127.0.0.1 (store, notify, chat, …),
 *   3. starts `imperal serve` as a real process (HTTP transport, call-token auth),
 *   4. calls every kind of handler over `POST /v1/rpc` with an envelope v1 and a
 *      freshly minted call token — chat functions, the panel, the skeleton, the
 *      schedule, an event, a lifecycle hook, the health check — plus a signed webhook
 *      and the operational routes (/healthz, /readyz, /manifest, /metrics),
 *   5. stops the host with SIGTERM (it drains and exits 0).
 *
 * Usage (from the repository root): `npm run example`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const sdkRoot = join(here, '../..');

// What `npm install` does for the "file:../.." dependency: link the SDK under development.
const linked = join(here, 'node_modules/@imperal/sdk');
if (!existsSync(linked)) {
  mkdirSync(dirname(linked), { recursive: true });
  symlinkSync(sdkRoot, linked, 'dir');
}

const cli = join(sdkRoot, 'dist/cli/main.js');
const imperal = (...args) => execFileSync(process.execPath, [cli, ...args], { cwd: here, stdio: 'inherit' });
console.log('$ imperal validate .');
imperal('validate', '.');
console.log('\n$ imperal build .');
imperal('build', '.');

const { mintCallToken, signWebhook } = await import('@imperal/sdk');
const { LocalGateway } = await import('@imperal/sdk/testing');

const SERVICE_TOKEN = 'svc-demo';
const CALL_TOKEN_SECRET = randomBytes(24).toString('base64url');
const WEBHOOK_SECRET = 'demo-secret';
const gateway = new LocalGateway({ serviceToken: SERVICE_TOKEN });
const gatewayUrl = await gateway.start();
console.log(`\nlocal gateway on ${gatewayUrl}`);

// --- 3. the host, as its own process -------------------------------------------------
console.log('\n$ imperal serve . --http 127.0.0.1:0 --gateway-url … --service-token … --call-token-secret …');
const host = spawn(process.execPath, [cli, 'serve', '.', '--http', '127.0.0.1:0', '--gateway-url', gatewayUrl, '--json-logs'], {
  cwd: here,
  // Secrets travel in the environment, never on the command line (visible in `ps`).
  env: { ...process.env, IMPERAL_SERVICE_TOKEN: SERVICE_TOKEN, IMPERAL_CALL_TOKEN_SECRET: CALL_TOKEN_SECRET, IMPERAL_APPSECRET_TASKS_WEBHOOK: WEBHOOK_SECRET },
  stdio: ['ignore', 'pipe', 'inherit'],
});
const exited = new Promise((resolve) => host.once('exit', (code, signal) => resolve(code ?? signal)));
const baseUrl = await new Promise((resolve, reject) => {
  let buffer = '';
  const timer = setTimeout(() => reject(new Error('imperal serve did not start within 60 s')), 60_000);
  host.stdout.on('data', (data) => {
    buffer += data.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      let record;
      try {
        record = JSON.parse(line);
      } catch {
        console.log(`[serve] ${line}`);
        continue;
      }
      console.log(`[serve] ${record.level_name ?? ''} ${record.msg ?? ''}`);
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(record.msg ?? '')?.[0];
      if (url && String(record.msg).startsWith('imperal serve:')) {
        clearTimeout(timer);
        resolve(url);
      }
    }
  });
  exited.then((code) => reject(new Error(`imperal serve exited (${code}) before it started`)));
});

// --- 4. calls over /v1/rpc -------------------------------------------------------------
const show = (label, value) => console.log(`\n> ${label}\n${JSON.stringify(value, null, 2)}`);
const user = { user_id: 'imp_u_demo', email: 'demo@example.com', role: 'user', scopes: ['*'] };
const SYSTEM = { user_id: '__system__', email: '', role: 'system', scopes: ['*'] };

/** One call as the platform makes it: an envelope v1 and a call token minted for this call. */
async function rpc(fn, params = {}, who = user) {
  const now = BigInt(Date.now()) * 1_000_000n;
  const corrId = randomBytes(12).toString('hex');
  // Nanosecond timestamps exceed 2^53: written as plain integers, digit for digit.
  const body = JSON.stringify({ v: 1, corr_id: corrId, ...who, tenant_id: 'default', agency_id: null, attributes: {}, app_id: 'tasks-mini', function: fn, params, reply_list: `imperal:rpc:reply:${corrId}`, deadline_ns: 'D', submitted_at_ns: 'S' })
    .replace('"D"', String(now + 30_000_000_000n))
    .replace('"S"', String(now));
  const token = mintCallToken({ toolType: fn.startsWith('__') || fn.startsWith('skeleton_') ? 'tool' : 'chat_fn', appId: 'tasks-mini', userId: who.user_id, ttlSeconds: 60, secret: CALL_TOKEN_SECRET });
  const res = await fetch(`${baseUrl}/v1/rpc`, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `ImperalCallToken ${token}` } });
  const reply = await res.json();
  if (res.status !== 200 || reply.status !== 'success') throw new Error(`${fn}: HTTP ${res.status} ${JSON.stringify(reply)}`);
  return reply.result;
}

let failed = false;
try {
  const created = await rpc('create_task', { title: 'Buy milk', due: '2026-12-01' });
  show('create_task {title: "Buy milk"}', created);
  show('create_task {title: ""} (invalid)', await rpc('create_task', { title: '' }));
  show('list_tasks', await rpc('list_tasks'));
  show('panel sidebar (__panel__sidebar)', await rpc('__panel__sidebar'));
  show('skeleton tasks (skeleton_refresh_tasks)', await rpc('skeleton_refresh_tasks'));
  show('schedule morning_digest (__schedule__morning_digest, as __system__)', await rpc('__schedule__morning_digest', {}, SYSTEM));
  show('complete_task', await rpc('complete_task', { task_id: created.data.id }));
  const event = { event_type: 'tasks-mini.task.completed', data: { id: created.data.id }, user_id: 'imp_u_demo', tenant_id: 'default', timestamp: new Date().toISOString() };
  show('event tasks-mini.task.completed (__event__)', await rpc('__event__', event, SYSTEM));
  show('lifecycle on_install (__lifecycle__on_install)', await rpc('__lifecycle__on_install', {}, SYSTEM));
  show('health (__health__)', await rpc('__health__', {}, SYSTEM));

  // A webhook: no call token, the sender's own signature over the raw body.
  const body = JSON.stringify({ user_id: 'imp_u_demo', title: 'From CI' });
  const { headers } = signWebhook({ secret: WEBHOOK_SECRET, body, header: 'X-Tasks-Signature' });
  const hook = await fetch(`${baseUrl}/v1/ext/tasks-mini/webhook/incoming`, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/json' } });
  show(`webhook POST /v1/ext/tasks-mini/webhook/incoming (signed) → HTTP ${hook.status}`, await hook.json());
  if (hook.status !== 202) throw new Error(`webhook answered ${hook.status}`);

  // A call without a token never reaches a handler.
  const refused = await fetch(`${baseUrl}/v1/rpc`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
  show(`/v1/rpc without a call token → HTTP ${refused.status}`, await refused.json());
  if (refused.status !== 401) throw new Error('an unauthenticated call was not refused');

  const health = await fetch(`${baseUrl}/healthz`);
  show(`GET /healthz → HTTP ${health.status}`, await health.json());
  const ready = await fetch(`${baseUrl}/readyz`);
  show(`GET /readyz → HTTP ${ready.status}`, await ready.json());
  const manifest = await (await fetch(`${baseUrl}/manifest`)).text();
  const same = manifest === readFileSync(join(here, 'imperal.json'), 'utf8');
  console.log(`\n> GET /manifest: ${manifest.length} bytes, ${same ? 'identical to' : 'DIFFERENT from'} the imperal.json that imperal build wrote`);
  if (!same) throw new Error('/manifest differs from imperal.json');
  const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
  console.log(`\n> GET /metrics (calls by function and outcome)\n${metrics.split('\n').filter((l) => l.startsWith('imperal_calls_total{')).join('\n')}`);
  console.log(`\n${gateway.requests.length} gateway requests: ${[...new Set(gateway.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`))].join(', ')}`);
} catch (error) {
  failed = true;
  console.error(`\nexample failed: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  // --- 5. graceful stop -------------------------------------------------------------------
  host.kill('SIGTERM');
  const code = await exited;
  console.log(`\nimperal serve stopped on SIGTERM (exit ${code})`);
  if (code !== 0) failed = true;
  await gateway.stop();
}
process.exitCode = failed ? 1 : 0;
