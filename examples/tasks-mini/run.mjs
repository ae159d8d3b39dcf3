/**
 * Runs the example end to end against the built SDK:
 *   1. `imperal validate` and `imperal build` (writes imperal.json),
 *   2. starts the SDK's local gateway on 127.0.0.1,
 *   3. runs chat functions, the panel, the skeleton, the schedule, a signed webhook
 *      and the health check through the dispatcher, with real `ctx` clients
 *      talking HTTP to the gateway — the way the extension host will run them.
 *
 * Usage (from the repository root): `npm run example`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

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

// Load the TypeScript extension the way the CLI does: bundle it with esbuild, SDK external.
const { build } = await import('esbuild');
const outfile = join(here, 'node_modules/.cache/tasks-mini/extension.mjs');
await build({ entryPoints: [join(here, 'src/extension.ts')], outfile, bundle: true, platform: 'node', target: 'node20', format: 'esm', packages: 'external', logLevel: 'error' });
const { ext } = await import(pathToFileURL(outfile).href);
const { createContext, dispatch, signWebhook, closeSharedDispatchers } = await import('@imperal/sdk');
const { LocalGateway } = await import('@imperal/sdk/testing');

const gateway = new LocalGateway({ serviceToken: 'svc-demo', extensions: [ext] });
const gatewayUrl = await gateway.start();
console.log(`\nlocal gateway on ${gatewayUrl}`);

const identity = { imperalId: 'imp_u_demo', email: 'demo@example.com', role: 'user', scopes: ['*'], tenantId: 'default' };
const contextFor = (kind) =>
  createContext({ kind, gatewayUrl, serviceToken: 'svc-demo', callToken: 'demo', extension: ext, ...(kind === 'system' || kind === 'webhook' ? {} : { identity }) });
const show = (label, value) => console.log(`\n> ${label}\n${JSON.stringify(value, null, 2)}`);

try {
  const created = await dispatch(ext, { kind: 'function', name: 'create_task', params: { title: 'Buy milk', due: '2026-12-01' } }, contextFor('chat_fn'));
  show('create_task {title: "Buy milk"}', created);
  show('create_task {title: ""} (invalid)', await dispatch(ext, { kind: 'function', name: 'create_task', params: { title: '' } }, contextFor('chat_fn')));
  show('list_tasks', await dispatch(ext, { kind: 'function', name: 'list_tasks', params: {} }, contextFor('chat_fn')));
  show('panel sidebar', await dispatch(ext, { kind: 'panel', id: 'sidebar' }, contextFor('panel')));
  show('skeleton tasks', await dispatch(ext, { kind: 'skeleton', section: 'tasks' }, contextFor('skeleton')));
  show('schedule morning_digest', await dispatch(ext, { kind: 'schedule', name: 'morning_digest' }, contextFor('system')));
  // The app-scoped secret falls back to its declared environment variable.
  process.env.IMPERAL_APPSECRET_TASKS_WEBHOOK = 'demo-secret';
  const body = JSON.stringify({ user_id: 'imp_u_demo', title: 'From CI' });
  const { headers } = signWebhook({ secret: 'demo-secret', body, header: 'X-Tasks-Signature' });
  show('webhook /incoming (signed)', await dispatch(ext, { kind: 'webhook', path: '/incoming', request: { method: 'POST', headers, body } }, contextFor('webhook')));
  show('complete_task', await dispatch(ext, { kind: 'function', name: 'complete_task', params: { task_id: created.data.id } }, contextFor('chat_fn')));
  show('health', await dispatch(ext, { kind: 'health' }, contextFor('system')));
  console.log(`\n${gateway.requests.length} gateway requests: ${[...new Set(gateway.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`))].join(', ')}`);
} finally {
  await gateway.stop();
  await closeSharedDispatchers();
}
