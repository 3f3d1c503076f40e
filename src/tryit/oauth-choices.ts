// Build time: the OAuth 2.0 / OpenID Connect ways an operation can get a token, read from its
// security schemes. Plain JSON for the island; the browser loads the OAuth client only when
// this list is not empty.
import type { ApiModel, OAuthFlow, Operation } from '../openapi/index.ts';

export type OAuthFlowType = OAuthFlow['type'] | 'openIdConnect';

export interface OAuthChoice {
  /** Security scheme name in the spec. */
  scheme: string;
  flow: OAuthFlowType;
  /** False for flows the console shows but does not run; `reason` says why. */
  offered: boolean;
  reason?: string;
  /** URLs exactly as the spec declares them (the proxy forwards to these and nothing else). */
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  openIdConnectUrl?: string;
  scopes: Array<{ name: string; description: string }>;
}

const REMOVED = 'OAuth 2.1 removes this flow (it exposes tokens or passwords to the page); use authorization code with PKCE or client credentials.';

const NOT_OFFERED: Partial<Record<OAuthFlowType, string>> = {
  implicit: REMOVED,
  password: REMOVED,
  deviceAuthorization: 'Device authorization is meant for devices without a browser; use authorization code with PKCE here.',
};

/** Every OAuth flow of every scheme the operation accepts, offered ones first, in spec order. */
export function oauthChoices(api: ApiModel, op: Operation): OAuthChoice[] {
  const names = [...new Set(op.security.flat())];
  const out: OAuthChoice[] = [];
  for (const name of names) {
    const scheme = api.securitySchemes[name];
    if (scheme?.kind === 'openIdConnect') {
      out.push({ scheme: name, flow: 'openIdConnect', offered: true, openIdConnectUrl: scheme.openIdConnectUrl, scopes: [{ name: 'openid', description: 'Sign in (OpenID Connect)' }] });
    } else if (scheme?.kind === 'oauth2') {
      for (const flow of scheme.flows) {
        const reason = NOT_OFFERED[flow.type];
        out.push({
          scheme: name, flow: flow.type, offered: reason === undefined, ...(reason ? { reason } : {}),
          ...(flow.authorizationUrl ? { authorizationUrl: flow.authorizationUrl } : {}),
          ...(flow.tokenUrl ? { tokenUrl: flow.tokenUrl } : {}),
          ...(flow.refreshUrl ? { refreshUrl: flow.refreshUrl } : {}),
          scopes: Object.entries(flow.scopes).map(([scope, description]) => ({ name: scope, description })),
        });
      }
    }
  }
  return [...out.filter((c) => c.offered), ...out.filter((c) => !c.offered)];
}

/** "Authorization code + PKCE", for labels and messages. */
export function flowLabel(flow: OAuthFlowType): string {
  switch (flow) {
    case 'authorizationCode': return 'Authorization code + PKCE';
    case 'clientCredentials': return 'Client credentials';
    case 'openIdConnect': return 'OpenID Connect';
    case 'implicit': return 'Implicit';
    case 'password': return 'Password';
    default: return 'Device authorization';
  }
}
