import type { Node } from '@babel/types';
import type { Rule } from '../context.js';
import { finding } from '../finding.js';
import { calleePath, objectProperty, unwrap } from '../source/nodes.js';
import { walk } from '../source/walk.js';

/**
 * Whether an `ActionResult.error(message, options)` call gives no code: no
 * options, or an options object literal without `code`. Options passed as a
 * variable or spread may carry one, so they pass.
 */
function lacksCode(call: Node): boolean {
  if (call.type !== 'CallExpression') return false;
  const options = call.arguments[1];
  if (options === undefined) return true;
  const obj = unwrap(options);
  if (obj.type !== 'ObjectExpression') return false;
  if (obj.properties.some((p) => p.type === 'SpreadElement')) return false;
  return objectProperty(obj, 'code') === undefined;
}

/**
 * V32 — a chat function's `ActionResult.error(...)` gives an error code
 * (5.11: "`ActionResult.error` without `code=`"): a stable code lets the
 * platform, the chain planner and clients react to the failure without
 * parsing its message.
 */
export const V32: Rule = {
  id: 'V32',
  level: 'WARN',
  summary: 'ActionResult.error(...) in a chat function should pass a code',
  check({ functions }) {
    return functions.flatMap(({ record, handler, site }) => {
      if (!handler || !site) return [];
      const lines: number[] = [];
      walk(handler.body, (node) => {
        const path = calleePath(node);
        if (path?.length === 2 && path[0] === 'ActionResult' && path[1] === 'error' && lacksCode(node) && node.loc) lines.push(node.loc.start.line);
      });
      if (lines.length === 0) return [];
      return [finding('V32', 'WARN', `@chat.fn '${record.name}' returns ActionResult.error(...) without a code at line(s) [${lines.join(', ')}]`,
        "Pass a stable machine-readable code: ActionResult.error('Note not found', { code: 'NOT_FOUND' })", { file: site.file.rel, line: lines[0]! })];
    });
  },
};
