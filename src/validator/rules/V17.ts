import { finding } from '../finding.js';
import type { Rule } from '../context.js';
import { insideFunction, paramsOf } from '../source/handler.js';
import { pascalName } from './V6.js';
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
 * V17 — a chat function whose handler takes params declares them with a
 * `params:` schema (5.11: "must declare a params model"), built once at module
 * scope: built inside a function it is rebuilt on every call and is not the
 * schema the manifest and the dispatcher were given.
 */
export const V17: Rule = {
  id: 'V17',
  level: 'ERROR',
  summary: 'A chat function that takes params must declare a params: schema built at module scope',
  check({ functions }) {
    return functions.flatMap(({ record, site, handler, at }) => {
      if (handler && record.params === undefined && paramsOf(handler).length >= 2) {
        return [finding('V17', 'ERROR', `@chat.fn '${record.name}' must declare a params: schema for the params its handler takes`,
          `Define it at module scope — const ${pascalName(record.name)}Params = z.object({ ... }) — pass params: ${pascalName(record.name)}Params, and type the handler's second argument as z.infer<typeof ${pascalName(record.name)}Params>`, at)];
      }
      const params = objectProperty(site?.options, 'params');
      if (!site || !params) return [];
      let local: string | undefined;
      if (params.type === 'Identifier') {
        if (declaredOnlyInFunctions(site.file, params.name)) local = params.name;
      } else if (insideFunction(site.ancestors)) {
        local = textOf(site.file.text, params).split('\n')[0]!.slice(0, 40);
      }
      if (local === undefined) return [];
      return [finding('V17', 'ERROR', `@chat.fn '${record.name}' params schema '${local}' is function-local. Move it to module scope.`,
        `Define it once at module scope — const ${params.type === 'Identifier' ? params.name : 'Params'} = z.object({ ... }) — and pass it as params:`, at)];
    });
  },
};
