// The browser's OAuth client, on oauth4webapi (PKCE, state, nonce, token responses). Loaded on
// demand, only by consoles whose spec declares OAuth 2.0 or OpenID Connect. Every request to
// the authorization server goes through the site's proxy (`relay`), which forwards only to the
// token and discovery URLs the spec declares; the browser itself only navigates to the
// authorization URL.
import * as oauth from 'oauth4webapi';
import type { OAuthChoice } from './oauth-choices.ts';
import { toTokenSet, type TokenSet } from './token-set.ts';

export interface OAuthDeps {
  /** `<base>/api/proxy/<api>/.oauth`: the proxy's OAuth routes for this API. */
  relay: string;
  fetch: typeof fetch;
  now: () => number;
}

export interface ClientCredentials {
  clientId: string;
  /** Empty for a public client (authorization code + PKCE only). */
  clientSecret: string;
}

/** What the console keeps (in sessionStorage, never in a URL) between the redirect and the callback. */
export interface PendingAuthorization {
  state: string;
  verifier: string;
  nonce?: string;
  scheme: string;
  clientId: string;
  redirectUri: string;
  /** Where a redirect (not a popup) comes back to. */
  returnTo: string;
  mode: 'popup' | 'redirect';
  server: AuthorizationServerJson;
}

/** The authorization server metadata oauth4webapi needs, as plain JSON. */
export interface AuthorizationServerJson {
  issuer: string;
  authorization_endpoint?: string;
  token_endpoint?: string;
}

/** The authorization server behind one choice: the spec's URLs, or the discovery document fetched through the proxy. */
export async function serverFor(choice: OAuthChoice, deps: OAuthDeps): Promise<AuthorizationServerJson> {
  if (choice.flow !== 'openIdConnect') {
    const anyUrl = choice.tokenUrl ?? choice.authorizationUrl ?? '';
    return { issuer: new URL(anyUrl).origin, ...(choice.authorizationUrl ? { authorization_endpoint: choice.authorizationUrl } : {}), ...(choice.tokenUrl ? { token_endpoint: choice.tokenUrl } : {}) };
  }
  const url = choice.openIdConnectUrl ?? '';
  const response = await throughRelay(deps, 'discovery', url, { method: 'GET', headers: { accept: 'application/json' } });
  const issuer = new URL(url.replace(/\/\.well-known\/openid-configuration$/, ''));
  const as = await oauth.processDiscoveryResponse(issuer, response);
  return { issuer: as.issuer, ...(as.authorization_endpoint ? { authorization_endpoint: as.authorization_endpoint } : {}), ...(as.token_endpoint ? { token_endpoint: as.token_endpoint } : {}) };
}

/** Step 1 of authorization code + PKCE (S256): the URL to open, and what to keep until the callback. */
export async function beginAuthorization(
  choice: OAuthChoice, client: ClientCredentials, scopes: string[],
  where: { redirectUri: string; returnTo: string; mode: 'popup' | 'redirect' }, deps: OAuthDeps,
): Promise<{ url: string; pending: PendingAuthorization }> {
  const server = await serverFor(choice, deps);
  if (!server.authorization_endpoint) throw new Error(`${choice.scheme}: the authorization server declares no authorization endpoint.`);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const nonce = choice.flow === 'openIdConnect' ? oauth.generateRandomNonce() : undefined;
  const url = new URL(server.authorization_endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', client.clientId);
  url.searchParams.set('redirect_uri', where.redirectUri);
  if (scopes.length > 0) url.searchParams.set('scope', scopes.join(' '));
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', await oauth.calculatePKCECodeChallenge(verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  if (nonce) url.searchParams.set('nonce', nonce);
  return {
    url: url.href,
    pending: { state, verifier, ...(nonce ? { nonce } : {}), scheme: choice.scheme, clientId: client.clientId, redirectUri: where.redirectUri, returnTo: where.returnTo, mode: where.mode, server },
  };
}

/** Step 2: checks `state` (and any error the server sent back), then trades the code for tokens. */
export async function completeAuthorization(pending: PendingAuthorization, callback: URLSearchParams, clientSecret: string, deps: OAuthDeps): Promise<TokenSet> {
  const as = toServer(pending.server);
  const client: oauth.Client = { client_id: pending.clientId };
  const params = oauth.validateAuthResponse(as, client, callback, pending.state);
  const response = await oauth.authorizationCodeGrantRequest(as, client, clientAuth(clientSecret), params, pending.redirectUri, pending.verifier, options(deps, as.token_endpoint));
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response, pending.nonce ? { expectedNonce: pending.nonce, requireIdToken: true } : {});
  return toTokenSet(tokens, deps.now());
}

