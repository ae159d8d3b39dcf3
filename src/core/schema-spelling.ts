/**
 * Pydantic's JSON Schema spelling. The platform and the LLM adapters have only
 * ever been fed what Pydantic writes, so wherever zod has a choice of spelling
 * for the same constraint, the SDK rewrites zod's output into Pydantic's:
 *
 * - nullable: `type: [T, "null"]` → `anyOf: [{type: T, …}, {type: "null"}]`,
 *   annotations (`default`, `description`, `title`, `examples`) staying outside;
 * - records with string keys: `propertyNames: {type: "string"}` dropped,
 *   `additionalProperties: {}` (any value) written as `true`;
 * - tuples: zod's redundant `items: false` dropped when `maxItems` already closes them;
 * - integer literals: `type: "number"` → `"integer"` when every value is an integer;
 *   a union of literals of one type (`anyOf` of `const`s) → one `enum`;
 * - string formats (`date-time`, `date`, `uuid`, …): zod's generated `pattern` dropped,
 *   the `format` says it.
 *
 * The remaining differences (titles, inlined nested models, `default_factory`)
 * are listed with their reasons in docs/differences.md.
 *
 * @module
 */
// Keywords whose values are data, not schemas: copied untouched.
const DATA_KEYWORDS = new Set(['default', 'const', 'enum', 'examples', 'required']);
// Maps from author-chosen names to schemas.
const SCHEMA_MAPS = new Set(['properties', '$defs', 'definitions', 'patternProperties', 'dependentSchemas']);
// Keywords holding a list of schemas.
const SCHEMA_LISTS = new Set(['anyOf', 'oneOf', 'allOf', 'prefixItems']);
// Keywords Pydantic writes beside `anyOf` rather than inside a branch.
const ANNOTATIONS = new Set(['default', 'description', 'title', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$comment']);
// String formats zod also spells as a generated `pattern`.
const FORMATS_WITH_GENERATED_PATTERN = new Set(['date-time', 'date', 'time', 'duration', 'uuid', 'guid', 'email', 'ipv4', 'ipv6', 'cidrv4', 'cidrv6', 'base64', 'base64url', 'e164', 'jwt', 'cuid', 'cuid2', 'ulid', 'nanoid', 'emoji', 'hostname']);

type Node = Record<string, unknown>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Rewrites a zod-generated JSON Schema into Pydantic's spelling (a new object; the input is not changed). */
export function pydanticSpelling(schema: Record<string, unknown>): Record<string, unknown> {
  return respell(schema) as Record<string, unknown>;
}

function respell(value: unknown): unknown {
  if (!isNode(value)) return value;
  const out: Node = {};
  for (const [key, child] of Object.entries(value)) {
    if (DATA_KEYWORDS.has(key)) out[key] = child;
    else if (SCHEMA_MAPS.has(key) && isNode(child)) out[key] = Object.fromEntries(Object.entries(child).map(([n, s]) => [n, respell(s)]));
    else if (SCHEMA_LISTS.has(key) && Array.isArray(child)) out[key] = child.map(respell);
    else out[key] = isNode(child) ? respell(child) : child;
  }
  dropGeneratedPattern(out);
  closeTuple(out);
  openRecord(out);
  integerLiterals(out);
  collapseLiteralUnion(out);
  return nullableAsAnyOf(out);
}

function dropGeneratedPattern(node: Node): void {
  if (typeof node.format === 'string' && FORMATS_WITH_GENERATED_PATTERN.has(node.format) && 'pattern' in node) delete node.pattern;
}

function closeTuple(node: Node): void {
  if (Array.isArray(node.prefixItems) && node.items === false && node.maxItems === node.prefixItems.length) delete node.items;
}

function openRecord(node: Node): void {
  const names = node.propertyNames;
  if (isNode(names) && Object.keys(names).length === 1 && names.type === 'string') delete node.propertyNames;
  if (isNode(node.additionalProperties) && Object.keys(node.additionalProperties).length === 0) node.additionalProperties = true;
}

function integerLiterals(node: Node): void {
  if (node.type !== 'number') return;
  const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
  if (values && values.length > 0 && values.every((v) => Number.isInteger(v))) node.type = 'integer';
}

function collapseLiteralUnion(node: Node): void {
  const branches = node.anyOf;
  if (!Array.isArray(branches) || branches.length < 2) return;
  const type = isNode(branches[0]) ? branches[0].type : undefined;
  if (typeof type !== 'string') return;
  const literal = (b: unknown): b is Node => isNode(b) && b.type === type && 'const' in b && Object.keys(b).length === 2;
  if (!branches.every(literal)) return;
  delete node.anyOf;
  node.enum = branches.map((b) => (b as Node).const);
  node.type = type;
  integerLiterals(node);
}

function nullableAsAnyOf(node: Node): Node {
  const types = node.type;
  if (!Array.isArray(types) || types.length !== 2 || !types.includes('null')) return node;
  const other = types.find((t) => t !== 'null');
  const inner: Node = { type: other };
  const outer: Node = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type') continue;
    if (ANNOTATIONS.has(key)) outer[key] = value;
    else if (key === 'enum' && Array.isArray(value)) inner.enum = value.filter((v) => v !== null);
    else if (key === 'const' && value === null) continue;
    else inner[key] = value;
  }
  return { anyOf: [inner, { type: 'null' }], ...outer };
}
