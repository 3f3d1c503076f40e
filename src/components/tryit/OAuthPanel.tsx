// OAuth 2.0 / OpenID Connect in the console, loaded only when the spec declares such a scheme.
// Gets a token (authorization code + PKCE in a popup or by redirect, client credentials, OIDC),
// shows its expiry, refreshes it, and hands it to the console like a pasted key.
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import {
  CALLBACK_CHANNEL, CALLBACK_MESSAGE, createKeyStore, describeExpiry, dropPending, flowLabel, maskKey, needsRefresh, parseTokenSet,
  readPending, savePending, takeArrived, type OAuthChoice, type OAuthDeps, type TokenSet, type TryItProps,
} from '../../tryit/index.ts';
import { beginAuthorization, clientCredentialsToken, completeAuthorization, describeOAuthError, refreshToken } from '../../tryit/oauth.ts';

interface Props {
  uid: string;
  api: string;
  oauth: NonNullable<TryItProps['oauth']>;
  remember: boolean;
  /** Puts the access token where a pasted key goes (the key store: this tab, unless remembered). */
  onToken: (accessToken: string) => void;
  /** Set here, called by the console before each send: a refreshed token when the current one is about to expire. */
  fresh: MutableRefObject<(() => Promise<string | undefined>) | undefined>;
}

interface Saved {
  clientId: string;
  clientSecret: string;
  token?: TokenSet;
}

