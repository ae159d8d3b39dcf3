import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { insideFunction } from '../source/handler.js';
import { objectProperty, textOf } from '../source/nodes.js';
import type { SourceFile } from '../source/index.js';
import { walk } from '../source/walk.js';

/** Per file: names declared at module scope (or imported), and names declared inside functions. */
interface Declarations {
  readonly module: Set<string>;
  readonly local: Set<string>;
}

const cache = new WeakMap<SourceFile, Declarations>();

function declarationsOf(file: SourceFile): Declarations {
  let found = cache.get(file);
  if (found) return found;
  const decl: Declarations = { module: new Set(), local: new Set() };
  walk(file.ast, (node, ancestors) => {
    let name: string | undefined;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') name = node.id.name;
    else if (node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier' || node.type === 'ImportNamespaceSpecifier') name = node.local.name;
    if (name !== undefined) (insideFunction(ancestors) ? decl.local : decl.module).add(name);
  });
  cache.set(file, (found = decl));
  return found;
}

/** Whether `name` is declared in `file` only inside functions (never at module scope, never imported). */
function declaredOnlyInFunctions(file: SourceFile, name: string): boolean {
  const decl = declarationsOf(file);
  return decl.local.has(name) && !decl.module.has(name);
}

/**
 * V17 — a params schema lives at module scope. Built inside a function it is
 * rebuilt on every call of that function and is not the schema the manifest
 * and the dispatcher were given once.
 */
export const V17: Rule = {
  id: 'V17',
  level: 'ERROR',
  summary: 'A chat function params schema must be built at module scope, not inside a function',
  check({ functions }) {
    return functions.flatMap(({ record, site, at }) => {
      const params = objectProperty(site?.options, 'params');
      if (!site || !params) return [];
      let local: string | undefined;
      if (params.type === 'Identifier') {
        if (declaredOnlyInFunctions(site.file, params.name)) local = params.name;
      } else if (insideFunction(site.ancestors)) {
        local = textOf(site.file.text, params).split('\n')[0]!.slice(0, 40);
      }
      if (local === undefined) return [];
      return [finding('V17', 'ERROR', `@chat.function '${record.name}' params schema '${local}' is function-local. Move it to module scope.`,
        `Define it once at module scope — const ${params.type === 'Identifier' ? params.name : 'Params'} = z.object({ ... }) — and pass it as params:`, at)];
    });
  },
};
