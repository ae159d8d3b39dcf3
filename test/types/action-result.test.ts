/** ActionResult's wire form: key order, omissions, and the reference JSON Schema. */
import { describe, expect, it } from 'vitest';
import { ActionResult, Document } from '../../src/index.js';
import { validateActionResultV5 } from '../helpers/action-result-v5.js';
import { schemaValidator } from '../helpers/reference.js';

/** The v4 reference schema: results without `error_code` must still satisfy it. */
const validate = schemaValidator('schemas/action_result.schema.json');

describe('ActionResult', () => {
  it('success: status, summary, data — nothing else', () => {
    const dict = ActionResult.success({ a: 1 }, { summary: 'done' }).toDict();
    expect(JSON.stringify(dict)).toBe('{"status":"success","summary":"done","data":{"a":1}}');
    expect(validate(dict)).toEqual([]);
  });

  it('error: data {} and error; retryable only when true', () => {
    expect(JSON.stringify(ActionResult.error('boom').toDict())).toBe('{"status":"error","summary":"","data":{},"error":"boom"}');
    const retry = ActionResult.error('later', { retryable: true }).toDict();
    expect(JSON.stringify(retry)).toBe('{"status":"error","summary":"","data":{},"error":"later","retryable":true}');
    expect(validate(retry)).toEqual([]);
  });

  it('error_code comes right after error, only when non-empty (5.11)', () => {
    const dict = ActionResult.error('gone', { code: 'NOT_FOUND', retryable: true }).toDict();
    expect(Object.keys(dict)).toEqual(['status', 'summary', 'data', 'error', 'error_code', 'retryable']);
    expect(ActionResult.error('x', { code: '' }).toDict()).not.toHaveProperty('error_code');
    expect(validateActionResultV5(dict)).toEqual([]);
  });

  it('results with error_code validate against the 5.11 schema (the v4 reference predates the field)', () => {
    const coded = ActionResult.error('x', { code: 'NOT_FOUND', retryable: true }).toDict();
    expect(coded).toEqual({ status: 'error', summary: '', data: {}, error: 'x', error_code: 'NOT_FOUND', retryable: true });
    expect(validateActionResultV5(coded)).toEqual([]);
    expect(validateActionResultV5(ActionResult.error('bad input', { code: 'VALIDATION' }).toDict())).toEqual([]);
    expect(validateActionResultV5(ActionResult.fromDict({ error: 'e', error_code: 'C', retryable: true }).toDict())).toEqual([]);
    // The delta is needed and is the only one: v4 rejects the field, v5 still rejects strangers and wrong types.
    expect(validate(coded)).not.toEqual([]);
    expect(validateActionResultV5({ ...coded, error_class: 'X' })).not.toEqual([]);
    expect(validateActionResultV5({ ...coded, error_code: 404 })).not.toEqual([]);
    // Results without error_code are valid under both.
    expect(validateActionResultV5(ActionResult.error('later', { retryable: true }).toDict())).toEqual([]);
  });

  it('the empty error string is kept (it is still a string)', () => {
    expect(ActionResult.error('').toDict()).toHaveProperty('error', '');
  });

  it('ui and refresh_panels: ui serialised with toDict, [] kept (refresh nothing), undefined omitted (refresh all)', () => {
    const node = { toDict: () => ({ type: 'Text', props: { content: 'hi' } }) };
    const dict = ActionResult.success({}, { summary: 's', ui: node, refreshPanels: [] }).toDict();
    expect(Object.keys(dict)).toEqual(['status', 'summary', 'data', 'ui', 'refresh_panels']);
    expect(dict.ui).toEqual({ type: 'Text', props: { content: 'hi' } });
    expect(dict.refresh_panels).toEqual([]);
    expect(ActionResult.success({}, { refreshPanels: null }).toDict()).not.toHaveProperty('refresh_panels');
    expect(validate(dict)).toEqual([]);
  });

  it('data objects that know their wire form are serialised by it', () => {
    const doc = new Document({ id: 'd1', collection: 'notes', data: { t: 1 } });
    expect(ActionResult.success(doc).toDict().data).toMatchObject({ id: 'd1', extension_id: '', tenant_id: 'default' });
  });

  it('fromDict round-trips every field, ui included, with defaults for missing keys', () => {
    const original = ActionResult.success({ x: [1] }, { summary: 'ok', ui: { type: 'Text', props: {} }, refreshPanels: ['a'] });
    expect(ActionResult.fromDict(original.toDict() as never).toDict()).toEqual(original.toDict());
    const err = ActionResult.fromDict({ error: 'e', error_code: 'C', retryable: true });
    expect(err.status).toBe('error');
    expect(err.toDict()).toEqual({ status: 'error', summary: '', data: {}, error: 'e', error_code: 'C', retryable: true });
  });

  it('JSON.stringify gives the wire form', () => {
    expect(JSON.parse(JSON.stringify(ActionResult.success({ a: 1 }, { summary: 'x' })))).toEqual({ status: 'success', summary: 'x', data: { a: 1 } });
  });

  it('ok reflects the status', () => {
    expect(ActionResult.success({}).ok).toBe(true);
    expect(ActionResult.error('x').ok).toBe(false);
  });
});
