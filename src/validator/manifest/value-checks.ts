/**
 * The manifest checks the JSON Schema file cannot express: the value
 * validators of the upstream manifest model (app id, semver, identifiers,
 * scopes, parameter types, cron shape). Each yields a pydantic-style
 * `Value error, …` message at its location.
 *
 * @module
 */
import { APP_ID_PATTERN } from '../rules/V1.js';

/** One value problem: dotted location and message. */
export interface ValueIssue {
  readonly loc: string;
  readonly msg: string;
}

const SEMVER = /^\d+\.\d+\.\d+(?:[.-][A-Za-z0-9.-]+)?$/;
const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const SCOPE = /^(?:\*|[a-z][a-z0-9_-]*(?:[.:][a-z0-9_*-]+)+)$/;
const PARAM_TYPES = ['array', 'boolean', 'integer', 'number', 'object', 'string'];
const CRON_SHAPE = /^\S+(?:\s+\S+){4}$/;
const CRON_KEYWORDS = ['@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@annually', '@reboot'];
const SCOPE_FORMS = "must be '*', 'ns:action', 'ns:*', or legacy 'ns.action'";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): Array<[number, unknown]> => (Array.isArray(v) ? v.map((x, i) => [i, x]) : []);

/** Value problems of a manifest object, in field declaration order. */
export function valueIssues(m: Obj): ValueIssue[] {
  const out: ValueIssue[] = [];
  const err = (loc: string, msg: string): void => void out.push({ loc, msg: `Value error, ${msg}` });
  if (typeof m.app_id === 'string' && !APP_ID_PATTERN.test(m.app_id)) {
    err('app_id', `app_id '${m.app_id}' must match [a-z0-9][a-z0-9-]*[a-z0-9] (2+ chars, lowercase, no underscores)`);
  }
  if (typeof m.version === 'string' && !SEMVER.test(m.version)) {
    err('version', `version '${m.version}' must be valid semver (e.g. '1.0.0' or '1.0.0-rc.1')`);
  }
  for (const [i, tool] of entries(m.tools)) {
    if (!isObj(tool)) continue;
    if (typeof tool.name === 'string' && tool.name && !IDENTIFIER.test(tool.name)) {
      err(`tools.${i}.name`, `tool name '${tool.name}' must be a valid identifier (letters/digits/underscore, not starting with digit)`);
    }
    const bad = entries(tool.scopes).find(([, s]) => typeof s === 'string' && !SCOPE.test(s));
    if (bad) err(`tools.${i}.scopes`, `scope '${String(bad[1])}' ${SCOPE_FORMS}`);
    if (isObj(tool.parameters)) {
      for (const [name, param] of Object.entries(tool.parameters)) {
        if (isObj(param) && typeof param.type === 'string' && !PARAM_TYPES.includes(param.type)) {
          err(`tools.${i}.parameters.${name}.type`, `parameter type '${param.type}' must be one of ['${PARAM_TYPES.join("', '")}']`);
        }
      }
    }
  }
  for (const [i, s] of entries(m.schedules)) {
    if (isObj(s) && typeof s.cron === 'string' && !CRON_SHAPE.test(s.cron.trim()) && !CRON_KEYWORDS.includes(s.cron.trim())) {
      err(`schedules.${i}.cron`, `cron '${s.cron}' must be 5-field unix cron (e.g. '0 9 * * *') or @keyword (@hourly, @daily, ...)`);
    }
  }
  const badScope = entries(m.required_scopes).find(([, s]) => typeof s === 'string' && !SCOPE.test(s));
  if (badScope) err('required_scopes', `required_scopes entry '${String(badScope[1])}' ${SCOPE_FORMS}`);
  return out;
}
