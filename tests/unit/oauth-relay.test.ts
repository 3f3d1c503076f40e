// The proxy's OAuth routes against a real authorization server (oidc-provider on loopback), with
// the console's own OAuth client (oauth4webapi) talking to them as the browser does.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorker, startLocalWorker, type LocalWorker } from '../../src/edge/index.node.ts';
import { fromDocument, type ApiModel, type OpenApiDocument } from '../../src/openapi/index.ts';
import { createProxy, formatLogLine, toProxyApi, toProxyConfig, type ProxyHandler } from '../../src/proxy/index.ts';
import { createNodeFetch } from '../../src/proxy/index.node.ts';
import { oauthChoices, type OAuthChoice, type OAuthDeps } from '../../src/tryit/index.ts';
import { clientCredentialsToken, describeOAuthError, serverFor } from '../../src/tryit/oauth.ts';
import { MACHINE_CLIENT, MACHINE_SECRET, startAuthServer, testSpec, type AuthServer } from '../fixtures/oauth/auth-server.ts';

let auth: AuthServer;
let api: ApiModel;
let proxy: ProxyHandler;
let choices: OAuthChoice[];
let closeFetch: () => Promise<void>;
const logs: string[] = [];
const site = 'http://docs.test';
const deps: OAuthDeps = {
  relay: `${site}/api/proxy/things/.oauth`,
  fetch: (input, init) => proxy(new Request(String(input), init), { clientId: 'test' }),
  now: () => Date.now(),
};
const choice = (flow: string) => choices.find((c) => c.flow === flow)!;

beforeAll(async () => {
  auth = await startAuthServer([`${site}/tryit/oauth.callback/`]);
  api = fromDocument(JSON.parse(testSpec(auth.origin, auth.issuer)) as OpenApiDocument, { id: 'things', file: 'tests/fixtures/oauth/things.json' });
  const fetch = createNodeFetch({ allowPrivateHosts: ['127.0.0.1'] });
  closeFetch = () => fetch.close();
  proxy = createProxy(toProxyConfig([toProxyApi(api, { url: `${auth.origin}/api`, allowPrivate: true })]), { fetch, log: (entry) => logs.push(formatLogLine(entry)) });
  choices = oauthChoices(api, api.operations[0]);
});

afterAll(async () => {
  await closeFetch?.();
  await auth?.close();
});

describe('OAuth through the proxy', () => {
  it('gets a client-credentials token from the declared token URL, and the API accepts it', async () => {
    const token = await clientCredentialsToken(choice('clientCredentials'), { clientId: MACHINE_CLIENT, clientSecret: MACHINE_SECRET }, ['things:read'], deps);
    expect(token.tokenType.toLowerCase()).toBe('bearer');
    expect(token.expiresAt).toBeGreaterThan(Date.now());
    const answer = await proxy(new Request(`${site}/api/proxy/things/orgs/acme/things?limit=1`, { headers: { authorization: `Bearer ${token.accessToken}` } }));
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ org: 'acme', client: MACHINE_CLIENT, things: [{ id: 'thing_1' }] });
    expect(logs.join('\n')).not.toContain(token.accessToken);
    expect(logs.join('\n')).not.toContain(MACHINE_SECRET);
  });

  it('shows the authorization server’s own error for a wrong secret', async () => {
    const failure = await clientCredentialsToken(choice('clientCredentials'), { clientId: MACHINE_CLIENT, clientSecret: 'wrong-secret' }, [], deps).catch((e: unknown) => e);
    expect(describeOAuthError(failure)).toBe('The authorization server said “client authentication failed” (invalid_client, HTTP 401).');
  });

  it('fetches the declared discovery document and then allows its token endpoint', async () => {
    const server = await serverFor(choice('openIdConnect'), deps);
    expect(server).toEqual({ issuer: auth.issuer, authorization_endpoint: `${auth.issuer}/auth`, token_endpoint: `${auth.issuer}/token` });
  });

  it('refuses a token URL, or a discovery URL, the spec does not declare, without calling it', async () => {
    const before = logs.length;
    const token = await proxy(new Request(`${site}/api/proxy/things/.oauth/token?url=${encodeURIComponent(`${auth.origin}/steal`)}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${btoa(`${MACHINE_CLIENT}:${MACHINE_SECRET}`)}` }, body: 'grant_type=client_credentials',
    }));
    expect(token.status).toBe(403);
    expect(token.headers.get('x-proxy-error')).toBe('PROXY_OAUTH_URL_REFUSED');
    expect(((await token.json()) as { error: { message: string } }).error.message).toContain(`${auth.origin}/steal is not a token URL of things's spec`);
    const discovery = await proxy(new Request(`${site}/api/proxy/things/.oauth/discovery?url=${encodeURIComponent('https://evil.example/.well-known/openid-configuration')}`));
    expect(discovery.status).toBe(403);
    const get = await proxy(new Request(`${site}/api/proxy/things/.oauth/token?url=${encodeURIComponent(`${auth.issuer}/token`)}`));
    expect(get.status).toBe(403);
    expect(logs.slice(before).join('\n')).not.toContain(MACHINE_SECRET);
    expect(logs.slice(before).every((line) => line.includes('PROXY_OAUTH_URL_REFUSED'))).toBe(true);
  });
});

// The Worker runs the same Fetch core: its OAuth routes work in workerd too (workerd's fetch,
// the private-address guard allowing the declared loopback token URL), and log nothing secret.
describe('OAuth through the proxy on the Worker (workerd)', () => {
  let worker: LocalWorker;
  const workerLogs: string[] = [];
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oauth-worker-'));
    mkdirSync(join(dir, 'client'));
    const built = await buildWorker({ apis: [api], outDir: join(dir, 'worker'), assetsDir: join(dir, 'client') });
    worker = await startLocalWorker({
      configPath: built.configPath,
      vars: { API_BASE_URL_THINGS: `${auth.origin}/api`, API_ALLOW_PRIVATE_THINGS: '1' },
      onOutput: (line) => void (line.startsWith('proxy ') && workerLogs.push(line)),
    });
  }, 60_000);
  afterAll(() => worker?.close());

  it('gets a client-credentials token, refuses an undeclared token URL, and logs neither secret nor token', async () => {
    const onWorker: OAuthDeps = { relay: `${worker.url}/api/proxy/things/.oauth`, fetch: (input, init) => fetch(input, init), now: () => Date.now() };
    const token = await clientCredentialsToken(choice('clientCredentials'), { clientId: MACHINE_CLIENT, clientSecret: MACHINE_SECRET }, ['things:read'], onWorker);
    const answer = await fetch(`${worker.url}/api/proxy/things/orgs/acme/things?limit=1`, { headers: { authorization: `Bearer ${token.accessToken}` } });
    expect(answer.status).toBe(200);
    const refused = await fetch(`${worker.url}/api/proxy/things/.oauth/token?url=${encodeURIComponent(`${auth.origin}/steal`)}`, {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `grant_type=client_credentials&client_secret=${MACHINE_SECRET}`,
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('x-proxy-error')).toBe('PROXY_OAUTH_URL_REFUSED');
    await expect.poll(() => workerLogs.some((line) => line.includes('PROXY_OAUTH_URL_REFUSED'))).toBe(true);
    expect(workerLogs.some((line) => line.includes(' oauth-token POST '))).toBe(true);
    expect(workerLogs.join('\n')).not.toContain(MACHINE_SECRET);
    expect(workerLogs.join('\n')).not.toContain(token.accessToken);
  }, 30_000);
});
