import { useCallback, useRef, useState } from 'react';
import {
  createSseParser, createStreamAssembler, findMedia, sendRequest, toBodyView,
  type BodyView, type MediaHints, type MediaItem, type ResponseCheck, type ResponseHead, type SendOutcome, type StreamState,
} from '../../tryit/index.ts';
import type { Problem } from '../../request/index.ts';

export interface RunState {
  phase: 'sending' | 'receiving' | 'done';
  head?: ResponseHead;
  stream?: StreamState;
  /** Raw SSE events, the newest last (capped). */
  events?: Array<{ event: string; data: string }>;
  bytes: number;
  startedAt: number;
  totalMs?: number;
  ending?: SendOutcome['ending'];
  error?: string;
  view?: BodyView;
  binaryUrl?: string;
  media?: MediaItem[];
  check?: { against?: string; problems: Problem[] };
  /** The check of the answer: under way (the schemas load on the first answer), or it could not run. */
  checking?: 'pending' | 'failed';
}

const MAX_EVENTS = 500;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Checks the answer against its documented schema (asynchronously: the schemas load on the first answer). */
export type CheckAnswer = (status: number, contentType: string, values: readonly unknown[]) => Promise<ResponseCheck | undefined>;

/**
 * Sends through fetch and keeps the response state: stream text re-rendered at most once per
 * frame, and big bodies processed in separate tasks so typing stays responsive meanwhile.
 */
export function useRunner(media: MediaHints, checkAnswer: CheckAnswer) {
  const [run, setRun] = useState<RunState>();
  const controller = useRef<AbortController>(undefined);
  const latest = useRef(0);

  const cancel = useCallback(() => controller.current?.abort(), []);

  const send = useCallback(async (request: (signal: AbortSignal) => Request) => {
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    const runId = ++latest.current;
    const startedAt = performance.now();
    let state: RunState = { phase: 'sending', bytes: 0, startedAt };
    let frame = 0;
    const commit = () => {
      frame = 0;
      setRun({ ...state, stream: state.stream ? { ...state.stream } : undefined, events: state.events?.slice() });
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(commit);
    };
    setRun(state);
    const assembler = createStreamAssembler(() => performance.now());
    const events: Array<{ event: string; data: string }> = [];
    const parsed: unknown[] = [];
    const parser = createSseParser((e) => {
      assembler.push(e);
      if (events.length < MAX_EVENTS) events.push({ event: e.event, data: e.data });
      if (e.data !== '[DONE]') try { parsed.push(JSON.parse(e.data)); } catch { /* not JSON: shown raw only */ }
    });
    let streaming = false;
    const outcome = await sendRequest(request(abort.signal), { fetch: (r) => fetch(r), now: () => performance.now() }, {
      onHead(head) {
        streaming = head.contentType.startsWith('text/event-stream');
        state = { ...state, phase: 'receiving', head, ...(streaming ? { stream: assembler.state, events } : {}) };
        commit();
      },
      onText(text, bytes) {
        state.bytes = bytes;
        if (streaming) parser.feed(text);
        schedule();
      },
    });
    if (frame) cancelAnimationFrame(frame);
    const cleanEnd = streaming ? parser.end() : true;
    state = { ...state, phase: 'done', bytes: outcome.bytes, totalMs: outcome.totalMs, ending: outcome.ending === 'complete' && !cleanEnd ? 'cut' : outcome.ending, error: outcome.error, head: outcome.head ?? state.head };
    commit();
    if (controller.current === abort) controller.current = undefined;
    const body = outcome.body;
    if (!body || !outcome.head) return;
    if (body.kind === 'binary') {
      state = { ...state, binaryUrl: URL.createObjectURL(body.blob) };
      return commit();
    }
    const head = outcome.head;
    const check = async (values: unknown[]) => {
      state = { ...state, checking: 'pending' };
      commit();
      const checked = await checkAnswer(head.status, head.contentType, values);
      // A newer run owns the panel by now: its state is not this one's to replace.
      if (latest.current !== runId) return;
      const { checking: _done, ...rest } = state;
      state = !checked ? { ...rest, checking: 'failed' } : checked.against ? { ...rest, check: checked } : rest;
      commit();
    };
    if (streaming) return check(parsed);
    // Big bodies: parse, find media and check in separate tasks, so keystrokes get in between.
    await nextTask();
    const view = toBodyView(body.text, outcome.head.contentType);
    state = { ...state, view };
    commit();
    if (!view.json) return;
    await nextTask();
    state = { ...state, media: findMedia(view.value, media) };
    commit();
    await check([view.value]);
  }, [media, checkAnswer]);

  return { run, send, cancel, setRun };
}
