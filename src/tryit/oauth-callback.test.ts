import { describe, expect, it } from 'vitest';
import type { KeyStorage } from './key-store.ts';
import { callbackParams, readPending, routeCallback, savePending, takeArrived } from './oauth-callback.ts';
import type { PendingAuthorization } from './oauth-client.ts';

function memory(): KeyStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const pending = (mode: 'popup' | 'redirect', state = 'st-1'): PendingAuthorization => ({
  state, verifier: 'v', scheme: 'oauth', clientId: 'c', redirectUri: 'http://site/docs/tryit/oauth.callback/', returnTo: '/docs/reference/t/list-things/#try-it', mode,
  server: { issuer: 'https://auth.example.com', authorization_endpoint: 'https://auth.example.com/authorize', token_endpoint: 'https://auth.example.com/token' },
});

describe('the OAuth callback hand-over', () => {
  it('reads the answer from the query, or from the fragment', () => {
    expect(callbackParams('?code=c&state=s', '').get('code')).toBe('c');
    expect(callbackParams('', '#code=c2&state=s').get('code')).toBe('c2');
  });

  it('passes a popup’s answer to its console, and a redirect’s back to the page it started from', () => {
    const storage = memory();
    savePending(storage, pending('popup', 'p1'), 0);
    savePending(storage, pending('redirect', 'r1'), 0);
    expect(routeCallback(new URLSearchParams('code=x&state=p1'), storage, 1000, false)).toEqual({ kind: 'popup', params: 'code=x&state=p1' });
    // A popup opened before the console saved its state: the console (the opener) checks it.
    expect(routeCallback(new URLSearchParams('code=x&state=later'), storage, 1000, true)).toEqual({ kind: 'popup', params: 'code=x&state=later' });
    expect(routeCallback(new URLSearchParams('code=y&state=r1'), storage, 1000, false)).toEqual({ kind: 'redirect', params: 'code=y&state=r1', returnTo: '/docs/reference/t/list-things/#try-it' });
    expect(takeArrived(storage)?.get('code')).toBe('y');
    expect(takeArrived(storage)).toBeUndefined();
  });

  it('refuses an answer whose state was not started here, or is stale', () => {
    const storage = memory();
    savePending(storage, pending('popup', 'old'), 0);
    expect(routeCallback(new URLSearchParams('code=x&state=forged'), storage, 1000, false)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/No sign-in with this state/) });
    expect(routeCallback(new URLSearchParams('code=x'), storage, 1000, true)).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/no state/) });
    expect(readPending(storage, 'old', 16 * 60_000)).toBeUndefined();
    expect(storage.data.size).toBe(0);
  });
});
