import { describe, expect, it } from 'vitest';
import type { RequestSpec } from '../request/index.ts';
import type { FormField } from './form-fields.ts';
import type { KeyStorage } from './key-store.ts';
import { applyEnvironment, captureValues, createEnvironmentStore, removeEnvironment, upsertEnvironment } from './environments.ts';
import { fieldText } from './spec-edit.ts';

function memory(): KeyStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const fields: FormField[] = [
  { id: 'path:org', name: 'org', in: 'path', control: 'text', required: true },
  { id: 'query:limit', name: 'limit', in: 'query', control: 'integer', required: false },
  { id: 'header:X-Region', name: 'X-Region', in: 'header', control: 'text', required: false },
  { id: 'body:name', name: 'name', in: 'body', control: 'text', required: false },
];

const spec: RequestSpec = {
  api: 't', operation: 'list', method: 'GET', baseUrl: '/api/proxy/t', path: '/orgs/{org}/things',
  pathParams: { org: 'acme' }, query: [['limit', '10']], headers: [], stream: false,
};

describe('environments', () => {
  it('switch a request’s server and its path, query and header values by parameter name', () => {
    const env = { name: 'Staging', server: 'https://staging.example.com', values: { org: 'org_42', limit: '5', 'X-Region': 'eu', name: 'ignored' } };
    const next = applyEnvironment(spec, fields, env, ['/api/proxy/t', 'https://staging.example.com']);
    expect(next.baseUrl).toBe('https://staging.example.com');
    expect(fields.map((f) => fieldText(next, f))).toEqual(['org_42', '5', 'eu', '']);
    expect(applyEnvironment(spec, fields, { ...env, server: 'https://elsewhere.example.com' }, ['/api/proxy/t']).baseUrl).toBe('/api/proxy/t');
    expect(applyEnvironment(spec, fields, undefined, [])).toBe(spec);
  });

  it('are captured from the form, kept per API, and removed', () => {
    const storage = memory();
    const store = createEnvironmentStore('t', storage);
    expect(store.read()).toEqual({ active: '', list: [] });
    const values = captureValues(fields, (f) => fieldText(spec, f));
    expect(values).toEqual({ org: 'acme', limit: '10' });
    let state = upsertEnvironment(store.read(), { name: 'Prod', values });
    state = upsertEnvironment(state, { name: 'Dev', values: { org: 'dev' } });
    store.write(state);
    expect(createEnvironmentStore('t', storage).read()).toEqual({ active: 'Dev', list: [{ name: 'Prod', values }, { name: 'Dev', values: { org: 'dev' } }] });
    expect(createEnvironmentStore('other', storage).read().list).toEqual([]);
    expect(removeEnvironment(state, 'Dev')).toEqual({ active: '', list: [{ name: 'Prod', values }] });
    storage.setItem('tryit:env:t', '{broken');
    expect(store.read()).toEqual({ active: '', list: [] });
  });
});
