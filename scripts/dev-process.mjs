/**
 * Starts `imperal dev` (the built CLI) as a child process and waits for its
 * playground URL. Shared by the screenshot script, the bench and the tests.
 */
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Starts `imperal dev <project> --no-open --port 0 --data <dataDir>`; resolves with `{ url, child, output, stop }`. */
export function startDevProcess(project, dataDir, { timeoutMs = 30_000, extraArgs = [] } = {}) {
  const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'dev', project, '--no-open', '--port', '0', '--data', dataDir, ...extraArgs], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: process.env.CI ?? '' } });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`imperal dev did not start within ${timeoutMs} ms:\n${output}`)); }, timeoutMs);
    const onData = (chunk) => {
      output += chunk;
      const m = /playground at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({
          url: m[1],
          child,
          output: () => output,
          async stop() {
            if (child.exitCode === null) child.kill('SIGTERM');
            const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
            const code = await exited;
            clearTimeout(kill);
            return code;
          },
        });
      }
    };
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', (c) => (output += c));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`imperal dev exited with ${code}:\n${output}`)); });
  });
}

/** The Chromium flags every headless run uses (no network side traffic, no GPU, no sandbox in containers). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Debian's Chromium; never downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
