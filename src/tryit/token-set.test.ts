import { describe, expect, it } from 'vitest';
import { describeExpiry, needsRefresh, parseTokenSet, toTokenSet } from './token-set.ts';

describe('token sets', () => {
  it('turns a token response into what the console keeps, expiry as a time', () => {
    const token = toTokenSet({ access_token: 'at', token_type: 'Bearer', refresh_token: 'rt', expires_in: 60, scope: 'a b' }, 1_000);
    expect(token).toEqual({ accessToken: 'at', tokenType: 'Bearer', refreshToken: 'rt', expiresAt: 61_000, scope: 'a b' });
    expect(parseTokenSet(JSON.stringify(token))).toEqual(token);
    expect(parseTokenSet('not json')).toBeUndefined();
    expect(parseTokenSet('{"accessToken":1}')).toBeUndefined();
  });

  it('refreshes only a token that has a refresh token and is about to expire', () => {
    const token = toTokenSet({ access_token: 'at', token_type: 'Bearer', refresh_token: 'rt', expires_in: 60 }, 0);
    expect(needsRefresh(token, 10_000)).toBe(false);
    expect(needsRefresh(token, 56_000)).toBe(true);
    expect(needsRefresh({ ...token, refreshToken: undefined }, 100_000)).toBe(false);
  });

  it('says when a token expires in words', () => {
    const token = toTokenSet({ access_token: 'at', token_type: 'Bearer', expires_in: 3600 }, 0);
    expect(describeExpiry(token, 0)).toBe('expires in 60 min');
    expect(describeExpiry(token, 3_588_000)).toBe('expires in 12 s');
    expect(describeExpiry(token, 3_780_000)).toBe('expired 3 min ago');
    expect(describeExpiry({ accessToken: 'x', tokenType: 'Bearer' }, 0)).toBe('no expiry given');
  });
});
