// An OAuth token as the console keeps it (in the key store, like a key): what to send, when it
// expires, how to renew it. Pure helpers, so expiry and refresh decisions are testable.

export interface TokenSet {
  accessToken: string;
  tokenType: string;
  refreshToken?: string;
  /** Epoch ms; absent when the server did not say. */
  expiresAt?: number;
  /** Granted scopes, when the server said which. */
  scope?: string;
  /** The token response carried an ID token (OpenID Connect sign-in). */
  idToken?: boolean;
}

interface TokenResponse {
  access_token: string;
  token_type: string;
  refresh_token?: string;
  expires_in?: number;
  scope?: string;
  id_token?: string;
}

export function toTokenSet(response: TokenResponse, now: number): TokenSet {
  return {
    accessToken: response.access_token,
    tokenType: response.token_type,
    ...(response.refresh_token ? { refreshToken: response.refresh_token } : {}),
    ...(typeof response.expires_in === 'number' ? { expiresAt: now + response.expires_in * 1000 } : {}),
    ...(response.scope ? { scope: response.scope } : {}),
    ...(response.id_token ? { idToken: true } : {}),
  };
}

/** Refresh this close to expiry, so a token does not run out on its way to the API. */
export const REFRESH_MARGIN_MS = 5_000;

export function needsRefresh(token: TokenSet, now: number): boolean {
  return token.refreshToken !== undefined && token.expiresAt !== undefined && token.expiresAt - now <= REFRESH_MARGIN_MS;
}

/** "expires in 59 min", "expires in 12 s", "expired 3 min ago", "no expiry given". */
export function describeExpiry(token: TokenSet, now: number): string {
  if (token.expiresAt === undefined) return 'no expiry given';
  const left = token.expiresAt - now;
  const span = (ms: number) => {
    const s = Math.round(Math.abs(ms) / 1000);
    if (s < 90) return `${s} s`;
    const m = Math.round(s / 60);
    return m < 90 ? `${m} min` : `${Math.round(m / 60)} h`;
  };
  return left > 0 ? `expires in ${span(left)}` : `expired ${span(left)} ago`;
}

/** Parses what the key store holds; a corrupt or foreign value reads as no token. */
export function parseTokenSet(text: string): TokenSet | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<TokenSet>;
    return typeof value.accessToken === 'string' && typeof value.tokenType === 'string' ? (value as TokenSet) : undefined;
  } catch {
    return undefined;
  }
}
