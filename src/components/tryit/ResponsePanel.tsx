import { useState } from 'react';
import type { RequestSpec } from '../../request/index.ts';
import { formatBytes, tokensPerSecond, type TryItProps } from '../../tryit/index.ts';
import { BodyView } from './BodyView.tsx';
import { Inline } from './Inline.tsx';
import { MediaView } from './MediaView.tsx';
import { PollPanel } from './PollPanel.tsx';
import type { RunState } from './use-runner.ts';

interface Props {
  props: TryItProps;
  run?: RunState;
  spec: RequestSpec;
  keyText: string;
}

type Tab = 'body' | 'events' | 'headers' | 'check';

export function ResponsePanel({ props, run, spec, keyText }: Props) {
  const [tab, setTab] = useState<Tab>('body');
  const direct = !props.servers.find((server) => server.url === spec.baseUrl)?.proxy;
  const status = statusLine(run, direct);
  return (
    <div className="tryit-response">
      <p className="tryit-status" role="status" aria-live="polite" data-state={run?.phase ?? 'idle'} data-ending={run?.ending}>{status}</p>
      {run?.head && (
        <>
          <div className="tryit-summary">
            <span className={`tryit-code tryit-code-${String(run.head.status)[0]}`}>{run.head.status} {run.head.statusText}</span>
            <span>first byte {ms(run.head.ttfbMs)}</span>
            {run.totalMs !== undefined && <span>total {ms(run.totalMs)}</span>}
            <span>{formatBytes(run.bytes)}</span>
            {run.stream?.firstTokenAt !== undefined && <span>first token {ms(run.stream.firstTokenAt - run.startedAt)}</span>}
            {run.stream && tokensPerSecond(run.stream) !== undefined && <span>{tokensPerSecond(run.stream)!.toFixed(1)} tokens/s</span>}
          </div>
          {run.head.sandbox && (
            <p className="tryit-sandbox">
              <strong className="tryit-badge">Sandbox</strong> This answer came from the sandbox, built from the spec’s examples.
              To reach the real API, start the site with <code>{props.upstreamEnv}=&lt;API base URL&gt;</code>.
            </p>
          )}
          <div className="tryit-tabs" role="tablist" aria-label="Response">
            {(['body', ...(run.events ? ['events'] : []), 'headers', 'check'] as Tab[]).map((t) => (
              <button key={t} type="button" role="tab" aria-selected={tab === t} onClick={() => setTab(t)}>
                {t === 'body' ? 'Body' : t === 'events' ? `Events (${run.events?.length ?? 0})` : t === 'headers' ? 'Headers' : `Check${run.check ? ` (${run.check.problems.length})` : ''}`}
              </button>
            ))}
          </div>
          <div role="tabpanel" className="tryit-panel">
            {tab === 'body' && (
              <>
                {run.stream && <StreamText run={run} />}
                {run.binaryUrl && <MediaView items={[{ kind: mediaKind(run.head.contentType), src: run.binaryUrl, pointer: '', mediaType: run.head.contentType, bytes: run.bytes }]} />}
                {run.media && run.media.length > 0 && <MediaView items={run.media} />}
                {run.view && <BodyView view={run.view} collapsed={Boolean(run.media && run.media.length > 0)} />}
                {props.followUp && run.phase === 'done' && run.head.status < 300 && run.view?.json && (
                  <PollPanel props={props} created={run.view.value} spec={spec} keyText={keyText} />
                )}
              </>
            )}
            {tab === 'events' && (
              <ol className="tryit-events">
                {run.events?.map((e, i) => <li key={i}><code>{e.event !== 'message' ? `event: ${e.event}\n` : ''}data: {e.data}</code></li>)}
              </ol>
            )}
            {tab === 'headers' && (
              <table className="tryit-headers">
                <tbody>{run.head.headers.map(([n, v]) => <tr key={n}><th scope="row">{n}</th><td>{v}</td></tr>)}</tbody>
              </table>
            )}
            {tab === 'check' && <CheckList run={run} />}
          </div>
        </>
      )}
    </div>
  );
}

function StreamText({ run }: { run: RunState }) {
  const s = run.stream!;
  return (
    <div className="tryit-stream" data-done={s.done}>
      {s.reasoning && <details><summary>Reasoning</summary><p className="tryit-message">{s.reasoning}</p></details>}
      <p className="tryit-message" data-testid="tryit-message">{s.text}{run.phase !== 'done' && <span className="tryit-caret" aria-hidden="true" />}</p>
      {s.error && <p className="tryit-warn">The stream reported an error: {s.error}</p>}
    </div>
  );
}

function CheckList({ run }: { run: RunState }) {
  if (run.checking === 'pending') return <p>Checking against the documented schema…</p>;
  if (run.checking === 'failed') return <p>The check could not run: the documented schemas did not load.</p>;
  if (!run.check) return <p>{run.phase === 'done' ? 'No documented schema for this status and media type.' : 'Checked when the answer is complete.'}</p>;
  if (run.check.problems.length === 0) return <p className="tryit-ok">Matches the documented schema ({run.check.against}).</p>;
  return (
    <>
      <p>Differences from the documented schema ({run.check.against}):</p>
      <ul className="tryit-errors">{run.check.problems.map((p) => <li key={p.message}><Inline text={p.message} /></li>)}</ul>
    </>
  );
}

function statusLine(run: RunState | undefined, direct: boolean): string {
  if (!run) return 'Not sent yet.';
  if (run.phase === 'sending') return 'Sending…';
  if (run.phase === 'receiving') return run.stream ? `Streaming… ${plural(run.stream.deltas, 'token')} so far.` : `Receiving… ${formatBytes(run.bytes)}.`;
  if (run.ending === 'aborted') return run.head ? `Cancelled after ${formatBytes(run.bytes)}.` : 'Cancelled.';
  if (run.ending === 'network') return `No answer: ${run.error ?? 'network error'}.${direct ? ' Sent straight to the API, the browser may have blocked it (CORS): choose this site’s proxy as the server.' : ''}`;
  const code = `${run.head?.status} ${run.head?.statusText ?? ''}`.trim();
  if (run.ending === 'cut') return `${code}: the ${run.stream ? 'stream' : 'body'} was cut before it finished${run.stream ? ` (no ${run.stream.format === 'anthropic' ? 'message_stop' : '[DONE]'} received)` : ''}.`;
  if (run.stream) return `${code}: stream complete, ${plural(run.stream.deltas, 'token')} in ${ms(run.totalMs ?? 0)}.`;
  return `${code} in ${ms(run.totalMs ?? 0)}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function ms(value: number): string {
  return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(2)} s`;
}

function mediaKind(type: string): 'image' | 'audio' | 'video' {
  return type.startsWith('image/') ? 'image' : type.startsWith('video/') ? 'video' : 'audio';
}
