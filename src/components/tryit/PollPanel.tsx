import { useRef, useState } from 'react';
import { toFetchRequest, type RequestSpec } from '../../request/index.ts';
import { findMedia, pollUntilDone, toBodyView, toStatusRequest, type PollResult, type PollStep, type TryItProps } from '../../tryit/index.ts';
import { BodyView } from './BodyView.tsx';
import { MediaView } from './MediaView.tsx';

interface Props {
  props: TryItProps;
  /** Body of the create response. */
  created: unknown;
  spec: RequestSpec;
  keyText: string;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(timer); reject(new Error('cancelled')); }, { once: true });
  });

/** "Poll until done": the status operation, repeated with backoff, as a visible timeline. */
export function PollPanel({ props, created, spec, keyText }: Props) {
  const followUp = props.followUp!;
  const [steps, setSteps] = useState<PollStep[]>([]);
  const [result, setResult] = useState<PollResult>();
  const [polling, setPolling] = useState(false);
  const controller = useRef<AbortController>(undefined);
  const auth = spec.auth && keyText ? { ...spec.auth, key: keyText } : undefined;
  const request = toStatusRequest(followUp, created, { baseUrl: spec.baseUrl, auth });
  if (!request) return <p className="tryit-warn">The answer has no {followUp.params.map((p) => `\`${p.pointer.slice(1)}\``).join(', ')} to poll the task with.</p>;

  const start = async () => {
    const abort = new AbortController();
    controller.current = abort;
    setSteps([]);
    setResult(undefined);
    setPolling(true);
    const outcome = await pollUntilDone(followUp, request, {
      now: () => performance.now(),
      sleep,
      onStep: (step) => setSteps((list) => [...list, step]),
      send: async (r, signal) => {
        const response = await fetch(toFetchRequest(r, { signal }));
        const text = await response.text();
        let body: unknown = text;
        try { body = JSON.parse(text); } catch { /* shown as text */ }
        const retry = Number(response.headers.get('retry-after'));
        return { status: response.status, body, ...(Number.isFinite(retry) && retry > 0 ? { retryAfterMs: retry * 1000 } : {}) };
      },
    }, abort.signal);
    setResult(outcome);
    setPolling(false);
  };

  const media = result?.body !== undefined ? findMedia(result.body, props.media) : [];
  return (
    <section className="tryit-poll" aria-label="Task status">
      <p>
        This is an async task: <code>{followUp.request.method} {followUp.request.path}</code> tells when it is done.{' '}
        {!polling && <button type="button" className="tryit-send" onClick={() => void start()}>{result ? 'Poll again' : 'Poll until done'}</button>}
        {polling && <button type="button" className="tryit-cancel" onClick={() => controller.current?.abort()}>Stop polling</button>}
      </p>
      {steps.length > 0 && (
        <ol className="tryit-timeline" aria-label="Status timeline">
          {steps.map((s) => (
            <li key={s.attempt} data-status={s.status}>
              <span className="tryit-meta">{(s.at / 1000).toFixed(1)} s</span> <code>{s.status}</code>{s.http !== 200 && <span className="tryit-meta"> HTTP {s.http}</span>}
            </li>
          ))}
          {polling && <li className="tryit-meta" aria-hidden="true">waiting…</li>}
        </ol>
      )}
      {result && <p className="tryit-status" role="status" data-outcome={result.outcome}>{outcomeText(result)}</p>}
      {media.length > 0 && <MediaView items={media} />}
      {result && result.body !== undefined && <BodyView view={toBodyView(JSON.stringify(result.body), 'application/json')} collapsed={media.length > 0} />}
    </section>
  );
}

function outcomeText(result: PollResult): string {
  const last = result.steps[result.steps.length - 1];
  switch (result.outcome) {
    case 'done': return `Done: ${last?.status} after ${result.steps.length} polls.`;
    case 'failed': return `The task failed: ${last?.status}.`;
    case 'error': return `Polling stopped on HTTP ${last?.http}.`;
    case 'cancelled': return 'Polling stopped.';
    default: return `Still ${last?.status} after ${result.steps.length} polls; try again later.`;
  }
}
