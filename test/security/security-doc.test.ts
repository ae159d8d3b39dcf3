/**
 * Issue 10 item 8: docs/security.md states the threat model, every guard and
 * the limits the code actually enforces (read from the constants, so the page
 * cannot drift from the code silently).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTTP_MAX_REDIRECTS, HTTP_TIMEOUT } from '../../src/context/clients/http.js';
import { MIN_SECRET_LENGTH } from '../../src/context/redactor.js';
import { MAX_CALL_TIMEOUT_MS } from '../../src/http/gateway.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../src/http/transport.js';

const doc = readFileSync(new URL('../../docs/security.md', import.meta.url), 'utf8');

describe('docs/security.md', () => {
  it('covers the threat model and how to open the SSRF guard', () => {
    for (const heading of ['## Threat model', 'LLM-chosen parameters', 'Hostile upstreams', 'Leaked tokens', '### Opening the SSRF guard deliberately']) {
      expect(doc).toContain(heading);
    }
    expect(doc).toMatch(/allowPrivateNetwork: \['10\.0\.4\.0\/24'\]/);
    expect(doc).toMatch(/allowPrivateNetwork: true/);
  });

  it('states the limits the code enforces', () => {
    expect(DEFAULT_MAX_RESPONSE_BYTES).toBe(10 * 1024 * 1024);
    expect(doc).toContain('10 MiB');
    expect(doc).toContain(`at most **${HTTP_TIMEOUT.max}**`);
    expect(doc).toContain(`| ${HTTP_TIMEOUT.default} s |`);
    expect(doc).toContain(`| **${HTTP_MAX_REDIRECTS}** |`);
    expect(doc).toContain(`at most **${MAX_CALL_TIMEOUT_MS.toLocaleString('en-US')}**`);
    expect(doc).toContain(`shorter than ${MIN_SECRET_LENGTH} characters`);
  });

  it('names every typed error the guards raise', () => {
    for (const name of ['ResponseTooLargeError', 'PrivateNetworkError', 'APITimeoutError', 'ValidationError']) expect(doc).toContain(name);
  });
});
