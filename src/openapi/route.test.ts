import { describe, expect, it } from 'vitest';
import { createRouter } from './route.ts';

const ops = [
  { method: 'get', path: '/v1/models', id: 'list' },
  { method: 'get', path: '/v1/models/{id}', id: 'get' },
  { method: 'delete', path: '/v1/models/{id}', id: 'delete' },
  { method: 'get', path: '/v1/models/search', id: 'search' },
  { method: 'post', path: '/v1/chat/completions/', id: 'chat' },
  { method: 'get', path: "/docs('{key}')", id: 'odata' },
  { method: 'get', path: '/regions={region}/files/{file}.json', id: 'matrix' },
  { method: 'get', path: '/v1/café/{name}', id: 'unicode' },
  { method: 'get', path: '/v1/caf%C3%A9s', id: 'encoded' },
];
const router = createRouter(ops);

function found(method: string, path: string) {
  const result = router.match(method, path);
  return result.kind === 'found' ? { id: result.operation.id, params: result.params } : result;
}

describe('createRouter', () => {
  it('matches templates and decodes parameters', () => {
    expect(found('GET', '/v1/models/gpt%204')).toEqual({ id: 'get', params: { id: 'gpt 4' } });
    expect(found('get', "/docs('abc')")).toEqual({ id: 'odata', params: { key: 'abc' } });
    expect(found('GET', '/regions=eu/files/a.b.json')).toEqual({ id: 'matrix', params: { region: 'eu', file: 'a.b' } });
  });

  it('matches non-ASCII templates however the path is encoded', () => {
    expect(found('GET', '/v1/caf%C3%A9/na%C3%AFve')).toEqual({ id: 'unicode', params: { name: 'naïve' } });
    expect(found('GET', '/v1/caf%c3%a9/x')).toEqual({ id: 'unicode', params: { name: 'x' } });
    expect(found('GET', '/v1/café/x')).toEqual({ id: 'unicode', params: { name: 'x' } });
    expect(found('GET', '/v1/cafés')).toEqual({ id: 'encoded', params: {} });
    // Escapes of `/`, `%` and `?` keep their meaning: a parameter, never a separator.
    expect(found('GET', '/v1/caf%C3%A9/a%2Fb')).toEqual({ id: 'unicode', params: { name: 'a/b' } });
    expect(found('GET', '/v1/caf%C3%A9/100%25')).toEqual({ id: 'unicode', params: { name: '100%' } });
    expect(found('GET', '/v1/caf%C3%A9/%C3')).toEqual({ id: 'unicode', params: { name: '%C3' } });
  });

  it('prefers literal segments over parameters', () => {
    expect(found('GET', '/v1/models/search')).toEqual({ id: 'search', params: {} });
  });

  it('keeps trailing slashes significant', () => {
    expect(found('POST', '/v1/chat/completions/')).toEqual({ id: 'chat', params: {} });
    expect(router.match('POST', '/v1/chat/completions').kind).toBe('none');
  });

  it('tells a known path with another method apart from an unknown path', () => {
    expect(router.match('PUT', '/v1/models/x')).toEqual({ kind: 'method', allowed: ['GET', 'DELETE'] });
    expect(router.match('GET', '/v1/other').kind).toBe('none');
  });

  it('never lets a parameter span a slash', () => {
    expect(router.match('GET', '/v1/models/a/b').kind).toBe('none');
    expect(router.match('GET', '/v1/models/').kind).toBe('none');
  });
});
