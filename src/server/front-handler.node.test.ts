import { describe, expect, it } from 'vitest';
import { normalisedPath } from './front-handler.node.ts';

describe('normalisedPath', () => {
  it.each([
    ['/api/x/../proxy/melious/v1/models', '/api/proxy/melious/v1/models'],
    ['/api/%2e%2e/api/proxy/m', '/api/proxy/m'],
    ['/api/%70roxy/m', '/api/proxy/m'],
    ['/api/%2570roxy/m', '/api/proxy/m'],
    ['/api/proxy%2fm', '/api/proxy/m'],
    ['/api\\proxy/m', '/api/proxy/m'],
    ['//api/proxy/m', '/api/proxy/m'],
    ['/API/Proxy/m?x=1', '/api/proxy/m'],
    ['/reference/melious/', '/reference/melious/'],
  ])('%s → %s', (target, path) => {
    expect(normalisedPath(target)).toBe(path);
  });
});
