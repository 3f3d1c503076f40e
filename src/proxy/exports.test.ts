import { expect, it } from 'vitest';

// The public surfaces of the proxy box: an accidental export shows up here in review.
it('exports only its public surface', async () => {
  expect(Object.keys(await import('./index.ts')).sort()).toEqual([
    'DEFAULT_LIMITS', 'PROXY_ERRORS', 'ProxyConfigError', 'createProxy', 'formatLogLine',
    'isPrivateHost', 'limitsFromEnv', 'toProxyApi', 'toProxyConfig',
  ]);
});

it('exports only its Node surface', async () => {
  expect(Object.keys(await import('./index.node.ts')).sort()).toEqual(['createClientErrorHandler', 'createNodeFetch', 'createNodeProxyHandler', 'createUpstreamAgent']);
});
