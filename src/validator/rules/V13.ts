import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { locate } from '../source/index.js';

/** V13 — tools named like skeleton refresh/alert tools should use the kernel's prefixes. */
export const V13: Rule = {
  id: 'V13',
  level: 'WARN',
  summary: "Tools named refresh_*/alert_* should use the skeleton_refresh_/skeleton_alert_ prefixes",
  check({ ext, siteOf, extAt }) {
    if (!ext) return [];
    return ext.tools.flatMap((tool) => {
      const site = siteOf(['tool'], tool.name);
      const at = site ? locate(site.file, site.call) : extAt;
      if (tool.name.startsWith('refresh_')) {
        const x = tool.name.slice('refresh_'.length);
        return [finding('V13', 'WARN',
          `Tool '${tool.name}' looks like a skeleton refresh but lacks the 'skeleton_refresh_' prefix required by the kernel's auto-derive convention`,
          `Rename to 'skeleton_refresh_${x}' OR use @ext.skeleton('${x}') decorator which applies the convention automatically`, at)];
      }
      if (tool.name.startsWith('alert_')) {
        const x = tool.name.slice('alert_'.length);
        return [finding('V13', 'INFO', `Tool '${tool.name}' looks like a skeleton alert but lacks the 'skeleton_alert_' prefix`,
          `Rename to 'skeleton_alert_${x}' so the kernel auto-wires it when refresh section has alert_on_change=True`, at)];
      }
      return [];
    });
  },
};