export async function clientCredentialsToken(choice: OAuthChoice, client: ClientCredentials, scopes: string[], deps: OAuthDeps): Promise<TokenSet> {
  const as = toServer(await serverFor(choice, deps));
  const c: oauth.Client = { client_id: client.clientId };
  const parameters: Record<string, string> = scopes.length > 0 ? { scope: scopes.join(' ') } : {};
  const response = await oauth.clientCredentialsGrantRequest(as, c, clientAuth(client.clientSecret), parameters, options(deps, as.token_endpoint));
  return toTokenSet(await oauth.processClientCredentialsResponse(as, c, response), deps.now());
}

/** A new access token from the refresh token, at the spec's `refreshUrl` when it declares one. */
export async function refreshToken(choice: OAuthChoice, client: ClientCredentials, refresh: string, deps: OAuthDeps): Promise<TokenSet> {
  const server = await serverFor(choice, deps);
  const as = toServer({ ...server, ...(choice.refreshUrl ? { token_endpoint: choice.refreshUrl } : {}) });
  const c: oauth.Client = { client_id: client.clientId };
  const response = await oauth.refreshTokenGrantRequest(as, c, clientAuth(client.clientSecret), refresh, options(deps, as.token_endpoint));
  const tokens = toTokenSet(await oauth.processRefreshTokenResponse(as, c, response), deps.now());
  // A server that does not rotate refresh tokens sends none back: the old one stays valid.
  return tokens.refreshToken ? tokens : { ...tokens, refreshToken: refresh };
}

/** A failure in words a reader can act on, with the authorization server's own error when it sent one. */
export function describeOAuthError(error: unknown): string {
  if (error instanceof oauth.ResponseBodyError || error instanceof oauth.AuthorizationResponseError) {
    const words = error.error_description ?? PLAIN[error.error];
    const description = words ? `“${words}” ` : '';
    const status = error instanceof oauth.ResponseBodyError ? `, HTTP ${error.status}` : '';
    return `The authorization server said ${description}(${error.error}${status}).`;
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) {
    // A 401 with a challenge (a wrong client secret): the error is in the WWW-Authenticate parameters.
    const params = error.cause.find((c) => c.parameters.error)?.parameters;
    const words = params?.error_description ?? (params?.error ? PLAIN[params.error] : undefined);
    if (params?.error) return `The authorization server said ${words ? `“${words}” ` : ''}(${params.error}, HTTP ${error.status}).`;
    return `The authorization server refused the client credentials (HTTP ${error.status}).`;
  }
  if (error instanceof RelayError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  if ((error as { code?: string })?.code === oauth.JSON_ATTRIBUTE_COMPARISON && /state/.test(message)) return 'The sign-in came back with an unexpected state, so it was refused (it may be stale, or not started here). Start again.';
  return `OAuth failed: ${message}`;
}

/** RFC 6749 error codes in words, for servers that send no description. */
const PLAIN: Record<string, string> = {
  access_denied: 'the sign-in was declined, or no scope was granted',
  invalid_client: 'the client id or secret is wrong',
  invalid_grant: 'the code or refresh token is invalid, expired or already used',
  invalid_scope: 'a requested scope is unknown or not allowed for this client',
  unauthorized_client: 'this client may not use this flow',
  unsupported_grant_type: 'the server does not support this flow',
  invalid_request: 'the request is missing or repeats a parameter',
};

/** The proxy refused or could not reach the authorization server: its own message. */
export class RelayError extends Error {}

async function throughRelay(deps: OAuthDeps, route: 'token' | 'discovery', url: string, init: RequestInit): Promise<Response> {
  const response = await deps.fetch(`${deps.relay}/${route}?url=${encodeURIComponent(url)}`, { ...init, redirect: 'manual', credentials: 'omit' });
  if (response.headers.has('x-proxy-error')) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string }; message?: string };
    throw new RelayError(body.error?.message ?? body.message ?? `The proxy refused the request (HTTP ${response.status}).`);
  }
  return response;
}

function options(deps: OAuthDeps, tokenUrl: string | undefined): oauth.TokenEndpointRequestOptions {
  return {
    [oauth.customFetch]: (url: string, init: oauth.CustomFetchOptions<'POST', URLSearchParams>) => throughRelay(deps, 'token', url, { method: init.method, headers: init.headers, body: init.body, signal: init.signal }),
    // Plain http only for a server on this machine (a local or test authorization server).
    [oauth.allowInsecureRequests]: tokenUrl !== undefined && isLoopbackHttp(tokenUrl),
  };
}

function toServer(json: AuthorizationServerJson): oauth.AuthorizationServer {
  return { ...json };
}

function clientAuth(secret: string): oauth.ClientAuth {
  return secret ? oauth.ClientSecretBasic(secret) : oauth.None();
}

function isLoopbackHttp(url: string): boolean {
  const parsed = new URL(url);
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}
