/**
 * A production install is lean: the packed tarball installed with `--omit=dev`
 * (the usual container recipe) carries no CLI toolchain, stays within its size
 * budget, and the runtime works there: registration, dispatch, the real clients
 * against a gateway. `import('@imperal/sdk')` loads none of the lazily loaded
 * packages until they are needed.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directorySize } from '../../bench/sizes.mjs';
import { encodeRequest } from '../../src/rpc/envelope.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'imperal-prod-'));
const run = (args: string[], cwd = work): string =>
  execFileSync(args[0]!, args.slice(1), { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_loglevel: 'error' } });

/** The most a production install may weigh (issue: lean runtime). */
const PRODUCTION_BUDGET_BYTES = 16 * 2 ** 20;
/** Packages only the CLI and the author's toolchain need. */
const TOOLCHAIN = ['esbuild', '@esbuild', '@babel/parser', 'fast-xml-parser', 'ajv', 'typescript', 'tsup', 'vitest'];
/** Packages `import('@imperal/sdk')` must not load until they are used. */
const LAZY = ['undici', 'ajv', 'jose', 'zod-to-json-schema', 'lossless-json', 'esbuild', '@babel/parser', 'fast-xml-parser'];

beforeAll(() => {
  const [packed] = JSON.parse(run(['npm', 'pack', '--json', '--ignore-scripts', '--pack-destination', work], root)) as Array<{ filename: string }>;
  writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'prod', private: true, type: 'module', dependencies: { '@imperal/sdk': `file:${packed!.filename}` } }));
  run(['npm', 'install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Package names in the module cache after running `code` as CommonJS: `require`
 * records every module it loads, so the cache is the complete list.
 */
function packagesLoadedBy(code: string): string[] {
  // The CommonJS entry requires the ES module (require(esm)): modules reached by `import`
  // are not in require.cache, but everything loaded lazily (createRequire) is.
  const script = `(async () => {
${code}
const names = new Set(Object.keys(require.cache).map((f) => f.match(/node_modules\\/((?:@[^/]+\\/)?[^/]+)/)?.[1]).filter(Boolean));
console.log(JSON.stringify([...names].sort()));
})();`;
  writeFileSync(join(work, 'probe.cjs'), script);
  return JSON.parse(run([process.execPath, 'probe.cjs'])) as string[];
}

describe('production install (npm install --omit=dev)', () => {
  it('carries no toolchain and stays within 16 MB', () => {
    for (const name of TOOLCHAIN) expect(existsSync(join(work, 'node_modules', name)), name).toBe(false);
    const bytes = directorySize(join(work, 'node_modules'));
    expect(bytes).toBeLessThanOrEqual(PRODUCTION_BUDGET_BYTES);
  });

  it('runs registration, dispatch and a real client call', () => {
    writeFileSync(
      join(work, 'runtime.mjs'),
      `import { Extension, ChatExtension, ActionResult, z, dispatch, createContext } from '@imperal/sdk';
import { LocalGateway } from '@imperal/sdk/testing';
const ext = new Extension('prod-app', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'prod' });
chat.fn('add_note', { description: 'Adds a note for the user.', actionType: 'write', params: z.object({ text: z.string() }) })(
  async (ctx, p) => { const doc = await ctx.store.create('notes', { text: p.text }); return ActionResult.success({ id: doc.id }, { summary: 'added' }); });
const gateway = new LocalGateway({ serviceToken: 'svc-token-123' });
const gatewayUrl = await gateway.start();
const ctx = createContext({ kind: 'function', gatewayUrl, serviceToken: 'svc-token-123', identity: { imperalId: 'u1' }, extension: ext });
const out = await dispatch(ext, { kind: 'function', name: 'add_note', params: { text: 'hi' } }, ctx);
const bad = await dispatch(ext, { kind: 'function', name: 'add_note', params: {} }, ctx);
const listed = await ctx.store.query('notes');
await gateway.stop();
console.log(JSON.stringify({ status: out.status, bad: bad.error_code, count: listed.data.length, manifest: ext.manifest().app_id }));
process.exit(0);
`,
    );
    expect(JSON.parse(run([process.execPath, 'runtime.mjs']))).toEqual({ status: 'success', bad: 'INVALID_PARAMS', count: 1, manifest: 'prod-app' });
  });

  it('the CLI starts there and names the toolchain to install for validate', () => {
    expect(run([process.execPath, 'node_modules/@imperal/sdk/dist/cli/main.js', '--version']).trim()).toMatch(/^5\.11\.\d+$/);
    writeFileSync(join(work, 'ext.mjs'), "import { Extension } from '@imperal/sdk'; export const ext = new Extension('prod-app', { version: '1.0.0' });");
    const r = spawnSync(process.execPath, ['node_modules/@imperal/sdk/dist/cli/main.js', 'validate', 'ext.mjs'], { cwd: work, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('npm install --save-dev esbuild @babel/parser fast-xml-parser ajv');
  });

  it('imperal serve runs a compiled JavaScript entry there and answers /v1/rpc', async () => {
    writeFileSync(
      join(work, 'hello.mjs'),
      `import { Extension, ChatExtension, ActionResult, z } from '@imperal/sdk';
export const ext = new Extension('prod-hello', { version: '1.0.0' });
const chat = new ChatExtension(ext, { toolName: 'hello' });
chat.fn('greet', { description: 'Greets someone by name.', params: z.object({ name: z.string() }) })(
  async (_ctx, p) => ActionResult.success({ text: 'hi ' + p.name }, { summary: 'greeted' }));
`,
    );
    const child = spawn(
      process.execPath,
      ['node_modules/@imperal/sdk/dist/cli/main.js', 'serve', 'hello.mjs', '--http', '127.0.0.1:0', '--insecure', '--gateway-url', 'http://127.0.0.1:9', '--service-token', 'svc-token-123', '--json-logs'],
      { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no start line within 60 s:\n${out}`)), 60_000);
        const onData = (d: Buffer) => {
          out += d.toString();
          const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out.split('\n').find((l) => l.includes('imperal serve:')) ?? '');
          if (url) {
            clearTimeout(timer);
            resolve(url[0]);
          }
        };
        child.stdout!.on('data', onData);
        child.stderr!.on('data', onData);
        child.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)));
      });
      const now = BigInt(Date.now()) * 1_000_000n;
      const body = encodeRequest({
        corr_id: 'prod-serve-0000000001', user_id: 'u1', tenant_id: 't1', agency_id: null, email: 'u1@example.com', role: 'user', scopes: [], attributes: {},
        app_id: 'prod-hello', function: 'greet', params: { name: 'prod' }, reply_list: 'imperal:rpc:reply:prod', deadline_ns: now + 30_000_000_000n, submitted_at_ns: now,
      });
      const res = await fetch(`${address}/v1/rpc`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      const reply = (await res.json()) as { status: string; result: { data?: unknown } };
      expect(res.status).toBe(200);
      expect(reply.status).toBe('success');
      expect(reply.result.data).toEqual({ text: 'hi prod' });
    } finally {
      child.kill('SIGTERM');
    }
  }, 120_000);

  it('loading @imperal/sdk loads none of the lazy packages', () => {
    const loaded = packagesLoadedBy(`require('@imperal/sdk');`);
    expect(loaded.filter((name) => LAZY.includes(name))).toEqual([]);
  });

  it('loads undici only once a request is made', () => {
    const loaded = packagesLoadedBy(`const { createContext, Extension } = require('@imperal/sdk');
createContext({ kind: 'function', gatewayUrl: 'http://127.0.0.1:9', serviceToken: 't', identity: { imperalId: 'u1' }, extension: new Extension('lazy-app', { version: '1.0.0' }) });`);
    expect(loaded).not.toContain('undici');
    // The probe sees a lazy package once it is needed: the first request loads undici.
    const afterRequest = packagesLoadedBy(`const { createContext, Extension } = require('@imperal/sdk');
const ctx = createContext({ kind: 'function', gatewayUrl: 'http://127.0.0.1:9', serviceToken: 't', identity: { imperalId: 'u1' }, extension: new Extension('lazy-app', { version: '1.0.0' }) });
await ctx.store.get('notes', 'n1').catch(() => undefined);`);
    expect(afterRequest).toContain('undici');
  });
});
