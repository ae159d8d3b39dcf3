import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';

const PREFIX = 'skeleton_refresh_';

/** MANIFEST-SKELETON-1 — skeleton refresh tools are declared with ext.skeleton, not ext.tool. */
export const MANIFEST_SKELETON_1: Rule = {
  id: 'MANIFEST-SKELETON-1',
  level: 'ERROR',
  summary: "ext.tool('skeleton_refresh_*') must be ext.skeleton('*')",
  check({ source }) {
    return source.registrations.flatMap((r) => {
      if (r.method !== 'tool' || !r.name?.startsWith(PREFIX)) return [];
      const section = r.name.slice(PREFIX.length);
      return [finding('MANIFEST-SKELETON-1', 'ERROR',
        `Tool '${r.name}' uses @ext.tool but names a skeleton refresh slot. Use @ext.skeleton('${section}') so the kernel auto-wires section metadata.`,
        `Replace @ext.tool('${r.name}') with @ext.skeleton('${section}')`, locate(r.file, r.call))];
    });
  },
};
