import type { Node } from '@babel/types';
import { finding, type Level } from '../finding.js';
import type { Rule, RuleContext } from '../context.js';
import { locate, type SourceFile } from '../source/index.js';
import { memberPath, stringValue } from '../source/nodes.js';

/** Key names that look like credentials (the seed spec's pattern). */
export const CREDENTIAL_KEY = /(api[_-]?key|token|secret|password|client[_-]?secret|refresh[_-]?token|access[_-]?token|signing[_-]?secret|whsec)/i;

/** The comment that demotes a hit one level; its text after the colon is the reason. */
export const BYPASS_MARKER = 'imperal-allow-plaintext-credential';

/** Receivers whose `get`-style reads count as plain credential storage (never `ctx.secrets`). */
const STORES = new Set(['store', 'config', 'cache', 'redis', 'kv', 'db', 'storage', 'localStorage', 'sessionStorage', 'env']);
const READS = new Set(['get', 'hget', 'hGet', 'getItem', 'require']);

/** Levenshtein distance (small strings only). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur = [i];
    for (let j = 1; j <= b.length; j += 1) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

const normalise = (key: string): string => key.toLowerCase().replace(/-/g, '_');

/** A credential-like read found in source. */
interface Hit {
  readonly key: string;
  readonly file: SourceFile;
  readonly node: Node;
}

/** The key of `process.env.KEY` / `process.env['KEY']` / `import.meta.env.KEY`, from a member path. */
function envKey(path: readonly string[]): string | undefined {
  if (path.length === 3 && path[0] === 'process' && path[1] === 'env') return path[2];
  if (path.length === 4 && path[0] === 'import' && path[1] === 'meta' && path[2] === 'env') return path[3];
  return undefined;
}

/** `process.env.KEY` (also inside a longer chain or a template literal), `import.meta.env.KEY`, `const { KEY } = process.env`. */
function envHits(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  for (const { node, ancestors, file } of ctx.source.members) {
    const path = memberPath(node);
    const key = path && envKey(path);
    if (key && CREDENTIAL_KEY.test(key)) hits.push({ key, file, node });
    if (path?.length === 2 && path[0] === 'process' && path[1] === 'env') {
      const parent = ancestors[ancestors.length - 1];
      if (parent?.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'ObjectPattern') {
        for (const prop of parent.id.properties) {
          const name = prop.type === 'ObjectProperty' ? (prop.key.type === 'Identifier' ? prop.key.name : stringValue(prop.key)) : undefined;
          if (name && CREDENTIAL_KEY.test(name)) hits.push({ key: name, file, node: prop });
        }
      }
    }
  }
  return hits;
}

/** `ctx.store.get('…', 'api_token')`, `redis.hget('settings', 'github_token')`, `ctx.config.get('api_key')` … */
function storeHits(ctx: RuleContext): Hit[] {
  const hits: Hit[] = [];
  for (const { node, file } of ctx.source.calls) {
    const path = memberPath(node.callee);
    if (!path || path.length < 2 || !READS.has(path[path.length - 1]!) || path.includes('secrets')) continue;
    if (!path.slice(0, -1).some((p) => STORES.has(p))) continue;
    for (const arg of node.arguments) {
      const key = stringValue(arg);
      if (key && CREDENTIAL_KEY.test(key)) hits.push({ key, file, node: arg });
    }
  }
  return hits;
}

/** Secrets declared in `imperal.json`, for when the extension did not load. */
function manifestSecrets(ctx: RuleContext): ReadonlyArray<{ name: string; envFallback?: string }> {
  const list = (ctx.manifest.data as { secrets?: unknown } | undefined)?.secrets;
  if (!Array.isArray(list)) return [];
  return list.flatMap((s: unknown) => {
    const { name, env_fallback: envFallback } = (s ?? {}) as { name?: unknown; env_fallback?: unknown };
    if (typeof name !== 'string') return [];
    return typeof envFallback === 'string' ? [{ name, envFallback }] : [{ name }];
  });
}

/** The reason given in a bypass comment on the hit's line or the line above, if any. */
function bypassReason(hit: Hit): string | undefined {
  const line = hit.node.loc?.start.line ?? 0;
  const lines = hit.file.text.split('\n');
  for (const text of [lines[line - 1], lines[line - 2]]) {
    const at = text?.indexOf(BYPASS_MARKER) ?? -1;
    if (text !== undefined && at >= 0) return text.slice(at + BYPASS_MARKER.length).replace(/^\s*:?\s*/, '').trim() || 'no reason given';
  }
  return undefined;
}

/**
 * The rule's level: WARN by default (the platform does not enforce it yet, so
 * an extension the 5.11 validator passes is not failed by it);
 * `IMPERAL_VALIDATOR_SECRET_SEVERITY=error` makes it an ERROR.
 */
export function secretDeclaredLevel(env: Readonly<Record<string, string | undefined>>): Level {
  return env.IMPERAL_VALIDATOR_SECRET_SEVERITY?.trim().toLowerCase() === 'error' ? 'ERROR' : 'WARN';
}

/**
 * IMPERAL_SECRET_DECLARED — credential-like environment or store reads need a
 * matching `ext.secret({...})` declaration (name within edit distance 2, or
 * the secret's `envFallback`). A `// imperal-allow-plaintext-credential:
 * <reason>` comment on the line or the line above demotes the finding to INFO
 * (to WARN when the rule runs as an ERROR) and quotes the reason.
 */
export const IMPERAL_SECRET_DECLARED: Rule = {
  id: 'IMPERAL_SECRET_DECLARED',
  level: 'WARN',
  summary: 'Credential-like env/store access needs a matching ext.secret declaration (IMPERAL_VALIDATOR_SECRET_SEVERITY=error makes it an ERROR)',
  check(ctx) {
    const level = secretDeclaredLevel(ctx.env);
    const secrets = ctx.ext?.secrets ?? manifestSecrets(ctx);
    const declared = (key: string): boolean =>
      secrets.some((s) => s.envFallback === key || editDistance(normalise(key), normalise(s.name)) <= 2);
    return [...envHits(ctx), ...storeHits(ctx)].filter((h) => !declared(h.key)).map((hit) => {
      const at = locate(hit.file, hit.node);
      const reason = bypassReason(hit);
      const message = `Credential-like access '${hit.key}' at line ${at.line} has no matching ext.secret() declaration in the manifest.`;
      const fix = `Declare it with ext.secret({ name: '${normalise(hit.key).replace(/[^a-z0-9_]/g, '_')}', description: '…' }) and read it with ctx.secrets.get(), or mark a legitimate case with // ${BYPASS_MARKER}: <reason>`;
      return reason === undefined
        ? finding('IMPERAL_SECRET_DECLARED', level, message, fix, at)
        : finding('IMPERAL_SECRET_DECLARED', level === 'ERROR' ? 'WARN' : 'INFO', `${message} Allowed by ${BYPASS_MARKER}: ${reason}`, fix, at);
    });
  },
};
