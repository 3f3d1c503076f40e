// Browser entry for the OAuth client, imported on demand (`import('…/tryit/oauth.ts')`) by
// consoles whose spec declares OAuth 2.0 or OpenID Connect, so other pages never load it.
export { beginAuthorization, clientCredentialsToken, completeAuthorization, describeOAuthError, refreshToken, RelayError, serverFor } from './oauth-client.ts';
