import { useCallback, useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { describeRequestErrors, toFetchRequest, type JsonValue, type Problem, type RequestSpec } from '../../request/index.ts';
import {
  checkInWorker, createKeyStore, multipartValues, paramValues, setField, toSendable, type FormField, type TryItProps,
} from '../../tryit/index.ts';
import type { OAuthPanel as OAuthPanelType } from './OAuthPanel.tsx';
import { RequestPanel } from './RequestPanel.tsx';
import { useEnvironments } from './use-environments.ts';
import { useHistory } from './use-history.ts';
import { EnvironmentBar } from './EnvironmentBar.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { ResponsePanel } from './ResponsePanel.tsx';
import { SnippetPanel } from './SnippetPanel.tsx';
import { announceSend } from './reveal-answer.ts';
import { useRunner, type CheckAnswer } from './use-runner.ts';
import { useTypedBeforeHydration } from './use-typed-before-hydration.ts';
import { useValidators } from './use-validators.ts';
import './tryit.css';
import { isObject } from '../../openapi/index.ts';

const JSON_INDENT = 2;

/** The request the console sends: the reader's key in, or no auth at all when none was typed. */
export function withKey(spec: RequestSpec, key: string): RequestSpec {
  if (!spec.auth) return spec;
  if (key === '') {
    const { auth: _dropped, ...rest } = spec;
    return rest;
  }
  return { ...spec, auth: { ...spec.auth, key } };
}

export default function TryItIsland(props: TryItProps & { domId: string }) {
  // Islands are separate roots (useId would repeat across them): the page gives each console its own prefix.
  const uid = props.domId;
  const [spec, setSpec] = useState<RequestSpec>(props.initial);
  const [bodyText, setBodyText] = useState(() => (props.initial.body?.kind === 'json' ? JSON.stringify(props.initial.body.value, null, JSON_INDENT) : ''));
  const [jsonError, setJsonError] = useState<string>();
  const envs = useEnvironments(props, spec, setSpec);
  // Each environment has its own key (or token); none active: the API's key.
  const store = useMemo(() => createKeyStore(props.api, globalThis.sessionStorage, globalThis.localStorage, envs.state.active ? `env:${envs.state.active}` : undefined), [props.api, envs.state.active]);
  const [key, setKey] = useState('');
  const [remember, setRemember] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const validators = useValidators(props.validators, props.operation);
  const checkAnswer = useCallback<CheckAnswer>(
    (status, contentType, values) => checkInWorker({ url: props.responseSchemas, operation: props.operation, status, contentType, values }),
    [props.responseSchemas, props.operation],
  );
  const { run, send, cancel } = useRunner(props.media, checkAnswer);
  // A reopened request replaces the form, the JSON editor's text with it.
  const load = useCallback((next: RequestSpec) => {
    setSpec(next);
    if (next.body?.kind === 'json') setBodyText(JSON.stringify(next.body.value, null, JSON_INDENT));
    setJsonError(undefined);
    setConfirming(false);
  }, []);
  const history = useHistory(props, run, spec, load);
  // OAuth code loads only for specs that declare it, and only once the console is on screen.
  const [OAuthPanel, setOAuthPanel] = useState<ComponentType<Parameters<typeof OAuthPanelType>[0]>>();
  const fresh = useRef<() => Promise<string | undefined>>(undefined);
  useEffect(() => {
    if (props.oauth) void import('./OAuthPanel.tsx').then((m) => setOAuthPanel(() => m.OAuthPanel));
  }, [props.oauth]);

  useEffect(() => {
    const saved = store.read();
    setKey(saved.key);
    setRemember(saved.remembered);
  }, [store]);

  const changeKey = (text: string, keep = remember) => {
    setKey(text);
    setRemember(keep);
    store.write(text, keep);
  };

  const changeField = useCallback((field: FormField, text: string) => {
    setSpec((current) => {
      const next = setField(current, field, text);
      if (field.in === 'body' && next.body?.kind === 'json') setBodyText(JSON.stringify(next.body.value, null, JSON_INDENT));
      return next;
    });
    setConfirming(false);
  }, []);

  const changeBodyText = (text: string) => {
    setBodyText(text);
    setConfirming(false);
    try {
      const value = JSON.parse(text) as JsonValue;
      setJsonError(undefined);
      // "stream": true typed in the JSON asks for a stream just like the checkbox does.
      const stream = props.streaming && isObject<JsonValue>(value) && typeof value.stream === 'boolean' ? value.stream : undefined;
      setSpec((current) => (current.body?.kind === 'json' ? { ...current, body: { ...current.body, value }, stream: stream ?? current.stream } : current));
    } catch (error) {
      setJsonError(jsonErrorText(text, error));
    }
  };

  const changeStream = (on: boolean) => {
    let body = spec.body;
    if (streamField(props) && body?.kind === 'json' && isObject<JsonValue>(body.value)) {
      const { stream: _previous, ...rest } = body.value;
      const initial = props.initial.body?.kind === 'json' && isObject<JsonValue>(props.initial.body.value) ? props.initial.body.value : {};
      body = { ...body, value: on ? { ...rest, stream: true } : 'stream' in initial ? { ...rest, stream: false } : rest };
      setBodyText(JSON.stringify(body.value, null, JSON_INDENT));
    }
    setSpec({ ...spec, body, stream: on });
  };

  const problems: Problem[] = useMemo(() => {
    if (!validators) return [];
    const found: Problem[] = [];
    if (!validators.params(paramValues(spec, props.fields))) found.push(...describeRequestErrors(validators.params.errors ?? [], paramValues(spec, props.fields)));
    const body = spec.body?.kind === 'json' ? spec.body.value : spec.body?.kind === 'multipart' ? multipartValues(spec) : undefined;
    if (validators.body && body !== undefined && !jsonError && !validators.body(body)) {
      found.push(...describeRequestErrors(validators.body.errors ?? [], body).map((p) => ({ ...p, pointer: `/body${p.pointer}` })));
    }
    return found;
  }, [validators, spec, jsonError, props.fields]);

  const root = useRef<HTMLElement>(null);
  useTypedBeforeHydration(root);

  /** Sends the request, with a refreshed OAuth token first when the current one is about to expire. */
  const dispatch = async (request: RequestSpec) => {
    const current = (await fresh.current?.()) ?? key;
    const outgoing = withKey(toSendable(request), current);
    history.sending(outgoing);
    void send((signal) => toFetchRequest(outgoing, { signal }));
    if (root.current) announceSend(root.current);
  };

  const onSend = (force = false) => {
    if (!force && (problems.length > 0 || jsonError)) return setConfirming(true);
    setConfirming(false);
    // Invalid JSON sent on purpose goes as the text the reader typed, to see the API's own error.
    const typed = jsonError && spec.body?.kind === 'json' ? { ...spec, body: { kind: 'text' as const, mediaType: spec.body.mediaType, text: bodyText } } : spec;
    void dispatch(typed);
  };

  return (
    <section ref={root} className="tryit" aria-label={`Try ${props.method} ${props.path}`} data-operation={`${props.api}/${props.operation}`}>
      <SnippetPanel uid={uid} props={props} spec={spec} keyText={key} />
      <EnvironmentBar uid={uid} apiTitle={props.apiTitle} state={envs.state} onSwitch={envs.switchTo} onSave={(name) => envs.save(name, key, remember)} onDelete={envs.remove} />
      <RequestPanel
        uid={uid} props={props} spec={spec} setSpec={setSpec} bodyText={bodyText} jsonError={jsonError} problems={problems}
        keyText={key} remember={remember} onKey={changeKey} onField={changeField} onBodyText={changeBodyText} onStream={changeStream}
        busy={run !== undefined && run.phase !== 'done'} confirming={confirming} onSend={onSend} onCancel={cancel}
        oauth={props.oauth && OAuthPanel ? <OAuthPanel uid={uid} api={props.api} oauth={props.oauth} remember={remember} onToken={(token: string) => changeKey(token)} fresh={fresh} /> : undefined}
      />
      <ResponsePanel props={props} run={run} keyText={key} spec={spec} />
      <HistoryPanel entries={history.entries} operation={props.operation} pageOf={history.pageOf} onOpen={history.open} onClear={history.clear} />
    </section>
  );
}

function jsonErrorText(text: string, error: unknown): string {
  const message = (error as Error).message;
  const position = Number(/position (\d+)/.exec(message)?.[1]);
  if (!Number.isFinite(position)) return `Not valid JSON: ${message}`;
  const before = text.slice(0, position).split('\n');
  return `Not valid JSON at line ${before.length}, column ${before[before.length - 1].length + 1}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
}

/** The streaming variant asks for its stream with a `stream` field in the JSON body. */
function streamField(props: TryItProps): boolean {
  const body = props.streaming?.body;
  return body?.kind === 'json' && isObject<JsonValue>(body.value) && 'stream' in body.value;
}

