import { expect, it } from 'vitest';
import { allowPrivateEnvName, upstreamEnvName } from './env-name.ts';

it('names the env vars per API, non-alphanumerics as _', () => {
  expect(upstreamEnvName('my-api')).toBe('API_BASE_URL_MY_API');
  expect(upstreamEnvName('melious')).toBe('API_BASE_URL_MELIOUS');
  expect(allowPrivateEnvName('my.api v2')).toBe('API_ALLOW_PRIVATE_MY_API_V2');
});
