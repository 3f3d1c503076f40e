import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../request/index.ts';
import type { FormField } from './form-fields.ts';
import { fieldText, multipartValues, paramValues, setField, toSendable, toValue } from './spec-edit.ts';

const spec: RequestSpec = {
  api: 't', operation: 'x', method: 'POST', baseUrl: '/api/proxy/t', path: '/v1/models/{id}',
  pathParams: { id: 'glm' }, query: [['tag', 'a'], ['tag', 'b']], headers: [['X-Vault-Key', 'v']], stream: false,
  body: { kind: 'json', mediaType: 'application/json', value: { prompt: 'cat', n: 1 } },
};
const f = (partial: Partial<FormField> & Pick<FormField, 'name' | 'in' | 'control'>): FormField => ({ id: `${partial.in}:${partial.name}`, required: false, ...partial });

describe('fieldText and setField', () => {
  it('reads and writes every location without touching the original', () => {
    const id = f({ name: 'id', in: 'path', control: 'text' });
    const tag = f({ name: 'tag', in: 'query', control: 'list', item: 'text' });
    const vault = f({ name: 'x-vault-key', in: 'header', control: 'text' });
    const n = f({ name: 'n', in: 'body', control: 'integer' });
    expect([fieldText(spec, id), fieldText(spec, tag), fieldText(spec, vault), fieldText(spec, n)]).toEqual(['glm', 'a,b', 'v', '1']);
    let next = setField(spec, tag, 'c, d');
    next = setField(next, n, '3');
    next = setField(next, vault, '');
    next = setField(next, id, 'gpt 4');
    expect(next.query).toEqual([['tag', 'c'], ['tag', 'd']]);
    expect(next.body).toEqual({ kind: 'json', mediaType: 'application/json', value: { prompt: 'cat', n: 3 } });
    expect(next.headers).toEqual([]);
    expect(next.pathParams.id).toBe('gpt 4');
    expect(spec.query).toHaveLength(2);
    expect(setField(spec, n, '').body).toMatchObject({ value: { prompt: 'cat' } });
  });

  it('joins a query list into one value when the spec says explode: false', () => {
    const ids = f({ name: 'ids', in: 'query', control: 'list', item: 'integer', joined: true });
    expect(setField(spec, ids, '1,2').query).toContainEqual(['ids', '1,2']);
  });
});

describe('typed values', () => {
  it('keeps text that is not a number as text so validation can name it', () => {
    expect(toValue(f({ name: 'n', in: 'body', control: 'integer' }), 'two')).toBe('two');
    expect(toValue(f({ name: 'n', in: 'body', control: 'number' }), '0.5')).toBe(0.5);
    expect(toValue(f({ name: 'b', in: 'query', control: 'toggle' }), 'true')).toBe(true);
    expect(toValue(f({ name: 'l', in: 'query', control: 'list', item: 'integer' }), '1, 2')).toEqual([1, 2]);
  });

  it('collects parameter values by field id, only for parameters present', () => {
    const fields = [f({ name: 'id', in: 'path', control: 'text' }), f({ name: 'limit', in: 'query', control: 'integer' }), f({ name: 'tag', in: 'query', control: 'list', item: 'text' })];
    expect(paramValues(spec, fields)).toEqual({ 'path:id': 'glm', 'query:tag': ['a', 'b'] });
  });

  it('reads multipart fields, and files only once the reader chose one', () => {
    const stand_in: RequestSpec = { ...spec, body: { kind: 'multipart', mediaType: 'multipart/form-data', parts: [{ name: 'file', filename: 'audio.mp3', contentType: 'audio/mpeg' }, { name: 'model', value: 'w' }] } };
    expect(multipartValues(stand_in)).toEqual({ model: 'w' });
    expect(toSendable(stand_in).body).toEqual({ kind: 'multipart', mediaType: 'multipart/form-data', parts: [{ name: 'model', value: 'w' }] });
    const chosen: RequestSpec = { ...spec, body: { kind: 'multipart', mediaType: 'multipart/form-data', parts: [{ name: 'file', filename: 'me.mp3', contentType: 'audio/mpeg', data: 'AAAA' }] } };
    expect(multipartValues(chosen)).toEqual({ file: 'me.mp3' });
    expect(toSendable(chosen)).toEqual(chosen);
    expect(toSendable(spec)).toBe(spec);
  });
});