export function OAuthPanel({ uid, api, oauth, remember, onToken, fresh }: Props) {
  const offered = useMemo(() => oauth.choices.filter((c) => c.offered), [oauth.choices]);
  const shownOnly = useMemo(() => oauth.choices.filter((c) => !c.offered), [oauth.choices]);
  const [index, setIndex] = useState(0);
  const choice: OAuthChoice | undefined = offered[index];
  const slot = choice ? `oauth:${choice.scheme}:${choice.flow}` : 'oauth';
  const store = useMemo(() => createKeyStore(api, globalThis.sessionStorage, globalThis.localStorage, slot), [api, slot]);
  const [saved, setSaved] = useState<Saved>({ clientId: '', clientSecret: '' });
  const [scopes, setScopes] = useState<string[]>([]);
  const [mode, setMode] = useState<'popup' | 'redirect'>('popup');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [now, setNow] = useState(() => Date.now());
  const handled = useRef(new Set<string>());
  const host = useRef<HTMLFieldSetElement>(null);
  // The console passes a new callback each render; listeners read the latest without re-subscribing.
  const latest = useRef({ onToken, remember, slot });
  latest.current = { onToken, remember, slot };
  const callbackUrl = typeof location === 'undefined' ? oauth.callback : new URL(oauth.callback, location.href).href;
  const deps: OAuthDeps = useMemo(() => ({ relay: oauth.relay, fetch: (input, init) => fetch(input, init), now: () => Date.now() }), [oauth.relay]);

  const keep = useCallback((next: Saved) => {
    setSaved(next);
    store.write(JSON.stringify(next), remember);
  }, [store, remember]);

  useEffect(() => {
    const read = parseSaved(store.read().key);
    setSaved(read);
    setScopes(choice?.flow === 'openIdConnect' ? ['openid'] : []);
    setError(undefined);
  }, [store, choice]);

  // The expiry line counts down.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const got = useCallback((token: TokenSet, base: Saved) => {
    keep({ ...base, token });
    onToken(token.accessToken);
    setError(undefined);
  }, [keep, onToken]);

  /** The callback's answer: state checked against what this tab started, then the code traded for tokens. */
  const finish = useCallback(async (params: URLSearchParams) => {
    const state = params.get('state') ?? '';
    if (handled.current.has(state)) return;
    handled.current.add(state);
    const pending = readPending(sessionStorage, state, Date.now());
    const matching = pending && oauth.choices.find((c) => c.scheme === pending.scheme && c.offered && (c.flow === 'authorizationCode' || c.flow === 'openIdConnect'));
    if (!pending || !matching) {
      if (!pending) setError('The sign-in came back with a state this console did not start (or it is older than 15 minutes), so it was refused. Start again.');
      return;
    }
    dropPending(sessionStorage, state);
    setBusy(true);
    try {
      // Kept in the slot of the flow that started it (after a redirect, the page opens on its first flow).
      const matchingSlot = `oauth:${matching.scheme}:${matching.flow}`;
      const matchingStore = createKeyStore(api, sessionStorage, localStorage, matchingSlot);
      const base = parseSaved(matchingStore.read().key);
      const token = await completeAuthorization(pending, params, base.clientSecret, deps);
      const next = { ...base, clientId: pending.clientId, token };
      matchingStore.write(JSON.stringify(next), latest.current.remember);
      latest.current.onToken(token.accessToken);
      setError(undefined);
      setIndex(Math.max(0, offered.indexOf(matching)));
      if (matchingSlot === latest.current.slot) setSaved(next);
    } catch (e) {
      setError(describeOAuthError(e));
    } finally {
      setBusy(false);
    }
  }, [api, deps, oauth.choices, offered]);

  // Answers arrive by postMessage from the popup, over a BroadcastChannel when the popup lost its opener, or after a redirect back.
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== location.origin || (event.data as { type?: string })?.type !== CALLBACK_MESSAGE) return;
      void finish(new URLSearchParams((event.data as { params: string }).params));
    };
    const channel = new BroadcastChannel(CALLBACK_CHANNEL);
    channel.onmessage = (event) => {
      if ((event.data as { type?: string })?.type === CALLBACK_MESSAGE) void finish(new URLSearchParams((event.data as { params: string }).params));
    };
    window.addEventListener('message', onMessage);
    const arrived = takeArrived(sessionStorage);
    if (arrived) void finish(arrived);
    return () => {
      window.removeEventListener('message', onMessage);
      channel.close();
    };
  }, [finish]);

  const refresh = useCallback(async (): Promise<string | undefined> => {
    if (!choice || !saved.token?.refreshToken) return undefined;
    const token = await refreshToken(choice, saved, saved.token.refreshToken, deps);
    got(token, saved);
    return token.accessToken;
  }, [choice, saved, deps, got]);

  useEffect(() => {
    fresh.current = async () => {
      if (!saved.token || !needsRefresh(saved.token, Date.now())) return undefined;
      try {
        return await refresh();
      } catch (e) {
        setError(`The token expired and could not be refreshed. ${describeOAuthError(e)}`);
        return undefined;
      }
    };
    return () => {
      fresh.current = undefined;
    };
  }, [fresh, saved, refresh]);

  if (!choice) return <NotOffered uid={uid} choices={shownOnly} />;

  const authCode = choice.flow === 'authorizationCode' || choice.flow === 'openIdConnect';
  const run = async () => {
    setError(undefined);
    if (!saved.clientId.trim()) return setError('Enter the client id your authorization server gave you.');
    if (choice.flow === 'clientCredentials' && !saved.clientSecret) return setError('Client credentials need the client secret too.');
    // Opened now, while the click still counts as the reader's: a popup opened after an await is blocked.
    const popup = authCode && mode === 'popup' ? window.open('', 'tryit-oauth', 'popup,width=520,height=720') : null;
    setBusy(true);
    try {
      if (!authCode) return got(await clientCredentialsToken(choice, saved, scopes, deps), saved);
      // Back from sign-in, the page opens at the console's heading: the fragment reopens the
      // console, which an operation page keeps behind "Try it".
      const heading = host.current?.closest('.tryit-host')?.querySelector<HTMLElement>('[data-console-heading]');
      const started = await beginAuthorization(choice, saved, scopes, {
        redirectUri: callbackUrl, returnTo: location.pathname + location.search + (heading?.id ? `#${heading.id}` : ''), mode: popup ? 'popup' : 'redirect',
      }, deps);
      savePending(sessionStorage, started.pending, Date.now());
      if (popup) popup.location.href = started.url;
      else location.assign(started.url);
    } catch (e) {
      popup?.close();
      setError(describeOAuthError(e));
    } finally {
      setBusy(false);
    }
  };

  const token = saved.token;
  const id = (name: string) => `tryit-oauth-${name}-${uid}`;
  return (
    <fieldset ref={host} className="tryit-oauth">
      <legend>OAuth 2.0 <span className="tryit-meta">get a token</span></legend>
      <div className="tryit-grid">
        <div className="tryit-field">
          <label htmlFor={id('flow')}>Flow</label>
          <select id={id('flow')} value={index} onChange={(e) => setIndex(Number(e.currentTarget.value))}>
            {offered.map((c, i) => <option key={`${c.scheme}-${c.flow}`} value={i}>{flowLabel(c.flow)} ({c.scheme})</option>)}
          </select>
        </div>
        <div className="tryit-field">
          <label htmlFor={id('client')}>Client id</label>
          <input id={id('client')} type="text" autoComplete="off" spellCheck={false} value={saved.clientId} onChange={(e) => keep({ ...saved, clientId: e.currentTarget.value })} />
        </div>
        <div className="tryit-field">
          <label htmlFor={id('secret')}>Client secret {authCode && <span className="tryit-meta">only for a confidential client</span>}</label>
          <input id={id('secret')} type="password" autoComplete="off" spellCheck={false} value={saved.clientSecret} onChange={(e) => keep({ ...saved, clientSecret: e.currentTarget.value })} />
        </div>
      </div>
      {choice.scopes.length > 0 && (
        <fieldset className="tryit-scopes">
          <legend>Scopes</legend>
          {choice.scopes.map((s) => (
            <label key={s.name} className="tryit-check">
              <input type="checkbox" checked={scopes.includes(s.name)} onChange={(e) => { const on = e.currentTarget.checked; setScopes((list) => on ? [...list, s.name] : list.filter((x) => x !== s.name)); }} />
              <code>{s.name}</code> {s.description && <span className="tryit-meta">{s.description}</span>}
            </label>
          ))}
        </fieldset>
      )}
      {authCode && (
        <div className="tryit-actions" role="radiogroup" aria-labelledby={id('mode-label')}>
          <span id={id('mode-label')} className="tryit-oauth-mode">Sign in</span>
          <label className="tryit-check"><input type="radio" name={id('mode')} checked={mode === 'popup'} onChange={() => setMode('popup')} /> in a popup</label>
          <label className="tryit-check"><input type="radio" name={id('mode')} checked={mode === 'redirect'} onChange={() => setMode('redirect')} /> by leaving this page and coming back</label>
        </div>
      )}
      <div className="tryit-actions">
        <button type="button" className="tryit-send" disabled={busy} onClick={() => void run()}>{authCode ? 'Sign in and get a token' : 'Get a token'}</button>
        {token?.refreshToken && <button type="button" className="tryit-small" disabled={busy} onClick={() => void refresh().catch((e: unknown) => setError(describeOAuthError(e)))}>Refresh now</button>}
        {token && <button type="button" className="tryit-small" onClick={() => { keep({ ...saved, token: undefined }); onToken(''); }}>Forget token</button>}
      </div>
      {token && (
        <p className="tryit-ok" data-testid="oauth-token">
          Token {maskKey(token.accessToken)} · <span data-expired={token.expiresAt !== undefined && token.expiresAt <= now}>{describeExpiry(token, now)}</span>
          {token.scope ? ` · scopes ${token.scope}` : ''}{token.refreshToken ? ' · refreshes itself' : ''}
        </p>
      )}
      {error && <p className="tryit-warn" role="alert">{error}</p>}
      <small className="tryit-hint">
        {authCode ? <>Register this redirect URI with your client: <code>{callbackUrl}</code>. </> : null}
        Token requests go through this site’s proxy to <code>{choice.tokenUrl ?? choice.openIdConnectUrl}</code> only. The token is kept like a key: in this tab{remember ? ' and on this device' : ''}, never in a URL.
      </small>
      <NotOffered uid={uid} choices={shownOnly} />
    </fieldset>
  );
}

function NotOffered({ choices }: { uid: string; choices: OAuthChoice[] }) {
  if (choices.length === 0) return null;
  return (
    <ul className="tryit-hint tryit-not-offered" aria-label="Flows not offered">
      {choices.map((c) => <li key={`${c.scheme}-${c.flow}`}><strong>{flowLabel(c.flow)}</strong> ({c.scheme}): not offered. {c.reason}</li>)}
    </ul>
  );
}

function parseSaved(text: string): Saved {
  try {
    const value = JSON.parse(text || '{}') as Partial<Saved>;
    const token = value.token ? parseTokenSet(JSON.stringify(value.token)) : undefined;
    return { clientId: typeof value.clientId === 'string' ? value.clientId : '', clientSecret: typeof value.clientSecret === 'string' ? value.clientSecret : '', ...(token ? { token } : {}) };
  } catch {
    return { clientId: '', clientSecret: '' };
  }
}
