import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { svgProblems } from '../icon.js';

/** V21 — a valid SVG marketplace icon is declared and present. */
export const V21: Rule = {
  id: 'V21',
  level: 'ERROR',
  summary: 'Extension must declare an SVG icon with an <svg> root, a viewBox, no embedded raster, ≤ 100 KB',
  check({ ext, extAt, project }) {
    if (!ext) return [];
    const icon = ext.icon;
    if (!icon) {
      return [finding('V21', 'ERROR', `Extension '${ext.appId}' must declare icon: 'icon.svg' (the required SVG marketplace icon)`,
        "Set new Extension(appId, { icon: 'icon.svg' }) and put icon.svg in the extension folder.", extAt)];
    }
    if (!icon.toLowerCase().endsWith('.svg')) {
      return [finding('V21', 'ERROR', `Extension icon '${icon}' must be SVG (.svg extension)`, 'Only SVG icons are accepted: convert the raster image to SVG.', extAt)];
    }
    const path = isAbsolute(icon) ? icon : join(project.root, icon);
    if (!existsSync(path)) {
      return [finding('V21', 'ERROR', `Icon '${icon}' not found (resolved to ${path})`,
        'Put the SVG at that path (relative to the extension folder) or fix the icon option.', extAt)];
    }
    const fix = 'Use a pure SVG with an <svg> root and a viewBox, no embedded raster, at most 100KB.';
    return svgProblems(icon, readFileSync(path)).map((message) => finding('V21', 'ERROR', message, fix, { file: icon, line: 0 }));
  },
};
