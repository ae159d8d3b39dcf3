import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { mergeManifest, staleFields } from '../manifest/merge.js';

/**
 * MANIFEST-STALE-1 — `imperal.json` is what `imperal build` would write now:
 * a stale file publishes an old contract (tools, schemas, panels) for new code.
 */
export const MANIFEST_STALE_1: Rule = {
  id: 'MANIFEST-STALE-1',
  level: 'WARN',
  summary: 'imperal.json must match what imperal build generates from the code (run imperal build)',
  check({ ext, manifest, project }) {
    if (!ext || !manifest.exists || manifest.syntaxError || typeof manifest.data !== 'object' || manifest.data === null) return [];
    let generated: Record<string, unknown>;
    try {
      generated = ext.source.manifest({ baseDir: project.root }) as Record<string, unknown>;
    } catch {
      return [];
    }
    if (typeof generated !== 'object' || generated === null) return [];
    const stale = staleFields(mergeManifest(generated, manifest.data), manifest.data);
    if (stale.length === 0) return [];
    return [finding('MANIFEST-STALE-1', 'WARN', `imperal.json is stale: it differs from what the code generates in ${stale.join(', ')}`,
      "Run 'imperal build' to regenerate it (CI: 'imperal build --check' exits 1 while it is stale)", { file: 'imperal.json', line: 0 })];
  },
};
