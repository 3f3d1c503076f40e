import { useState, type ReactNode } from 'react';
import { toBase64, type Problem, type RequestSpec } from '../../request/index.ts';
import { fieldText, maskKey, type FormField, type TryItProps } from '../../tryit/index.ts';
import { Field } from './Field.tsx';
import { Inline } from './Inline.tsx';

interface Props {
  /** Unique per console on the page: several consoles may show the same fields. */
  uid: string;
  props: TryItProps;
  spec: RequestSpec;
  setSpec: (update: (spec: RequestSpec) => RequestSpec) => void;
  bodyText: string;
  jsonError?: string;
  problems: Problem[];
  keyText: string;
  remember: boolean;
  onKey: (key: string, remember?: boolean) => void;
  onField: (field: FormField, text: string) => void;
  onBodyText: (text: string) => void;
  onStream: (on: boolean) => void;
  busy: boolean;
  confirming: boolean;
  onSend: (force?: boolean) => void;
  onCancel: () => void;
  /** The OAuth panel, when the spec declares OAuth (loaded on demand). */
  oauth?: ReactNode;
}

export function RequestPanel(p: Props) {
  const { props, spec } = p;
  const [reveal, setReveal] = useState(false);
  const [view, setView] = useState<'json' | 'form'>(props.body?.kind === 'multipart' ? 'form' : 'json');
  const errorsOf = (field: FormField) => p.problems.filter((x) => field.in === 'body' ? x.pointer === `/body/${field.name}` || x.pointer.startsWith(`/body/${field.name}/`) : x.pointer === `/${field.id}`).map((x) => x.message);
  const bodyProblems = p.problems.filter((x) => x.pointer.startsWith('/body'));
  const onFile = (field: FormField, file: File | undefined) => {
    if (!file) return;
    void file.arrayBuffer().then((buffer) => {
      p.setSpec((current) => current.body?.kind !== 'multipart' ? current : {
        ...current,
        body: { ...current.body, parts: [...current.body.parts.filter((x) => x.name !== field.name), { name: field.name, filename: file.name, contentType: file.type || 'application/octet-stream', data: toBase64(new Uint8Array(buffer)) }] },
      });
    });
  };
  const formFields = props.body?.fields;
  return (
    <form className="tryit-request" onSubmit={(e) => { e.preventDefault(); p.onSend(); }} noValidate>
      <div className="tryit-line">
        <span className={`tryit-method tryit-${props.method.toLowerCase()}`}>{props.method}</span>
        <code className="tryit-path">{props.path}</code>
      </div>
      <div className="tryit-grid">
        <div className="tryit-field">
          <label htmlFor={`tryit-server-${p.uid}`}>Server</label>
          <select id={`tryit-server-${p.uid}`} value={spec.baseUrl} onChange={(e) => { const url = e.currentTarget.value; p.setSpec((s) => ({ ...s, baseUrl: url })); }}>
            {props.servers.map((s) => <option key={s.url} value={s.url}>{s.label}</option>)}
          </select>
          {!props.servers.find((s) => s.url === spec.baseUrl)?.proxy && <small className="tryit-hint">Sent from your browser straight to the API: it works only if the API allows this site (CORS).</small>}
        </div>
        {props.auth && (
          <div className="tryit-field tryit-key">
            <label htmlFor={`tryit-key-${p.uid}`}>{props.oauth ? 'Access token' : 'API key'} <span className="tryit-meta">{props.auth.label}</span></label>
            <div className="tryit-row">
              <input id={`tryit-key-${p.uid}`} type={reveal ? 'text' : 'password'} autoComplete="off" spellCheck={false} value={p.keyText}
                placeholder={props.oauth ? 'Get one below, or paste one' : 'Paste your key'} aria-describedby={`tryit-key-hint-${p.uid}`} onChange={(e) => p.onKey(e.currentTarget.value)} />
              <button type="button" className="tryit-small" aria-pressed={reveal} onClick={() => setReveal(!reveal)}>{reveal ? 'Hide' : 'Show'}</button>
            </div>
            <label className="tryit-check">
              <input type="checkbox" checked={p.remember} onChange={(e) => p.onKey(p.keyText, e.currentTarget.checked)} /> Remember on this device
            </label>
            <small id={`tryit-key-hint-${p.uid}`} className="tryit-hint">
              {p.keyText ? `Using ${maskKey(p.keyText)}. ` : `No ${props.oauth ? 'token' : 'key'}: the API will answer with its auth error. `}
              Kept in this tab only{p.remember ? ' and on this device' : ''}; shared by the {props.apiTitle} pages; never put in a URL.
            </small>
          </div>
        )}
        {p.oauth && <div className="tryit-key">{p.oauth}</div>}
        {props.fields.map((field) => <Field key={field.id} uid={p.uid} field={field} value={fieldText(spec, field)} errors={errorsOf(field)} onChange={p.onField} />)}
      </div>
      {props.streaming && (
        <label className="tryit-check">
          <input type="checkbox" checked={spec.stream} onChange={(e) => p.onStream(e.currentTarget.checked)} /> Stream the answer (Server-Sent Events)
        </label>
      )}
      {props.body && (
        <fieldset className="tryit-body">
          <legend>Body <span className="tryit-meta">{props.body.mediaType}</span></legend>
          {formFields && props.body.kind === 'json' && (
            <div className="tryit-tabs" role="group" aria-label="Body editor">
              <button type="button" aria-pressed={view === 'json'} onClick={() => setView('json')}>JSON</button>
              <button type="button" aria-pressed={view === 'form'} onClick={() => setView('form')}>Form</button>
            </div>
          )}
          {view === 'form' && formFields ? (
            <div className="tryit-grid">
              {formFields.map((field) => <Field key={field.id} uid={p.uid} field={field} value={fieldText(spec, field)} errors={errorsOf(field)} onChange={p.onField} onFile={onFile} />)}
            </div>
          ) : props.body.kind === 'json' ? (
            <>
              <label className="tryit-sr" htmlFor={`tryit-json-${p.uid}`}>Request body (JSON)</label>
              <textarea id={`tryit-json-${p.uid}`} className="tryit-json" spellCheck={false} value={p.bodyText}
                rows={Math.min(18, Math.max(4, p.bodyText.split('\n').length + 1))} aria-invalid={Boolean(p.jsonError) || bodyProblems.length > 0 || undefined}
                aria-describedby={`tryit-json-err-${p.uid}`} onChange={(e) => p.onBodyText(e.currentTarget.value)} />
            </>
          ) : null}
          <ul id={`tryit-json-err-${p.uid}`} className="tryit-errors" aria-label="Problems in the body">
            {p.jsonError && <li>{p.jsonError}</li>}
            {(view === 'json' || !formFields) && bodyProblems.map((x) => <li key={x.pointer + x.message}><code>{x.path.replace(/^body\.?/, '') || '(body)'}</code> <Inline text={x.message} /></li>)}
          </ul>
        </fieldset>
      )}
      <div className="tryit-actions">
        <button type="submit" className="tryit-send" disabled={p.busy}>Send</button>
        {p.busy && <button type="button" className="tryit-cancel" onClick={p.onCancel}>Cancel</button>}
        {p.confirming && (
          <span className="tryit-confirm" role="alert">
            {p.jsonError ? 'The body is not valid JSON.' : `${p.problems.length} problem${p.problems.length === 1 ? '' : 's'} in the request.`}{' '}
            <button type="button" onClick={() => p.onSend(true)}>Send anyway</button>
          </span>
        )}
      </div>
    </form>
  );
}
