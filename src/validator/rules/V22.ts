import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { paramsOf } from '../source/handler.js';
import { locate } from '../source/index.js';
import { pyList } from '../text.js';

/** Registration method per lifecycle kind. */
const METHOD: Readonly<Record<string, string>> = {
  on_install: 'onInstall', on_uninstall: 'onUninstall', on_enable: 'onEnable', on_disable: 'onDisable', on_upgrade: 'onUpgrade',
};

/**
 * V22 — lifecycle hooks accept what the kernel passes: `(ctx)`, and
 * `(ctx, fromVersion)` for upgrade hooks. Any further required parameter
 * would be `undefined` at run time.
 */
export const V22: Rule = {
  id: 'V22',
  level: 'ERROR',
  summary: 'Lifecycle hooks must not require parameters the kernel does not pass',
  check({ ext, source }) {
    if (!ext) return [];
    return ext.lifecycle.flatMap((hook) => {
      const method = METHOD[hook.kind];
      const site = source.registrations.find((r) => r.method === method && r.handler && (hook.kind !== 'on_upgrade' || r.name === hook.version));
      if (!site?.handler) return [];
      const allowed = 2;
      const extra = paramsOf(site.handler).slice(allowed).filter((p) => p.required).map((p) => p.name);
      if (extra.length === 0) return [];
      return [finding('V22', 'ERROR', `Lifecycle hook '${hook.key}' requires parameters the kernel does not pass: ${pyList(extra)}. The kernel calls it as (ctx, info) and would pass undefined.`,
        'Make them optional (name?: T or a default value), or remove them.', locate(site.file, site.call))];
    });
  },
};
