import { describe, expect, it } from 'vitest';

// The public surface of the proxy box (value exports): an accidental export shows up here in review.
describe('public surface', () => {
  it('src/proxy/index.ts', async () => {
    expect(Object.keys(await import('./index.ts')).sort()).toEqual([
      'DEFAULT_LIMITS', 'PROXY_ERRORS', 'ProxyConfigError', 'createProxy', 'formatLogLine', 'guardFetch', 'limitsFromEnv',
      'proxyConfigFromEnv', 'sandboxedApis', 'toProxyApi', 'toProxyConfig',
    ]);
  });
  it('src/proxy/index.node.ts', async () => {
    expect(Object.keys(await import('./index.node.ts')).sort()).toEqual([
      'createClientErrorHandler', 'createNodeFetch', 'createNodeProxyHandler', 'createUpstreamAgent',
    ]);
  });
});
