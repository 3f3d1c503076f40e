// The hand-over between the console, the authorization server and the one callback page all
// APIs share. The console keeps what it started (verifier, state) in sessionStorage under the
// state; the callback page finds it there and either passes the answer to the console that
// opened it as a popup, or stores it and goes back to the page a redirect started from.
import type { KeyStorage } from './key-store.ts';
import type { PendingAuthorization } from './oauth-client.ts';

const PENDING = 'tryit:oauth:pending:';
const ARRIVED = 'tryit:oauth:callback';
/** Pending sign-ins older than this are dropped (the code they wait for has expired anyway). */
const MAX_AGE_MS = 15 * 60_000;

/** The message a popup callback sends to its console (postMessage, or BroadcastChannel when the opener is gone). */
export const CALLBACK_MESSAGE = 'tryit-oauth-callback';
export const CALLBACK_CHANNEL = 'tryit-oauth';

export function savePending(storage: KeyStorage, pending: PendingAuthorization, now: number): void {
  storage.setItem(PENDING + pending.state, JSON.stringify({ ...pending, savedAt: now }));
}

export function readPending(storage: KeyStorage, state: string, now: number): PendingAuthorization | undefined {
  const raw = state ? storage.getItem(PENDING + state) : null;
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as PendingAuthorization & { savedAt: number };
    if (now - value.savedAt > MAX_AGE_MS) {
      storage.removeItem(PENDING + state);
      return undefined;
    }
    const { savedAt: _saved, ...pending } = value;
    return pending;
  } catch {
    return undefined;
  }
}

export function dropPending(storage: KeyStorage, state: string): void {
  storage.removeItem(PENDING + state);
}

/** The authorization response's parameters: in the query, or in the fragment (response_mode=fragment). */
export function callbackParams(search: string, hash: string): URLSearchParams {
  const query = new URLSearchParams(search);
  if (query.has('state') || query.has('code') || query.has('error')) return query;
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export type CallbackRoute =
  | { kind: 'popup'; params: string }
  | { kind: 'redirect'; params: string; returnTo: string }
  | { kind: 'unknown'; reason: string };

/**
 * What the callback page does with the answer it got. A redirect started in this tab goes back
 * to its page; anything else is handed to the console that opened the popup (a popup's storage
 * is a copy taken when it opened, so only the console can match the state, and it does).
 */
export function routeCallback(params: URLSearchParams, storage: KeyStorage, now: number, hasOpener: boolean): CallbackRoute {
  const state = params.get('state') ?? '';
  if (!state) return { kind: 'unknown', reason: 'The authorization server sent no state, so this answer cannot be matched to a sign-in started here.' };
  const pending = readPending(storage, state, now);
  if (pending?.mode === 'redirect') {
    storage.setItem(ARRIVED, params.toString());
    return { kind: 'redirect', params: params.toString(), returnTo: pending.returnTo };
  }
  if (pending || hasOpener) return { kind: 'popup', params: params.toString() };
  return { kind: 'unknown', reason: 'No sign-in with this state was started from this site in this tab (or it is older than 15 minutes). Start it again from the console.' };
}

/** After a redirect back: the answer the callback page left for the console (taken once). */
export function takeArrived(storage: KeyStorage): URLSearchParams | undefined {
  const raw = storage.getItem(ARRIVED);
  if (raw === null) return undefined;
  storage.removeItem(ARRIVED);
  return new URLSearchParams(raw);
}
